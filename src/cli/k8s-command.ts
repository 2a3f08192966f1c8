import { toExecCredential, type ExecCredential } from '../duplo/exec-credential';
import { resolveTenant } from '../duplo/resolve-tenant';
import type { CliContext } from './cli-context';
import { portalFlagsInForce } from './command-flags';
import { fileCached, k8sFileKind } from './credential-file-cache';
import { isNoBrowser } from './bridge-failure';
import { directClient } from './direct-credentials';
import { interactiveToken } from './interactive-credentials';
import { k8sLabel, parseK8sFlags, type K8sFlags } from './k8s-flags';
import { portalToken } from './portal-token';
import { readTokenFile } from './token-file';
import { versionLine } from './version';

export const k8sUsage = `Usage: duplo-jit-bridge k8s --host URL (--tenant NAME|ID | --plan ID [--admin]) [options]

Prints a Kubernetes ExecCredential (client.authentication.k8s.io/v1beta1) for kubectl, from
your browser's portal session. In a kubeconfig's user:
  exec:
    apiVersion: client.authentication.k8s.io/v1beta1
    command: duplo-jit-bridge
    args: [k8s, --host, https://acme.duplocloud.net, --tenant, dev01]

The popup's "Copy kubeconfig" gives a whole kubeconfig like that for a tenant.

Options:
  --host URL          the DuploCloud portal (required, unless DUPLO_HOST is set)
  --tenant NAME|ID    the cluster of one tenant (under 32 characters: a name)
  --plan ID           the cluster of a plan, for administrators (--admin may go with it)
  --token-file PATH   call the portal directly with the API token in this file (yours, chmod 600)
  --token TOKEN       the same with the token itself (prefer --token-file or DUPLO_TOKEN)
  --interactive       when no browser bridge answers, sign in through the portal's page
  --port N            the local port for --interactive (default, or 0: any free one)
  --no-cache          with a token or --interactive: neither read nor write the cache
  --api-host URL, --otp CODE, --debug   as for aws

DUPLO_HOST and DUPLO_TOKEN work as for aws ("duplo-jit-bridge help aws"), in the same order.
`;

async function directExecCredential(flags: K8sFlags, token: string, context: CliContext): Promise<ExecCredential> {
  const client = directClient(flags, token, context);
  const { target } = flags;
  const config = 'plan' in target ? await client.planK8s(target.plan) : await client.tenantK8s((await resolveTenant(target.tenant, client.tenants)).id);
  return toExecCredential(config, context.now());
}

/** `k8s`: one ExecCredential on stdout for kubectl, or one line on stderr and a non-zero exit. */
export async function k8sCommand(argv: readonly string[], context: CliContext): Promise<number> {
  const parsed = parseK8sFlags(argv, context.env, context.notice);
  if (parsed === 'help' || parsed === 'version') {
    context.stdout(parsed === 'help' ? k8sUsage : versionLine);
    return 0;
  }
  const flags: K8sFlags = portalFlagsInForce(parsed, context);
  const token = await portalToken(flags, { env: context.env, readTokenFile, warn: context.notice, debug: context.debug });
  const cached = (produce: () => Promise<ExecCredential>) => (flags.noCache ? produce() : fileCached(context, k8sFileKind, flags.host, k8sLabel(flags.target), produce, token));
  let output: ExecCredential;
  if (token) {
    output = await cached(() => directExecCredential(flags, token, context));
  } else {
    context.debug(`bridge mode: asking the browser for ${k8sLabel(flags.target)} on ${flags.host}`);
    output = await context.askBrowserK8s(flags).catch((error: unknown) => {
      if (!(flags.interactive && isNoBrowser(error))) throw error;
      context.debug('no browser bridge: falling back to the portal sign-in page (--interactive)');
      return cached(async () => {
        const handed = await interactiveToken({ ...flags, admin: 'plan' in flags.target }, context);
        return directExecCredential({ ...flags, ...(handed.otp ? { otp: handed.otp } : {}) }, handed.token, context);
      });
    });
  }
  context.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
