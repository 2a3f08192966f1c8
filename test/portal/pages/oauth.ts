import type { PortalContext } from '../context';
import { redirectReply } from '../reply';
import type { Reply } from '../reply';
import { escapeHtml, htmlPage } from './layout';

/** Stands in for AWS's `oauth?Action=logout`, which clients wrap around a console login to end a previous session. */
export function oauth(query: URLSearchParams, context: PortalContext): Reply {
  const target = query.get('redirect_uri') ?? '';
  if (query.get('Action') === 'logout' && sameOrigin(target, context.url)) return redirectReply(target);
  return htmlPage({
    title: 'Sign out (demo)',
    brand: 'AWS Management Console',
    status: 400,
    mainAttributes: ' id="oauth-error"',
    main: `<h1>Cannot continue</h1><p class="error">Only Action=logout with a redirect_uri on this site is allowed (got "${escapeHtml(target)}").</p>`,
  });
}

function sameOrigin(target: string, origin: string): boolean {
  try {
    return new URL(target).origin === origin;
  } catch {
    return false;
  }
}
