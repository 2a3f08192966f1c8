import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCommand } from './install-command';
import { filesUnder, testIo } from './setup-io.test-support';
import { uninstallCommand } from './uninstall-command';

const name = 'com.duplocloud.jit_bridge';

describe('uninstall', () => {
  it('removes exactly what install wrote and leaves everything else', async () => {
    const io = testIo();
    mkdirSync(join(io.home, '.config/chromium/NativeMessagingHosts'), { recursive: true });
    mkdirSync(join(io.home, '.local/share/duplo-jit-bridge'), { recursive: true });
    writeFileSync(join(io.home, '.config/chromium/NativeMessagingHosts/other.host.json'), '{"name":"other.host"}');
    writeFileSync(join(io.home, '.config/chromium/Local State'), '{}');
    const before = filesUnder(io.home);
    await installCommand([], io);
    const after = testIo({ homedir: io.home });
    expect(await uninstallCommand([], after)).toBe(0);
    expect(filesUnder(io.home)).toEqual(before);
    expect(after.out()).toBe(
      [
        `removed chromium host manifest ${join(io.home, `.config/chromium/NativeMessagingHosts/${name}.json`)}`,
        `removed launcher ${join(io.home, '.local/share/duplo-jit-bridge/host-launcher.sh')}`,
        `removed folder ${join(io.home, '.local/share/duplo-jit-bridge')}`,
        `uninstalled the native host ${name}`,
        '',
      ].join('\n'),
    );
    const again = testIo({ homedir: io.home });
    expect(await uninstallCommand([], again)).toBe(0);
    expect(again.out()).toBe(`nothing to remove: no ${name} native host is installed\n`);
  });

  it('keeps a manifest that is not ours, and the launcher while another browser still uses it', async () => {
    const io = testIo();
    await installCommand(['--browser', 'chrome'], io);
    await installCommand(['--browser', 'edge'], io);
    const edge = join(io.home, `.config/microsoft-edge/NativeMessagingHosts/${name}.json`);
    const chromium = join(io.home, `.config/chromium/NativeMessagingHosts/${name}.json`);
    mkdirSync(join(io.home, '.config/chromium/NativeMessagingHosts'), { recursive: true });
    writeFileSync(chromium, '{"name":"someone.else","path":"/x","type":"stdio"}');
    const out = testIo({ homedir: io.home });
    expect(await uninstallCommand(['--browser', 'chrome'], out)).toBe(0);
    expect(out.out()).toBe(`removed chrome host manifest ${join(io.home, `.config/google-chrome/NativeMessagingHosts/${name}.json`)}\nuninstalled the native host ${name} for chrome\n`);
    expect(statSync(join(io.home, '.local/share/duplo-jit-bridge/host-launcher.sh')).isFile()).toBe(true);
    const rest = testIo({ homedir: io.home });
    expect(await uninstallCommand([], rest)).toBe(0);
    expect(rest.err()).toBe(`duplo-jit-bridge: kept ${chromium}: it is not a ${name} host manifest\n`);
    expect(rest.out()).toContain(`removed edge host manifest ${edge}\nremoved launcher `);
    expect(readFileSync(chromium, 'utf8')).toContain('someone.else');
  });
});
