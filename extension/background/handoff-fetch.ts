/** The slice of a service worker's FetchEvent used here (the DOM lib has no worker types). */
interface FetchEventSlice extends Event {
  readonly request: Request;
  respondWith(response: Response): void;
  waitUntil(work: Promise<unknown>): void;
}

/**
 * Answers the handoff navigation (the sign-in rule's redirect to the extension's own origin)
 * with 204 No Content, so nothing commits and the token-bearing URL is recorded nowhere, and
 * hands its URL to `receive`. Other requests go on to the extension's files as usual.
 */
export function answerHandoffs(isHandoff: (url: string) => boolean, receive: (url: string) => Promise<void>): void {
  self.addEventListener('fetch', (event) => {
    const fetchEvent = event as FetchEventSlice;
    if (!isHandoff(fetchEvent.request.url)) return;
    fetchEvent.respondWith(new Response(null, { status: 204, headers: { 'content-type': 'text/html' } }));
    fetchEvent.waitUntil(receive(fetchEvent.request.url));
  });
}
