import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostManifestText, manifestProblem, readHostManifest, type HostManifest } from './host-manifest';

const origin = 'chrome-extension://afldkjilgapibonkcpebooaminnkidfk/';

describe('host manifests', () => {
  it('admits the extension by origin in Chromium browsers and by add-on ID in Firefox', () => {
    const description = 'DuploCloud JIT bridge: AWS credentials for local programs from your browser session';
    expect(JSON.parse(hostManifestText('edge', '/l.sh'))).toEqual({ name: 'com.duplocloud.jit_bridge', description, path: '/l.sh', type: 'stdio', allowed_origins: [origin] });
    expect(JSON.parse(hostManifestText('firefox', '/l.sh'))).toEqual({ name: 'com.duplocloud.jit_bridge', description, path: '/l.sh', type: 'stdio', allowed_extensions: ['duplo-jit-bridge@duplocloud.net'] });
  });

  it('adds the extra IDs of the browser\'s kind, after the built-in ones, once each', () => {
    const extra = ['abcdefghijklmnopabcdefghijklmnop', 'jit@example.com', 'abcdefghijklmnopabcdefghijklmnop'];
    expect(JSON.parse(hostManifestText('chrome', '/l.sh', extra))).toMatchObject({ allowed_origins: [origin, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/'] });
    expect(JSON.parse(hostManifestText('firefox', '/l.sh', extra))).toMatchObject({ allowed_extensions: ['duplo-jit-bridge@duplocloud.net', 'jit@example.com'] });
    const built: HostManifest = { name: 'com.duplocloud.jit_bridge', path: '/l.sh', type: 'stdio', allowed_origins: [origin] };
    expect(manifestProblem('chrome', built, '/l.sh', extra)).toBe(
      `does not allow the extension chrome-extension://abcdefghijklmnopabcdefghijklmnop/ (allowed_origins: ["${origin}"])`,
    );
  });

  it('names what keeps a browser from using the manifest', () => {
    const good: HostManifest = { name: 'com.duplocloud.jit_bridge', path: '/l.sh', type: 'stdio', allowed_origins: [origin] };
    expect(manifestProblem('chrome', good, '/l.sh')).toBeUndefined();
    expect(manifestProblem('chrome', { ...good, path: '/other.sh' }, '/l.sh')).toBe('runs /other.sh, not the launcher /l.sh');
    expect(manifestProblem('chrome', { ...good, allowed_origins: ['chrome-extension://x/'] }, '/l.sh')).toBe(
      `does not allow the extension ${origin} (allowed_origins: ["chrome-extension://x/"])`,
    );
    expect(manifestProblem('chrome', { ...good, type: 'pipe' }, '/l.sh')).toBe('has type "pipe", not "stdio"');
    expect(manifestProblem('firefox', good, '/l.sh')).toBe('does not allow the add-on duplo-jit-bridge@duplocloud.net (allowed_extensions)');
  });

  it('reads a manifest as missing, unreadable or read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duplo-jit-manifest-'));
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    expect(await readHostManifest(join(dir, 'none.json'))).toEqual({ state: 'missing' });
    expect(await readHostManifest(write('bad.json', '{ nope'))).toEqual({ state: 'unreadable', reason: 'is not valid JSON' });
    expect(await readHostManifest(write('odd.json', '{"name": 1}'))).toEqual({ state: 'unreadable', reason: 'lacks the fields of a host manifest (name, path, type)' });
    expect(await readHostManifest(dir)).toEqual({ state: 'unreadable', reason: 'cannot be read (EISDIR)' });
    expect(await readHostManifest(write('ok.json', hostManifestText('chrome', '/l.sh')))).toEqual({
      state: 'read',
      manifest: { name: 'com.duplocloud.jit_bridge', path: '/l.sh', type: 'stdio', allowed_origins: [origin] },
    });
  });
});
