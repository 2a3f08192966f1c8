export type OffscreenRequest =
  | { readonly target: 'offscreen'; readonly type: 'copy'; readonly text: string }
  | { readonly target: 'offscreen'; readonly type: 'clear-if'; readonly text: string };

export type OffscreenReply = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  return typeof message === 'object' && message !== null && (message as { target?: unknown }).target === 'offscreen';
}
