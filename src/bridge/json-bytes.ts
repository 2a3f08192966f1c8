/** Why a frame or line carried no value. */
export type DecodeFailure = 'too-long' | 'bad-utf8' | 'bad-json' | 'truncated';
export type DecodedItem = { ok: true; value: unknown } | { ok: false; reason: DecodeFailure };

/** UTF-8 JSON bytes to a value; invalid UTF-8 is rejected rather than replaced with U+FFFD. */
export function decodeJsonBytes(bytes: Uint8Array): DecodedItem {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'bad-utf8' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'bad-json' };
  }
}
