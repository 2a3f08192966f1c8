import { describe, expect, it } from 'vitest';
import { applyEdits } from './config-edits';
import { lineEndingOf, splitLines } from './config-lines';
import { planKubeconfig, type KubeEntry, type KubePlanRequest } from './kubeconfig-plan';
import { markerLine } from './managed-marker';

const origin = 'https://acme.duplocloud.net';
const entry = (name: string, server = 'https://k8s.example'): KubeEntry => ({
  name,
  entries: {
    clusters: [`- name: "${name}"`, '  cluster:', `    server: "${server}"`],
    users: [`- name: "${name}"`, '  user:', '    exec: {}'],
    contexts: [`- name: "${name}"`, '  context:', `    cluster: "${name}"`],
  },
  marker: markerLine(origin, { tenant: name }),
});

function run(text: string, wanted: KubeEntry[], options: Partial<KubePlanRequest> = {}) {
  const lines = splitLines(text);
  const eol = lineEndingOf(lines);
  const plan = planKubeconfig({ lines, eol, path: 'kubeconfig', origin, wanted, tenants: new Set(wanted.map((e) => e.name)), prune: false, force: false, ...options });
  return { plan, text: applyEdits(lines, plan.edits, eol) };
}

const marker = (name: string, indent = '') => `${indent}  # managed by duplo-jit-bridge populate (${origin}, tenant ${name})\n`;
const item = (list: 'cluster' | 'user' | 'context', name: string, indent = '') => {
  const body = { cluster: '    server: "https://k8s.example"', user: '    exec: {}', context: `    cluster: "${name}"` }[list];
  return [`- name: "${name}"`, `  ${list}:`, body].map((line) => `${indent}${line}\n`).join('') + marker(name, indent);
};

describe('populate plan on a kubeconfig', () => {
  it('writes a new file whole, and plans nothing on it a second time', () => {
    const { plan, text } = run('', [entry('dev01')]);
    expect(text).toBe(`apiVersion: v1\nkind: Config\nclusters:\n${item('cluster', 'dev01')}users:\n${item('user', 'dev01')}contexts:\n${item('context', 'dev01')}`);
    expect(plan).toMatchObject({ added: ['dev01'], updated: [], removed: [], unchanged: 0 });
    expect(run(text, [entry('dev01')]).plan).toMatchObject({ edits: [], added: [], unchanged: 1 });
  });

  it('adds after the last item at the list\'s own indentation, keeping comments, and fills `null` and `[]` lists', () => {
    const file = `# mine\nclusters:\n  - name: home # my laptop\n    cluster:\n      server: https://10.0.0.1\n\n  # next comes users\nusers: null\ncontexts: []\n`;
    const { text } = run(file, [entry('dev01')]);
    expect(text).toBe(
      `# mine\nclusters:\n  - name: home # my laptop\n    cluster:\n      server: https://10.0.0.1\n${item('cluster', 'dev01', '  ')}\n  # next comes users\nusers:\n${item('user', 'dev01')}contexts:\n${item('context', 'dev01')}`,
    );
  });

  it('updates its own item in place and keeps CRLF line endings', () => {
    const file = `clusters:\r\n${item('cluster', 'dev01').replaceAll('\n', '\r\n')}`;
    const { plan, text } = run(file, [entry('dev01', 'https://moved.example')]);
    expect(text).toBe(`clusters:\r\n${item('cluster', 'dev01').replace('k8s.example', 'moved.example').replaceAll('\n', '\r\n')}users:\r\n${item('user', 'dev01').replaceAll('\n', '\r\n')}contexts:\r\n${item('context', 'dev01').replaceAll('\n', '\r\n')}`);
    expect(plan).toMatchObject({ added: [], updated: ['dev01'] });
  });

  it('refuses an item of the same name it did not write, unless --force', () => {
    const file = 'users:\n- name: dev01\n  user:\n    token: mine\n';
    expect(() => run(file, [entry('dev01')])).toThrow(expect.objectContaining({ code: 'NOT_OURS', message: `kubeconfig already has users "dev01", which populate did not write for ${origin}; rename them, use --prefix, or --force to replace them` }));
    expect(run(file, [entry('dev01')], { force: true }).text).toBe(`users:\n${item('user', 'dev01')}clusters:\n${item('cluster', 'dev01')}contexts:\n${item('context', 'dev01')}`);
  });

  it('--prune removes only its own items of a tenant that is gone, not another portal\'s nor a hand-written one', () => {
    const other = item('cluster', 'old').replace(origin, 'https://other.example');
    const file = `clusters:\n${item('cluster', 'old')}- name: old-too\n  cluster: {}\n`;
    const { plan, text } = run(`${file}${other.replace('"old"', '"gone"')}`, [], { prune: true });
    expect(text).toBe(`clusters:\n- name: old-too\n  cluster: {}\n${other.replace('"old"', '"gone"')}`);
    expect(plan.removed).toEqual(['old']);
  });

  it('refuses a list written on one line, or a JSON file, which it cannot edit line by line', () => {
    expect(() => run('clusters: [{name: a}]\n', [entry('dev01')])).toThrow(expect.objectContaining({ code: 'SHAPE' }));
    expect(() => run('{"apiVersion": "v1", "clusters": []}\n', [entry('dev01')])).toThrow(expect.objectContaining({ code: 'SHAPE', message: 'kubeconfig is JSON; populate edits a YAML kubeconfig (kubectl config view --raw prints it as one)' }));
  });
});
