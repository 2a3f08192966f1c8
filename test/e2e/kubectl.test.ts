import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigFor } from '../../src/duplo/kubeconfig';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { kubeVersion, startKubeApiServer, type KubeApiServer } from '../support/kube-api-server';
import { cliBundle, runCli, runProcess } from '../support/run-cli';

let portal: DemoPortal;
let kube: KubeApiServer;
let dir: string;

const k8sCalls = () => portal.counters()['v3/subscriptions/{tenantId}/k8s/jitAccess'] ?? 0;

beforeAll(async () => {
  kube = await startKubeApiServer((token) => portal.issuedK8sTokens().includes(token));
  portal = await startDemoPortal({ k8sCluster: { apiServer: kube.url, caBase64: kube.caBase64 } });
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-kubectl-'));
});
afterAll(async () => {
  await portal?.stop();
  await kube?.stop();
});

/** A kubeconfig whose user runs this build's CLI with `args` after `k8s`, as "Copy kubeconfig" writes one with the installed command. */
async function kubeconfig(file: string, args: readonly string[]): Promise<string> {
  const path = join(dir, file);
  await writeFile(path, kubeconfigFor({ name: 'dev01', server: kube.url, caBase64: kube.caBase64, command: process.execPath, args: [cliBundle, 'k8s', '--host', portal.url, ...args] }));
  return path;
}

/** The real kubectl, asking the stand-in API server for its version with the token our CLI printed. */
const kubectlVersion = (config: string, env: Record<string, string>) => runProcess('kubectl', ['--kubeconfig', config, 'get', '--raw', '/version'], { ...env, HOME: dir });

describe('kubectl runs duplo-jit-bridge k8s as its exec plugin', () => {
  it('with an API token: the portal is called once, then the file cache answers', async () => {
    const tokenFile = join(dir, 'token');
    const token = portal.login('dev@duplo.demo');
    await writeFile(tokenFile, `${token}\n`);
    await chmod(tokenFile, 0o600);
    const env = { XDG_CACHE_HOME: join(dir, 'token-cache'), DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock') };
    const config = await kubeconfig('token.yaml', ['--tenant', 'dev01', '--token-file', tokenFile]);
    const runs = [await kubectlVersion(config, env), await kubectlVersion(config, env)];
    for (const run of runs) {
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toEqual(kubeVersion);
    }
    expect(k8sCalls()).toBe(1);
    // Every request kubectl made carried the one token the portal issued.
    expect(new Set(kube.accepted)).toEqual(new Set(portal.issuedK8sTokens()));
    expect(await readdir(join(dir, 'token-cache', 'duplo-jit-bridge', 'credentials'))).toEqual([`${new URL(portal.url).host.replace(':', '_')},k8s,tenant,dev01,${createHash('sha256').update(token).digest('hex').slice(0, 16)}.json`]);
  });

  it('prints the ExecCredential duplo-jit prints, and a portal refusal as one line', async () => {
    const env = { XDG_CACHE_HOME: join(dir, 'print-cache'), DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock'), DUPLO_TOKEN: portal.login('dev@duplo.demo') };
    const run = await runCli(['k8s', '-host', portal.url, '-tenant', 'qa', '--no-cache'], env);
    const printed = JSON.parse(run.stdout) as { status: { expirationTimestamp: string } };
    expect(printed.status.expirationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const expected = {
      kind: 'ExecCredential',
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      spec: { cluster: { server: kube.url, 'certificate-authority-data': kube.caBase64 }, interactive: false },
      status: { expirationTimestamp: printed.status.expirationTimestamp, token: portal.issuedK8sTokens().at(-1) },
    };
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: `${JSON.stringify(expected, null, 2)}\n` });

    const refused = await runCli(['k8s', '--host', portal.url, '--plan', 'nonprod'], env);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      `duplo-jit-bridge: ${portal.url} refused the request (403): your user may not use this scope. The portal said: "A plan's Kubernetes access requires an administrator". Ask a DuploCloud administrator for access.\n`,
    );
  });

  describe('through the browser bridge', () => {
    let setup: BridgeSetup;
    beforeAll(async () => {
      setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' });
    }, 60_000);
    afterAll(async () => {
      await setup?.browser.close();
    });

    it('ten kubectl runs at once cause one JIT call, and each reaches the cluster', async () => {
      portal.reset();
      const before = kube.accepted.length;
      const config = await kubeconfig('bridge.yaml', ['--tenant', 'dev01']);
      const runs = await Promise.all(Array.from({ length: 10 }, () => kubectlVersion(config, setup.env)));
      for (const run of runs) {
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(JSON.parse(run.stdout)).toEqual(kubeVersion);
      }
      expect(k8sCalls()).toBe(1);
      expect(new Set(kube.accepted.slice(before))).toEqual(new Set([portal.issuedK8sTokens().at(-1)]));
    }, 60_000);
  });
});
