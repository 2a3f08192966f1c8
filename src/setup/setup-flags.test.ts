import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSetupFlags, setupFlagsText } from './setup-flags';

describe('parseSetupFlags', () => {
  it('defaults to every browser at user level', () => {
    expect(parseSetupFlags([], 'linux')).toEqual({ browser: 'all', system: false });
    expect(parseSetupFlags(['--browser', 'brave', '--system'], 'linux')).toEqual({ browser: 'brave', system: true });
    expect(parseSetupFlags(['-h'], 'linux')).toBe('help');
  });

  it('resolves a profile directory to an absolute path', () => {
    expect(parseSetupFlags(['--profile-dir', 'rel/profile'], 'darwin')).toEqual({ browser: 'all', system: false, profileDir: resolve('rel/profile') });
  });

  it.each([
    [['--browser', 'opera'], '--browser must be one of chrome, chromium, edge, brave, vivaldi, firefox or all, not "opera"'],
    [['--profile-dir', '/p', '--system'], '--profile-dir and --system exclude each other: a profile directory belongs to one user'],
    [['--profile-dir', '/p', '--browser', 'firefox'], '--profile-dir is a Chromium-family user data directory; it does not work with --browser firefox'],
    [['--profile-dir', ' '], "--profile-dir needs the browser's user data directory, e.g. --profile-dir /tmp/chromium-profile"],
    [['--force'], "Unknown option '--force'"],
    [['--extension-id', ' , '], '--extension-id needs one or more IDs, comma-separated, e.g. --extension-id abcdefghijklmnopabcdefghijklmnop'],
    [['--extension-id', 'ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP'], '--extension-id "ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP" is neither a Chromium extension ID (32 letters a-p, as chrome://extensions shows it) nor a Firefox add-on ID (name@domain or {UUID})'],
    [['--browser', 'firefox', '--extension-id', 'abcdefghijklmnopabcdefghijklmnop'], '--extension-id "abcdefghijklmnopabcdefghijklmnop" is a Chromium extension ID, but --browser firefox takes Firefox add-on IDs (name@domain or {UUID})'],
    [['--browser', 'edge', '--extension-id', 'jit@example.com'], '--extension-id "jit@example.com" is a Firefox add-on ID, but --browser edge takes Chromium extension IDs (32 letters a-p)'],
    [['chrome'], "Unexpected argument 'chrome'. This command does not take positional arguments"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSetupFlags(argv, 'linux')).toThrow(message);
  });

  it('takes extra extension IDs of either kind with --browser all', () => {
    const ids = ['abcdefghijklmnopabcdefghijklmnop', '{0f9e7c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b}', 'jit@example.com'];
    expect(parseSetupFlags(['--extension-id', ids.join(', ')], 'linux')).toEqual({ browser: 'all', system: false, extensionIds: ids });
  });

  it('refuses a profile directory on Windows, where browsers read the registry', () => {
    expect(() => parseSetupFlags(['--profile-dir', 'C:\\p'], 'win32')).toThrow('--profile-dir works on Linux and macOS only');
  });

  it('writes the flags back for a fix command, quoting a path the shell would split', () => {
    expect(setupFlagsText({ browser: 'all', system: false })).toBe('');
    expect(setupFlagsText({ browser: 'chrome', system: true })).toBe(' --browser chrome --system');
    expect(setupFlagsText({ browser: 'all', system: false, profileDir: "/tmp/it's here" })).toBe(` --profile-dir '/tmp/it'\\''s here'`);
    expect(setupFlagsText({ browser: 'firefox', system: false, extensionIds: ['{0f9e7c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b}'] })).toBe(` --browser firefox --extension-id '{0f9e7c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b}'`);
  });
});
