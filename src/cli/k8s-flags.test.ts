import { describe, expect, it } from 'vitest';
import { k8sLabel, parseK8sFlags } from './k8s-flags';

const parse = (argv: string[], warnings: string[] = []) => parseK8sFlags(argv, {}, (line) => warnings.push(line));

describe('k8s flags, as duplo-jit takes them', () => {
  it('takes one dash or two, and --flag=value', () => {
    expect(parse(['-host', 'https://acme.duplocloud.net', '-tenant', 'dev01'])).toEqual({ host: 'https://acme.duplocloud.net', target: { tenant: 'dev01' }, interactive: false, noCache: false, debug: false });
    expect(parse(['--host=https://acme.duplocloud.net', '--plan=nonprod', '-admin'])).toMatchObject({ target: { plan: 'nonprod' } });
  });

  it('prefers the plan when both are given, and says so', () => {
    const warnings: string[] = [];
    expect(parse(['--host', 'h', '--tenant', 'dev01', '--plan', 'nonprod'], warnings)).toMatchObject({ target: { plan: 'nonprod' } });
    expect(warnings).toEqual(['--tenant and --plan given; using --plan, as duplo-jit does']);
  });

  it('refuses a command that names no cluster, --admin alone included', () => {
    expect(() => parse(['--host', 'h', '--admin'])).toThrow('say which cluster: --tenant NAME|ID, or --plan ID for an administrator');
  });

  it('keys the cache apart from the AWS keys of the same tenant', () => {
    expect([k8sLabel({ tenant: 'dev01' }), k8sLabel({ plan: 'nonprod' })]).toEqual(['k8s,tenant,dev01', 'k8s,plan,nonprod']);
  });
});
