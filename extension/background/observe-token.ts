import { observeRequest, type PortalContext } from '../../src/worker';
import { onXhrHeadersSent } from './page-requests';

/**
 * Learns the portal session from the portal page's own API calls. Host permissions already
 * limit what is seen to portal hosts; observeRequest checks the page is a portal too.
 */
export function observePortalTokens(context: PortalContext, onNewSession: (origin: string) => void): void {
  onXhrHeadersSent((details) => {
    const authorization = details.requestHeaders?.find((header) => header.name.toLowerCase() === 'authorization')?.value;
    const initiator = details.initiator;
    if (!authorization || !initiator) return;
    const requestOrigin = new URL(details.url).origin;
    void observeRequest(context, initiator, requestOrigin, authorization).then((changed) => {
      if (changed) onNewSession(initiator);
    });
  });
}
