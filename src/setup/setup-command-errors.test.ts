import { describe, expect, it } from 'vitest';
import { describeSetupError } from './setup-command-errors';
import { SetupError } from './setup-error';
import { UsageError } from '../flags/usage-error';

const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

describe('describeSetupError', () => {
  it('points a usage mistake at the command\'s help, with exit code 2', () => {
    expect(describeSetupError(new UsageError('--browser must be one of ...'), 'doctor')).toEqual({
      line: '--browser must be one of .... Run "duplo-jit-bridge doctor --help" for the options.',
      exitCode: 2,
    });
    expect(describeSetupError(new SetupError('no browser'), 'install')).toEqual({ line: 'no browser', exitCode: 1 });
  });

  it('turns a refused write into advice about --system and root', () => {
    expect(describeSetupError(errno('EACCES', 'mkdir', '/etc/opt/chrome'), 'install')).toEqual({
      line: 'permission denied on /etc/opt/chrome; system-wide places need --system run as root (sudo) or as an administrator',
      exitCode: 1,
    });
    expect(describeSetupError(errno('EROFS', 'open', '/usr/lib/x.json'), 'uninstall').line).toBe(
      'open /usr/lib/x.json failed (EROFS); fix that, then run "duplo-jit-bridge uninstall" again',
    );
  });
});
