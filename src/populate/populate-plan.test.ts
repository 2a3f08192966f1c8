import { describe, expect, it } from 'vitest';
import { applyEdits, unifiedDiff } from './config-edits';
import { lineEndingOf, splitLines } from './config-lines';
import { markerLine, type ProfileScope } from './managed-marker';
import { planPopulate, type PlanRequest } from './populate-plan';
import type { ProfileText } from './profile-edits';

const origin = 'https://acme.duplocloud.net';
const profile = (name: string, scope: ProfileScope = { tenant: name }, region = 'us-west-2'): ProfileText => ({
  name,
  keys: [['credential_process', `duplo-jit-bridge aws --host ${origin} --tenant ${name}`], ['region', region]],
  marker: markerLine(origin, scope),
});

function run(text: string, profiles: ProfileText[], options: Partial<PlanRequest> = {}) {
  const lines = splitLines(text);
  const eol = lineEndingOf(lines);
  const tenants = new Set(profiles.flatMap((p) => (p.name === 'admin' ? [] : [p.name])));
  const plan = planPopulate({ lines, eol, path: 'config', origin, profiles, tenants, prune: false, force: false, ...options });
  return { plan, text: applyEdits(lines, plan.edits, eol), diff: unifiedDiff('config', lines, plan.edits) };
}

const mine = (name: string, region = 'us-west-2') =>
  `[profile ${name}]\ncredential_process = duplo-jit-bridge aws --host ${origin} --tenant ${name}\nregion = ${region}\n# managed by duplo-jit-bridge populate (${origin}, tenant ${name})\n`;

const foreign = '# team notes\n[default]\nregion = eu-west-1 ; trailing comment\n\n[profile prod]   # hand-written\noutput=json\n  s3 =\n    max_concurrent_requests = 20\n';

describe('populate plan on an AWS config file', () => {
  it('appends new profiles and keeps every other byte, comments and odd spacing included', () => {
    const { plan, text } = run(foreign, [profile('dev01'), profile('qa')]);
    expect(text).toBe(`${foreign}\n${mine('dev01')}\n${mine('qa')}`);
    expect(plan).toMatchObject({ added: ['dev01', 'qa'], updated: [], removed: [], unchanged: 0 });
  });

  it('changes nothing the second time', () => {
    const once = run(foreign, [profile('dev01')]).text;
    const twice = run(once, [profile('dev01')]);
    expect(twice.plan).toEqual({ edits: [], added: [], updated: [], removed: [], unchanged: 1 });
    expect(twice.text).toBe(once);
  });

  it('updates only its own keys in its own profile, keeping lines a person added', () => {
    const before = `${foreign}\n${mine('dev01', 'us-east-1').replace('region', 'output = text\nregion')}`;
    const { plan, text, diff } = run(before, [profile('dev01')]);
    expect(plan.updated).toEqual(['dev01']);
    expect(text).toBe(`${foreign}\n${mine('dev01').replace('region', 'output = text\nregion')}`);
    expect(diff).toBe('--- config\n+++ config\n@@ -13,1 +13,1 @@\n-region = us-east-1\n+region = us-west-2\n');
  });

  it('keeps CRLF line endings', () => {
    const { text } = run('[default]\r\nregion = x\r\n', [profile('qa')]);
    expect(text).toBe(`[default]\r\nregion = x\r\n\r\n${mine('qa').replaceAll('\n', '\r\n')}`);
  });

  it('refuses a profile it did not write, naming it and --force; --force takes it over and keeps its other lines', () => {
    expect(() => run(foreign, [profile('prod')])).toThrow(
      'profile "prod" is already in config and populate did not write it for https://acme.duplocloud.net; rename or remove it, use --prefix, or run again with --force to overwrite',
    );
    const forced = run(foreign, [profile('prod')], { force: true });
    expect(forced.plan.updated).toEqual(['prod']);
    expect(forced.text).toBe(
      `${foreign}credential_process = duplo-jit-bridge aws --host ${origin} --tenant prod\nregion = us-west-2\n# managed by duplo-jit-bridge populate (${origin}, tenant prod)\n`,
    );
  });

  it('refuses a profile written for another portal', () => {
    const other = mine('qa').replace(`(${origin},`, '(https://other.duplocloud.net,');
    expect(() => run(other, [profile('qa')])).toThrow('profile "qa" is already in config');
  });

  it('--prune removes exactly its profiles for tenants that are gone, with the blank line it added', () => {
    const otherPortal = mine('old').replace(`(${origin},`, '(https://other.duplocloud.net,');
    const before = `${foreign}\n${mine('dev01')}\n${mine('gone')}\n# next: hand-written\n[profile keep]\nregion = x\n\n${otherPortal}\n${mine('admin').replace('tenant admin)', 'admin)')}`;
    const { plan, text, diff } = run(before, [profile('dev01')], { prune: true });
    expect(plan).toMatchObject({ removed: ['gone'], unchanged: 1 });
    expect(text).toBe(before.replace(`\n${mine('gone')}`, ''));
    expect(diff).toBe(
      `--- config\n+++ config\n@@ -14,5 +13,0 @@\n-\n-[profile gone]\n-credential_process = duplo-jit-bridge aws --host ${origin} --tenant gone\n-region = us-west-2\n-# managed by duplo-jit-bridge populate (${origin}, tenant gone)\n`,
    );
  });

  it('without --prune, leaves a gone tenant\'s profile alone', () => {
    const before = `${mine('dev01')}\n${mine('gone')}`;
    expect(run(before, [profile('dev01')]).text).toBe(before);
  });

  it('adding then pruning gives back the file byte for byte', () => {
    const added = run(foreign, [profile('dev01'), profile('qa')]).text;
    expect(run(added, [], { prune: true, tenants: new Set() }).text).toBe(foreign);
  });

  it('refuses a file that names a profile it writes twice', () => {
    expect(() => run(`${mine('qa')}\n${mine('qa')}`, [profile('qa')])).toThrow(
      'config has more than one [profile qa] section (the AWS CLI refuses such a file too); keep one, then run populate again',
    );
  });
});
