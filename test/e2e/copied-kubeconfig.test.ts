import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { kubeVersion, startKubeApiServer, type KubeApiServer } from '../support/kube-api-server';
import { clipboardText, copyKubeconfigInPopup } from '../support/portal-browser';
import { cliBundle, runProcess } from '../support/run-cli';

let portal: DemoPortal;
let kube: KubeApiServer;
let setup: BridgeSetup;

beforeAll(async () => {
  kube = await startKubeApiServer((token) => portal.issuedK8sTokens().includes(token));
  portal = await startDemoPortal({ k8sCluster: { apiServer: kube.url, caBase64: kube.caBase64 } });
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' });
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
  await kube?.stop();
});

/** `duplo-jit-bridge` on PATH as an install puts it there: this build's CLI, which the copied kubeconfig names bare. */
async function installedCommandPath(): Promise<string> {
  const bin = join(setup.dir, 'bin');
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'duplo-jit-bridge'), `#!/bin/sh\nexec '${process.execPath}' '${cliBundle}' "$@"\n`);
  await chmod(join(bin, 'duplo-jit-bridge'), 0o755);
  return `${bin}:${process.env.PATH ?? ''}`;
}

describe('the kubeconfig "Copy kubeconfig" writes', () => {
  it('lets the real kubectl reach the cluster through this browser, with the one JIT call the copy made', async () => {
    await copyKubeconfigInPopup(setup.browser.context, 'dev01');
    const config = join(setup.dir, 'kubeconfig');
    await writeFile(config, await clipboardText(setup.browser.context, portal));

    const env = { ...setup.env, PATH: await installedCommandPath(), HOME: setup.dir };
    const run = await runProcess('kubectl', ['--kubeconfig', config, 'get', '--raw', '/version'], env);
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: JSON.stringify(kubeVersion) });
    expect(portal.counters()['v3/subscriptions/{tenantId}/k8s/jitAccess']).toBe(1);
    // kubectl may ask more than once; every request carried the token the copy fetched.
    expect(new Set(kube.accepted)).toEqual(new Set(portal.issuedK8sTokens()));
    expect(portal.issuedK8sTokens()).toHaveLength(1);
  }, 60_000);
});
