import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPortal } from '../portal/index';
import type { BridgeSetup } from '../support/bridge-browser';
import { kubeVersion, type KubeApiServer } from '../support/kube-api-server';
import { startKubeBridge, type KubeBridge } from '../support/kube-bridge';
import { clipboardText, copyKubeconfigInPopup } from '../support/portal-browser';
import { cliBundle, runProcess } from '../support/run-cli';

let portal: DemoPortal;
let kube: KubeApiServer;
let setup: BridgeSetup;
let bridge: KubeBridge;

beforeAll(async () => {
  bridge = await startKubeBridge();
  ({ kube, portal, setup } = bridge);
}, 60_000);
afterAll(async () => {
  await bridge?.stop();
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
