import { describe, expect, it } from 'vitest';
import { parseAwsFlags } from './aws-flags';

const host = ['--host', 'https://acme.duplocloud.net'];

describe('parseAwsFlags', () => {
  it('gives the flags as the commands use them', () => {
    expect(parseAwsFlags([...host, '--tenant', ' dev01 ', '--debug'], 'aws', {})).toEqual({
      host: 'https://acme.duplocloud.net',
      scope: { tenant: 'dev01' },
      interactive: false,
      noCache: false,
      debug: true,
      open: false,
    });
    expect(parseAwsFlags([...host, '--admin', '--region', 'eu-west-1', '--service', 's3', '--port', '8080'], 'console', {})).toMatchObject({
      scope: 'admin',
      region: 'eu-west-1',
      service: 's3',
      port: 8080,
    });
    expect(parseAwsFlags(['-h'], 'aws', {})).toBe('help');
  });

  it.each([
    [[...host, '--admin', '--token', ''], '--token is empty; give an API token or leave --token out'],
    [[...host, '--admin', '--token-file', ''], '--token-file is empty; give the path of a file that holds the API token'],
    [[...host, '--admin', '--token', 'x', '--token-file', '/t'], '--token and --token-file exclude each other; give --token-file alone'],
    [['--admin'], '--host is required (or DUPLO_HOST in the environment), e.g. --host https://acme.duplocloud.net'],
    [[...host, '--admin', '--region', 'EU-WEST-1'], '--region must be a region name like us-east-1'],
    [[...host, '--admin', '--service', 'S3!'], '--service must be a console service name like s3'],
    [[...host, '--tenant', ' '], '--tenant needs a tenant name or ID'],
    [[...host, '--admin', '--port', '70000'], '--port must be a number from 1 to 65535, not "70000"'],
    [[...host, '--admin', '--tenant', 'dev01'], '--admin, --duplo-ops and --tenant exclude each other; give one'],
  ])('console: rejects %j', (argv, message) => {
    expect(() => parseAwsFlags(argv, 'console', {})).toThrow(message);
  });

  it('takes a value that starts with a dash as the value of a string flag, as Go flag does', () => {
    expect(parseAwsFlags([...host, '--admin', '--token', '-Xq4_token'], 'aws', {})).toMatchObject({ token: '-Xq4_token', scope: 'admin' });
    expect(parseAwsFlags([...host, '--token-file', '-file', '--tenant', 'dev01'], 'aws', {})).toMatchObject({ tokenFile: '-file', scope: { tenant: 'dev01' } });
  });

  it('takes the portal from DUPLO_HOST when --host is not given, as duploctl does', () => {
    const env = { DUPLO_HOST: 'https://env.duplocloud.net' };
    expect(parseAwsFlags(['--admin'], 'aws', env)).toMatchObject({ host: 'https://env.duplocloud.net' });
    expect(parseAwsFlags([...host, '--admin'], 'aws', env)).toMatchObject({ host: 'https://acme.duplocloud.net' });
  });

  it('keeps the console-only flags out of aws', () => {
    expect(() => parseAwsFlags([...host, '--admin', '--region', 'eu-west-1'], 'aws', {})).toThrow('--region belongs to the console command: duplo-jit-bridge console ... --region');
  });
});
