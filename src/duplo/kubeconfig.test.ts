import { describe, expect, it } from 'vitest';
import { kubeconfigFor } from './kubeconfig';

describe('kubeconfigFor', () => {
  it('writes one context whose user runs the command, every value quoted', () => {
    const text = kubeconfigFor({
      name: 'acme-dev01',
      server: 'https://k8s.example',
      caBase64: 'LS0tQ0E=',
      namespace: 'duploservices-dev01',
      command: 'duplo-jit-bridge',
      args: ['k8s', '--host', 'https://acme.duplocloud.net', '--tenant', 'dev01'],
    });
    expect(text).toBe(`apiVersion: v1
kind: Config
clusters:
  - name: "acme-dev01"
    cluster:
      server: "https://k8s.example"
      certificate-authority-data: "LS0tQ0E="
users:
  - name: "acme-dev01"
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: "duplo-jit-bridge"
        args: ["k8s", "--host", "https://acme.duplocloud.net", "--tenant", "dev01"]
contexts:
  - name: "acme-dev01"
    context:
      cluster: "acme-dev01"
      user: "acme-dev01"
      namespace: "duploservices-dev01"
current-context: "acme-dev01"
`);
  });

  it('trusts no CA it was not given: the cluster is not verified, as duplo-jit does', () => {
    expect(kubeconfigFor({ name: 'x', server: 'https://aks.example', command: 'c', args: [] })).toContain('      insecure-skip-tls-verify: true\n');
  });
});
