// Every error class shares one base (src/errors/coded-error.ts): a literal name, a stable code, its message.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AwsFormatError } from '../../src/aws/errors';
import { ConsolePageError } from '../../src/aws/console-page-error';
import { NativeMessageTooLongError } from '../../src/bridge/native-framing';
import { BridgeFailure } from '../../src/cli/bridge-failure';
import { TokenFileError } from '../../src/cli/token-file';
import { PortalError } from '../../src/duplo/errors';
import { UsageError } from '../../src/flags/usage-error';
import { SettingsError } from '../../src/settings/settings';
import { ManagedSettingError } from '../../src/settings/managed-error';
import { SetupError } from '../../src/setup/setup-error';
import { PopulateError } from '../../src/populate/populate-error';
import { AccessError } from '../../src/worker/access-error';
import { ConsoleSessionError } from '../../src/worker/console-session-error';
import { CodedError } from '../../src/errors/coded-error';

const made: [CodedError<string>, string, string, string][] = [
  [new PortalError('NOT_FOUND', { endpoint: 'v3/x', status: 404 }), 'PortalError', 'NOT_FOUND', 'NOT_FOUND: v3/x: 404'],
  [new AwsFormatError('BAD_PROFILE', 'the profile name'), 'AwsFormatError', 'BAD_PROFILE', 'BAD_PROFILE: the profile name'],
  [new ConsolePageError('OTHER_PARTITION', 'the page is in aws-cn'), 'ConsolePageError', 'OTHER_PARTITION', 'OTHER_PARTITION: the page is in aws-cn'],
  [new AccessError('NOT_SIGNED_IN', 'https://portal'), 'AccessError', 'NOT_SIGNED_IN', 'NOT_SIGNED_IN: https://portal'],
  [new ConsoleSessionError('SESSION_LIMIT', 'dev01 on acme.duplocloud.net'), 'ConsoleSessionError', 'SESSION_LIMIT', 'SESSION_LIMIT: dev01 on acme.duplocloud.net'],
  [new SettingsError('recents'), 'SettingsError', 'BAD_SETTING', 'the setting "recents" has a value it cannot take'],
  [new ManagedSettingError('PORTAL_NOT_ALLOWED', 'portals', 'https://x'), 'ManagedSettingError', 'PORTAL_NOT_ALLOWED', 'PORTAL_NOT_ALLOWED: portals https://x'],
  [new TokenFileError('EMPTY', 'is empty'), 'TokenFileError', 'EMPTY', 'is empty'],
  [new BridgeFailure('TIMEOUT', 'too slow'), 'BridgeFailure', 'TIMEOUT', 'too slow'],
  [new UsageError('--host is required'), 'UsageError', 'USAGE', '--host is required'],
  [new SetupError('no browser'), 'SetupError', 'SETUP', 'no browser'],
  [new PopulateError('NOT_OURS', 'profile "qa" is in the way'), 'PopulateError', 'NOT_OURS', 'profile "qa" is in the way'],
  [new NativeMessageTooLongError(2), 'NativeMessageTooLongError', 'TOO_LONG', "A native message of 2 bytes exceeds the browser's limit of 1048576 bytes."],
];

describe('CodedError', () => {
  it.each(made)('%s carries its literal name, its code and its message', (error, name, code, message) => {
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(CodedError);
    expect(error).toMatchObject({ name, code, message });
    expect(String(error)).toBe(`${name}: ${message}`);
  });
});

describe('error classes', () => {
  it('extend CodedError: only its own file extends Error', () => {
    const found = execFileSync('git', ['grep', '-l', '-E', 'extends (Type|Range)?Error\\b', '--', 'src', 'extension'], { encoding: 'utf8' });
    expect(found.split('\n').filter(Boolean)).toEqual(['src/errors/coded-error.ts']);
  });
});
