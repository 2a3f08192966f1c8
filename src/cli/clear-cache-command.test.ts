import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeCliError } from './cli-error';
import { clearCacheCommand } from './clear-cache-command';

let root: string;
let folder: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'duplo-jit-clear-'));
  folder = join(root, 'credentials');
});

async function clear(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await clearCacheCommand(argv, { stdout: (text) => (out += text), credentialCacheDir: folder, socket: join(root, 'no-bridge.sock') });
  return { code, out };
}

const unreached = "The browser's cache was not reached: no browser bridge answers (a browser that is not running holds no credentials).\n";

describe('clear-cache', () => {
  it('removes every cached credential file and leaves foreign files alone', async () => {
    await mkdir(folder);
    const ours = ['acme.duplocloud.net,admin.json', 'acme.duplocloud.net,tenant,dev01.json', '127.0.0.1_8443,duplo-ops.json'];
    for (const name of [...ours, 'notes.txt', 'other.json', 'acme.duplocloud.net,admin.json.123.tmp']) await writeFile(join(folder, name), '{}');
    expect(await clear([])).toEqual({ code: 0, out: `Removed 3 cached credential files from ${folder}.\n${unreached}` });
    expect((await readdir(folder)).sort()).toEqual(['acme.duplocloud.net,admin.json.123.tmp', 'notes.txt', 'other.json']);
  });

  it("with --host, removes only that portal's files", async () => {
    await mkdir(folder);
    for (const name of ['acme.duplocloud.net,admin.json', 'other.duplocloud.net,admin.json']) await writeFile(join(folder, name), '{}');
    expect(await clear(['--host', 'https://acme.duplocloud.net/'])).toEqual({ code: 0, out: `Removed 1 cached credential file from ${folder}.\n${unreached}` });
    expect(await readdir(folder)).toEqual(['other.duplocloud.net,admin.json']);
  });

  it('says there were none, with or without the folder', async () => {
    expect(await clear([])).toEqual({ code: 0, out: `No cached credential files in ${folder}.\n${unreached}` });
    await mkdir(folder);
    expect(await clear([])).toEqual({ code: 0, out: `No cached credential files in ${folder}.\n${unreached}` });
  });

  it('refuses a plain-http --host in words about caching (it sends no token), and removes nothing', async () => {
    await mkdir(folder);
    await writeFile(join(folder, 'acme.duplocloud.net,admin.json'), '{}');
    const refused = await clear(['--host', 'http://acme.duplocloud.net']).catch((error: unknown) => describeCliError(error, 'clear-cache', 'http://acme.duplocloud.net'));
    expect(refused).toEqual({
      exitCode: 2,
      line: '--host http://acme.duplocloud.net is plain http, and nothing is ever cached for a portal over plain http; give the portal\'s https address, as in --host https://acme.duplocloud.net. Run "duplo-jit-bridge clear-cache --help" for the options.',
    });
    expect(await readdir(folder)).toEqual(['acme.duplocloud.net,admin.json']);
  });
});
