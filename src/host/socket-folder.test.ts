import { lstat, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secureSocketFolder } from './socket-folder';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'duplo-jit-folder-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('secureSocketFolder', () => {
  it('creates missing folders 0700', async () => {
    await secureSocketFolder(join(root, 'a', 'b'));
    expect((await lstat(join(root, 'a', 'b'))).mode & 0o777).toBe(0o700);
  });

  it('refuses a file or a symbolic link where the folder should be', async () => {
    await writeFile(join(root, 'file'), '');
    await mkdir(join(root, 'real'), { mode: 0o700 });
    await symlink(join(root, 'real'), join(root, 'link'));
    await expect(secureSocketFolder(join(root, 'file'))).rejects.toThrow();
    await expect(secureSocketFolder(join(root, 'link'))).rejects.toThrow(/not a folder/);
  });
});
