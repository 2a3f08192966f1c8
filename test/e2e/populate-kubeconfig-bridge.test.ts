import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeVersion } from '../support/kube-api-server';
import { startKubeBridge, type KubeBridge } from '../support/kube-bridge';
import { cliBundle, runCli, runProcess } from '../support/run-cli';

// populate --kubeconfig with no token: tenants and each cluster come from the signed-in browser.
let bridge: KubeBridge;

beforeAll(async () => {
  bridge = await startKubeBridge();
}, 60_000);
afterAll(async () => {
  await bridge?.stop();
});

describe('populate --kubeconfig through the browser bridge, in the real browser', () => {
  it('writes a context per tenant with no token in the file, and the real kubectl reaches the cluster through the same bridge', { timeout: 90_000 }, async () => {
    const { kube, portal, setup } = bridge;
    const k8sCalls = () => portal.counters()['v3/subscriptions/{tenantId}/k8s/jitAccess'] ?? 0;
    const file = join(setup.dir, 'kubeconfig');
    const tenants = portal.users.find((user) => user.role === 'admin')!.tenants;
    const run = await runCli(['populate', `--kubeconfig=${file}`, '--host', portal.url], setup.env);
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: `${tenants.map((name) => `Added context ${name}\n`).join('')}Unchanged: 0 contexts\n` });
    // One cluster lookup per tenant through the bridge; the tokens those answers carried never reach the file.
    expect(k8sCalls()).toBe(tenants.length);
    const written = await readFile(file, 'utf8');
    expect(written).toContain(
      `  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: ${JSON.stringify(process.execPath)}\n      args: [${[cliBundle, 'k8s', '--host', portal.url, '--tenant', 'qa'].map((arg) => JSON.stringify(arg)).join(', ')}]\n`,
    );
    for (const token of portal.issuedK8sTokens()) expect(written).not.toContain(token);

    const kubectl = await runProcess('kubectl', ['--kubeconfig', file, '--context', 'qa', 'get', '--raw', '/version'], { ...setup.env, HOME: setup.dir });
    expect(kubectl).toMatchObject({ code: 0, stderr: '', stdout: JSON.stringify(kubeVersion) });
    // kubectl's exec asked the same browser, whose cache still held qa's token from populate: no new JIT call.
    expect(k8sCalls()).toBe(tenants.length);
    expect(kube.accepted.length).toBeGreaterThan(0);
    for (const token of kube.accepted) expect(portal.issuedK8sTokens()).toContain(token);
    expect(await readFile(file, 'utf8')).toBe(written);
  });
});
