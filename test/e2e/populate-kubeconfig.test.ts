import { mkdtemp, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { kubeVersion, startKubeApiServer, type KubeApiServer } from '../support/kube-api-server';
import { cliBundle, runCli, runProcess } from '../support/run-cli';

let portal: DemoPortal;
let kube: KubeApiServer;
let dir: string;
let file: string;
let env: Record<string, string>;

// As kubectl writes a kubeconfig: lists unindented, `name` after the item's body; and a comment of the user's.
const handWritten = `apiVersion: v1
# my cluster
clusters:
- cluster:
    server: https://10.0.0.1
  name: home
contexts:
- context:
    cluster: home
    user: me
  name: home
current-context: home
kind: Config
users:
- name: me
  user:
    token: not-ours
`;

beforeAll(async () => {
  kube = await startKubeApiServer((token) => portal.issuedK8sTokens().includes(token));
  portal = await startDemoPortal({ k8sCluster: { apiServer: kube.url, caBase64: kube.caBase64 } });
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-populate-kube-'));
  file = join(dir, 'kubeconfig');
  await writeFile(file, handWritten);
  await chmod(file, 0o640);
  env = { HOME: dir, XDG_CACHE_HOME: dir, DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock'), DUPLO_HOST: portal.url, DUPLO_TOKEN: portal.login('dev@duplo.demo') };
});
afterAll(async () => {
  await portal?.stop();
  await kube?.stop();
});

const marker = (tenant: string) => `  # managed by duplo-jit-bridge populate (${portal.url}, tenant ${tenant})`;
const cluster = (tenant: string) => [`- name: "${tenant}"`, '  cluster:', `    server: "${kube.url}"`, `    certificate-authority-data: "${kube.caBase64}"`, marker(tenant)];
const context = (tenant: string) => [`- name: "${tenant}"`, '  context:', `    cluster: "${tenant}"`, `    user: "${tenant}"`, `    namespace: "duploservices-${tenant}"`, marker(tenant)];
const user = (tenant: string) => [
  `- name: "${tenant}"`,
  '  user:',
  '    exec:',
  '      apiVersion: client.authentication.k8s.io/v1beta1',
  `      command: ${JSON.stringify(process.execPath)}`,
  `      args: [${[cliBundle, 'k8s', '--host', portal.url, '--tenant', tenant].map((arg) => JSON.stringify(arg)).join(', ')}]`,
  marker(tenant),
];
const tenants = ['dev01', 'qa', 'staging'];
const lines = (item: (tenant: string) => string[]) => tenants.flatMap(item).map((line) => `${line}\n`).join('');

describe('populate --kubeconfig with an API token, against the demo portal', () => {
  it('adds a cluster, user and context per tenant after the user\'s own, and changes nothing the second time', async () => {
    const first = await runCli(['populate', `--kubeconfig=${file}`], env);
    expect(first).toMatchObject({ code: 0, stderr: '', stdout: 'Added context dev01\nAdded context qa\nAdded context staging\nUnchanged: 0 contexts\n' });
    const [head, afterClusters] = handWritten.split('contexts:\n');
    const [contexts, afterContexts] = afterClusters!.split('current-context: home\n');
    expect(await readFile(file, 'utf8')).toBe(
      `${head}${lines(cluster)}contexts:\n${contexts}${lines(context)}current-context: home\n${afterContexts}${lines(user)}`,
    );
    expect((await stat(file)).mode & 0o777).toBe(0o640);

    const before = await readFile(file, 'utf8');
    const second = await runCli(['populate', `--kubeconfig=${file}`], env);
    expect(second).toMatchObject({ code: 0, stderr: '', stdout: `Unchanged: 3 contexts\nNothing to change in ${file}\n` });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('the real kubectl reaches the cluster through a context populate wrote, with no token in the file', async () => {
    const run = await runProcess('kubectl', ['--kubeconfig', file, '--context', 'qa', 'get', '--raw', '/version'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual(kubeVersion);
    expect(kube.accepted.at(-1)).toBe(portal.issuedK8sTokens().at(-1));
    expect(await readFile(file, 'utf8')).not.toContain(portal.issuedK8sTokens().at(-1)!);
  });

  it('--prune removes exactly the items of a tenant that is gone; --dry-run first shows them and writes nothing', async () => {
    portal.removeTenant('qa');
    const before = await readFile(file, 'utf8');
    const dry = await runCli(['populate', `--kubeconfig=${file}`, '--prune', '--dry-run'], env);
    const removed = (hunk: string, item: string[]) => `${hunk}\n${item.map((line) => `-${line}`).join('\n')}\n`;
    expect(dry).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `--- ${file}\n+++ ${file}\n${removed('@@ -12,5 +11,0 @@', cluster('qa'))}${removed('@@ -33,6 +27,0 @@', context('qa'))}${removed('@@ -58,7 +46,0 @@', user('qa'))}Removed context qa\nUnchanged: 2 contexts\nDry run: ${file} was not changed\n`,
    });
    expect(await readFile(file, 'utf8')).toBe(before);

    const pruned = await runCli(['populate', `--kubeconfig=${file}`, '--prune'], env);
    expect(pruned).toMatchObject({ code: 0, stderr: '', stdout: 'Removed context qa\nUnchanged: 2 contexts\n' });
    expect(await readFile(file, 'utf8')).toBe(before.replace(cluster('qa').join('\n') + '\n', '').replace(context('qa').join('\n') + '\n', '').replace(user('qa').join('\n') + '\n', ''));
  });
});
