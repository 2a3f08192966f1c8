import { describe, expect, it } from 'vitest';
import { parseFlagValues } from './parse-flags';

const options = {
  tenant: { type: 'string' },
  token: { type: 'string' },
  admin: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const parse = (...argv: string[]) => parseFlagValues(argv, options);

describe('parseFlagValues: the rules of Go flag', () => {
  it.each([['-tenant', 'x'], ['--tenant', 'x'], ['-tenant=x'], ['--tenant=x']])('takes a string flag written %j', (...argv) => {
    expect(parse(...argv)).toEqual({ tenant: 'x' });
  });

  it('takes the next argument as the value even when it starts with a dash, and keeps "=" inside a value', () => {
    expect(parse('--token', '-Xq4', '-tenant', '--dev')).toEqual({ token: '-Xq4', tenant: '--dev' });
    expect(parse('-token=a=b=', '--tenant=')).toEqual({ token: 'a=b=', tenant: '' });
  });

  it.each(['1', 't', 'T', 'TRUE', 'true', 'True'])('reads -admin=%s as true', (word) => {
    expect(parse(`-admin=${word}`)).toEqual({ admin: true });
  });

  it.each(['0', 'f', 'F', 'FALSE', 'false', 'False'])('reads --admin=%s as false', (word) => {
    expect(parse(`--admin=${word}`)).toEqual({ admin: false });
  });

  it('takes a bare boolean as true, the last of a repeated flag, and -h or -help for help', () => {
    expect(parse('-admin', '--debug')).toEqual({ admin: true, debug: true });
    expect(parse('--admin', '--admin=false', '-tenant', 'a', '--tenant=b')).toEqual({ admin: false, tenant: 'b' });
    expect(parse('-h')).toEqual({ help: true });
    expect(parse('-help')).toEqual({ help: true });
    expect(parse('--h')).toEqual({ help: true });
  });

  it('ends the flags at "--" alone', () => {
    expect(parse('-admin', '--')).toEqual({ admin: true });
  });

  it.each([
    [['--force'], "Unknown option '--force'"],
    [['-tenat=x'], "Unknown option '-tenat'"],
    [['--tokn=s3cret'], "Unknown option '--tokn'"],
    [['--tenant'], "Option '--tenant <value>' argument missing"],
    [['-admin=yes'], `Option '-admin' takes true or false (or 1, 0, t, f), not "yes"`],
    [['---admin'], "Bad flag syntax '---admin': write -name, --name or --name=value"],
    [['-=x'], "Bad flag syntax '-=': write -name, --name or --name=value"],
    [['dev01'], "Unexpected argument 'dev01'. This command does not take positional arguments"],
    [['-'], "Unexpected argument '-'. This command does not take positional arguments"],
    [['--admin', '--', '--debug'], "Unexpected argument '--debug'. This command does not take positional arguments"],
    [['--tenant', 'x', 'extra', '--admin'], "Unexpected argument 'extra'. This command does not take positional arguments"],
    [['--admin', 'true'], `Unexpected argument 'true': a boolean flag takes its value after "=", as in --admin=true`],
    [['-debug', 'F'], `Unexpected argument 'F': a boolean flag takes its value after "=", as in -debug=F`],
  ])('refuses %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
  });
});
