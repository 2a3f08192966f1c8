/** What a kubeconfig for one cluster says: where it is, how to trust it, and the command that gets a token. */
export interface KubeconfigParts {
  /** The context's name, also the cluster's and the user's. */
  readonly name: string;
  readonly server: string;
  /** Base64 of the cluster's CA, as the portal gives it; absent, the cluster is not verified (as duplo-jit does). */
  readonly caBase64?: string;
  readonly namespace?: string;
  /** The program kubectl runs for a token, and its arguments: never a token itself. */
  readonly command: string;
  readonly args: readonly string[];
}

// JSON strings are YAML double-quoted scalars: every value is quoted, so no name or URL can change the document's shape.
const quoted = (value: string) => JSON.stringify(value);

/** A kubeconfig (YAML) with one context whose user runs `command` as a client.authentication.k8s.io/v1beta1 exec plugin. */
export function kubeconfigFor(parts: KubeconfigParts): string {
  const name = quoted(parts.name);
  const trust = parts.caBase64 ? `certificate-authority-data: ${quoted(parts.caBase64)}` : 'insecure-skip-tls-verify: true';
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `  - name: ${name}`,
    '    cluster:',
    `      server: ${quoted(parts.server)}`,
    `      ${trust}`,
    'users:',
    `  - name: ${name}`,
    '    user:',
    '      exec:',
    '        apiVersion: client.authentication.k8s.io/v1beta1',
    `        command: ${quoted(parts.command)}`,
    `        args: [${parts.args.map(quoted).join(', ')}]`,
    'contexts:',
    `  - name: ${name}`,
    '    context:',
    `      cluster: ${name}`,
    `      user: ${name}`,
    ...(parts.namespace ? [`      namespace: ${quoted(parts.namespace)}`] : []),
    `current-context: ${name}`,
    '',
  ].join('\n');
}
