import { describe, expect, it } from 'vitest';
import { parsePopulateFlags } from './populate-flags';

const host = 'https://acme.duplocloud.net';

describe('populate flags, by the rules of Go flag', () => {
  it('takes one dash or two, a value after a space or "=", and Go booleans', () => {
    expect(parsePopulateFlags(['-host', host, '-prefix', 'acme-', '--dry-run=true', '-prune', '--force=false', '--admin=1', '-duplo-ops=F'], {})).toEqual({
      host,
      prefix: 'acme-',
      dryRun: true,
      prune: true,
      force: false,
      admin: true,
      duploOps: false,
    });
  });

  it('takes --host from DUPLO_HOST, and passes --token-file and --config on', () => {
    expect(parsePopulateFlags(['--token-file=/t', '-config', '/c'], { DUPLO_HOST: host })).toEqual({
      host,
      prefix: '',
      dryRun: false,
      prune: false,
      force: false,
      admin: false,
      duploOps: false,
      tokenFile: '/t',
      config: '/c',
    });
  });

  it('answers -h with help', () => {
    expect(parsePopulateFlags(['-h'], {})).toBe('help');
  });

  it.each([
    [['--host', host, '--profile', 'x'], "Unknown option '--profile'"],
    [['-host', host, '-dry-run', 'true'], 'Unexpected argument \'true\': a boolean flag takes its value after "=", as in -dry-run=true'],
    [['--host', host, '--prune=yes'], "Option '--prune' takes true or false (or 1, 0, t, f), not \"yes\""],
    [['--host', host, '--prefix'], "Option '--prefix <value>' argument missing"],
    [[], '--host is required (or DUPLO_HOST in the environment), e.g. --host https://acme.duplocloud.net'],
    [['--host', host, '--prefix', 'my profile'], '--prefix "my profile" cannot start a profile name; use letters, digits and . _ @ + - only'],
    [['--host', host, '--token-file='], '--token-file is empty; give the path of a file that holds the API token'],
    [['--host', host, '--config', ''], '--config is empty; give the path of the AWS config file to write'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parsePopulateFlags(argv, {})).toThrow(expect.objectContaining({ name: 'UsageError', message }) as Error);
  });

  it('takes --kubeconfig bare for the default file, or its file after "="', () => {
    expect(parsePopulateFlags(['--kubeconfig'], { DUPLO_HOST: host })).toMatchObject({ kubeconfig: '' });
    expect(parsePopulateFlags(['-kubeconfig=/k'], { DUPLO_HOST: host })).toMatchObject({ kubeconfig: '/k' });
    expect(() => parsePopulateFlags(['--kubeconfig', '/k'], { DUPLO_HOST: host })).toThrow(`Unexpected argument '/k': --kubeconfig takes its value after "=", as in --kubeconfig=/k`);
  });
});
