import { describe, expect, it } from 'vitest';
import { toExecCredential } from './exec-credential';

const issuedAt = new Date('2026-12-02T10:00:00.500Z');

describe('the ExecCredential duplo-jit prints', () => {
  it('names the cluster and its CA, and ends when the portal says', () => {
    const config = { ApiServer: 'https://k8s.example', Token: 'k8s-aws-v1.abc', CertificateAuthorityDataBase64: 'LS0tQ0E=', LastTokenRefreshTime: '2026-12-02T10:30:00.9Z' };
    expect(JSON.stringify(toExecCredential(config, issuedAt))).toBe(
      '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","spec":{"cluster":{"server":"https://k8s.example","certificate-authority-data":"LS0tQ0E="},"interactive":false},"status":{"expirationTimestamp":"2026-12-02T10:30:00Z","token":"k8s-aws-v1.abc"}}',
    );
  });

  it('without a CA skips verification, and without a time lasts 55 minutes', () => {
    const config = { ApiServer: 'https://aks.example', Token: 't', CertificateAuthorityDataBase64: null, LastTokenRefreshTime: 'not a time' };
    expect(toExecCredential(config, issuedAt)).toMatchObject({
      spec: { cluster: { server: 'https://aks.example', 'insecure-skip-tls-verify': true } },
      status: { expirationTimestamp: '2026-12-02T10:55:00Z', token: 't' },
    });
  });
});
