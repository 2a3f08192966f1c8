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

/** The three list items of one kubeconfig entry, each line without its ending and its dash in the first column. */
export interface KubeconfigEntries {
  readonly clusters: readonly string[];
  readonly users: readonly string[];
  readonly contexts: readonly string[];
}

export function kubeconfigEntries(parts: KubeconfigParts): KubeconfigEntries {
  const name = quoted(parts.name);
  const trust = parts.caBase64 ? `certificate-authority-data: ${quoted(parts.caBase64)}` : 'insecure-skip-tls-verify: true';
  return {
    clusters: [`- name: ${name}`, '  cluster:', `    server: ${quoted(parts.server)}`, `    ${trust}`],
    users: [
      `- name: ${name}`,
      '  user:',
      '    exec:',
      '      apiVersion: client.authentication.k8s.io/v1beta1',
      `      command: ${quoted(parts.command)}`,
      `      args: [${parts.args.map(quoted).join(', ')}]`,
    ],
    contexts: [`- name: ${name}`, '  context:', `    cluster: ${name}`, `    user: ${name}`, ...(parts.namespace ? [`    namespace: ${quoted(parts.namespace)}`] : [])],
  };
}

/** A cluster as an ExecCredential's spec names it, from the portal's answer. */
export interface ExecCluster {
  readonly server: string;
  readonly 'certificate-authority-data'?: string | undefined;
}

/**
 * The kubeconfig entry of a tenant's cluster whose user runs `command k8s --host ORIGIN
 * --tenant NAME`: the popup's "Copy kubeconfig" and `populate --kubeconfig` write the same one.
 */
export function tenantKubeconfigParts(origin: string, tenant: string, entryName: string, cluster: ExecCluster, command: string): KubeconfigParts {
  return {
    name: entryName,
    server: cluster.server,
    ...(cluster['certificate-authority-data'] ? { caBase64: cluster['certificate-authority-data'] } : {}),
    // DuploCloud runs each tenant in this namespace.
    namespace: `duploservices-${tenant}`,
    command,
    args: ['k8s', '--host', origin, '--tenant', tenant],
  };
}

const indented = (lines: readonly string[]) => lines.map((line) => `  ${line}`);

/** A kubeconfig (YAML) with one context whose user runs `command` as a client.authentication.k8s.io/v1beta1 exec plugin. */
export function kubeconfigFor(parts: KubeconfigParts): string {
  const entries = kubeconfigEntries(parts);
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    ...indented(entries.clusters),
    'users:',
    ...indented(entries.users),
    'contexts:',
    ...indented(entries.contexts),
    `current-context: ${quoted(parts.name)}`,
    '',
  ].join('\n');
}
