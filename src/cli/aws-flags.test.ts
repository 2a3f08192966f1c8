import { describe, expect, it } from 'vitest';
import { parseAwsFlags } from './aws-flags';

const host = ['--host', 'https://acme.duplocloud.net'];
const noWarning = (line: string) => expect.fail(`unexpected warning: ${line}`);

describe('parseAwsFlags', () => {
  it('gives the flags as the commands use them', () => {
    expect(parseAwsFlags([...host, '--tenant', ' dev01 ', '--debug'], 'aws', {}, noWarning)).toEqual({
      host: 'https://acme.duplocloud.net',
      scope: { tenant: 'dev01' },
      interactive: false,
      noCache: false,
      debug: true,
      open: false,
    });
    expect(parseAwsFlags([...host, '--admin', '--region', 'eu-west-1', '--service', 's3', '--port', '8080'], 'console', {}, noWarning)).toMatchObject({
      scope: 'admin',
      region: 'eu-west-1',
      service: 's3',
      port: 8080,
    });
    expect(parseAwsFlags(['-h'], 'aws', {}, noWarning)).toBe('help');
  });

  it.each([
    [[...host, '--admin', '--token', ''], '--token is empty; give an API token or leave --token out'],
    [[...host, '--admin', '--token-file', ''], '--token-file is empty; give the path of a file that holds the API token'],
    [[...host, '--admin', '--token', 'x', '--token-file', '/t'], '--token and --token-file exclude each other; give --token-file alone'],
    [['--admin'], '--host is required (or DUPLO_HOST in the environment), e.g. --host https://acme.duplocloud.net'],
    [[...host, '--admin', '--region', 'EU-WEST-1'], '--region must be a region name like us-east-1'],
    [[...host, '--admin', '--service', 'S3!'], '--service must be a console service name like s3'],
    [[...host, '--tenant', ' '], '--tenant needs a tenant name or ID'],
    [[...host, '--admin', '--port', '70000'], '--port must be a number from 0 (any free port) to 65535, not "70000"'],
    [[...host, '--admin', '--port', ''], '--port must be a number from 0 (any free port) to 65535, not ""'],
    [[...host, '--admin', '--port', '0x50'], '--port must be a number from 0 (any free port) to 65535, not "0x50"'],
    [[...host, '--admin=false'], 'say what to get: --admin, --duplo-ops or --tenant NAME|ID'],
  ])('console: rejects %j', (argv, message) => {
    expect(() => parseAwsFlags(argv, 'console', {}, noWarning)).toThrow(message);
  });

  it('takes a value that starts with a dash as the value of a string flag, as Go flag does', () => {
    expect(parseAwsFlags([...host, '--admin', '--token', '-Xq4_token'], 'aws', {}, noWarning)).toMatchObject({ token: '-Xq4_token', scope: 'admin' });
    expect(parseAwsFlags([...host, '--token-file', '-file', '--tenant', 'dev01'], 'aws', {}, noWarning)).toMatchObject({ tokenFile: '-file', scope: { tenant: 'dev01' } });
  });

  it('takes the portal from DUPLO_HOST when --host is not given, as duploctl does', () => {
    const env = { DUPLO_HOST: 'https://env.duplocloud.net' };
    expect(parseAwsFlags(['--admin'], 'aws', env, noWarning)).toMatchObject({ host: 'https://env.duplocloud.net' });
    expect(parseAwsFlags([...host, '--admin'], 'aws', env, noWarning)).toMatchObject({ host: 'https://acme.duplocloud.net' });
  });

  it('keeps the console-only flags out of aws', () => {
    expect(() => parseAwsFlags([...host, '--admin', '--region', 'eu-west-1'], 'aws', {}, noWarning)).toThrow('--region belongs to the console command: duplo-jit-bridge console ... --region');
  });

  it('reads the credential_process lines of DuploCloud\'s docs, in Go flag syntax', () => {
    expect(parseAwsFlags(['-tenant', 'devab01', '--host', 'https://acme.duplocloud.net'], 'aws', {}, noWarning)).toMatchObject({ scope: { tenant: 'devab01' } });
    expect(parseAwsFlags(['--admin', '--host', 'https://acme.duplocloud.net'], 'aws', {}, noWarning)).toMatchObject({ scope: 'admin' });
    expect(parseAwsFlags(['-host=https://acme.duplocloud.net', '-duplo-ops=true', '-interactive', '-port', '0', '--no-cache=1'], 'aws', {}, noWarning)).toMatchObject({
      scope: 'duplo-ops',
      interactive: true,
      port: 0,
      noCache: true,
    });
    expect(parseAwsFlags(['-version'], 'aws', {}, noWarning)).toBe('version');
  });

  it.each([
    [['--tenant', 'dev01', '--admin'], 'admin', '--admin and --tenant given; using --admin, as duplo-jit does'],
    [['-tenant=dev01', '-duplo-ops'], 'duplo-ops', '--duplo-ops and --tenant given; using --duplo-ops, as duplo-jit does'],
    [['--admin', '--duplo-ops', '--tenant', 'dev01'], 'admin', '--admin, --duplo-ops and --tenant given; using --admin, as duplo-jit does'],
  ])('given %j, takes the scope duplo-jit takes and says so', (argv, scope, warning) => {
    const warnings: string[] = [];
    expect(parseAwsFlags([...host, ...argv], 'aws', {}, (line) => warnings.push(line))).toMatchObject({ scope });
    expect(warnings).toEqual([warning]);
  });
});
