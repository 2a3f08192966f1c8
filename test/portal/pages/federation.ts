import { z } from 'zod';
import { awsAccount } from '../fixtures';
import type { PortalContext } from '../context';
import { jsonReply, messageReply } from '../reply';
import type { Reply } from '../reply';
import { escapeHtml, htmlPage } from './layout';

const brand = 'AWS Management Console';
const title = `${brand} (demo)`;
const SessionSchema = z.object({ sessionId: z.string(), sessionKey: z.string(), sessionToken: z.string() });

/** Stands in for `signin.aws.amazon.com/federation`: the login a ConsoleUrl opens, and the keys-to-token exchange. */
export function federation(query: URLSearchParams, context: PortalContext): Reply {
  const action = query.get('Action');
  if (action === 'login') return consolePage(query, context);
  if (action === 'getSigninToken') return exchange(query, context);
  return errorPage('bad-request', 'Action must be "login" or "getSigninToken".');
}

function exchange(query: URLSearchParams, context: PortalContext): Reply {
  let session: unknown;
  try {
    session = JSON.parse(query.get('Session') ?? '');
  } catch {
    return messageReply(400, 'Session must be URL-encoded JSON {sessionId, sessionKey, sessionToken}');
  }
  const keys = SessionSchema.safeParse(session);
  const signinToken = keys.success ? context.jit.exchange(keys.data) : undefined;
  return signinToken ? jsonReply(200, { SigninToken: signinToken }) : messageReply(400, 'These credentials were not issued by this portal, or have expired');
}

function consolePage(query: URLSearchParams, context: PortalContext): Reply {
  const grant = context.jit.lookup(query.get('SigninToken') ?? '');
  if (grant === 'unknown') return errorPage('unknown', 'This sign-in link is not valid.');
  if (grant === 'expired') return errorPage('expired', 'This sign-in link has expired. Sign-in links are valid for 15 minutes.');
  let destination: URL;
  try {
    destination = new URL(query.get('Destination') ?? '');
  } catch {
    return errorPage('bad-request', 'Destination must be a console URL.');
  }
  const service = destination.pathname.split('/').find(Boolean) ?? '';
  const region = destination.searchParams.get('region') ?? '';
  const tenant = grant.scope.kind === 'tenant' ? grant.scope.tenant : undefined;
  const attributes = {
    scope: grant.scope.kind,
    tenant: tenant?.name ?? '',
    'tenant-id': tenant?.id ?? '',
    account: awsAccount,
    region,
    service,
    user: grant.username,
  };
  const dataAttributes = Object.entries(attributes)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  const signedIn = tenant ? `tenant <b>${escapeHtml(tenant.name)}</b> <code>${tenant.id}</code>` : `<b>${grant.scope.kind}</b>`;
  return htmlPage({
    title,
    brand,
    mainAttributes: ` id="console"${dataAttributes}`,
    main: `<h1>Signed in</h1>
<dl><dt>Scope</dt><dd>${signedIn}</dd><dt>Account</dt><dd>${awsAccount}</dd>
<dt>Region</dt><dd>${escapeHtml(region || '(none)')}</dd><dt>Service</dt><dd>${escapeHtml(service || '(none)')}</dd>
<dt>Portal user</dt><dd>${escapeHtml(grant.username)}</dd></dl>`,
  });
}

function errorPage(reason: 'expired' | 'unknown' | 'bad-request', message: string): Reply {
  return htmlPage({
    title,
    brand,
    status: 400,
    mainAttributes: ` id="console-error" data-reason="${reason}"`,
    main: `<h1>Sign-in failed</h1><p class="error">${escapeHtml(message)}</p>`,
  });
}
