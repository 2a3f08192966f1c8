/**
 * Chrome native messaging framing: a 32-bit length in the platform's native byte order,
 * then that many bytes of UTF-8 JSON. We ship only for x86-64 and arm64, both little-endian,
 * so the length is always read and written little-endian.
 */
import { CodedError } from '../errors/coded-error';
import { decodeJsonBytes, type DecodedItem } from './json-bytes';

export type { DecodedItem } from './json-bytes';

/** Chrome refuses a host → browser message over 1 MB (and drops the connection). */
export const maxHostToBrowserBytes = 1024 * 1024;

const lengthBytes = 4;

export class NativeMessageTooLongError extends CodedError<'TOO_LONG'> {
  override readonly name = 'NativeMessageTooLongError';

  constructor(readonly bytes: number) {
    super('TOO_LONG', `A native message of ${bytes} bytes exceeds the browser's limit of ${maxHostToBrowserBytes} bytes.`);
  }
}

export function encodeNativeMessage(value: unknown): Uint8Array {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('A native message must be a JSON value.');
  const body = new TextEncoder().encode(json);
  if (body.length > maxHostToBrowserBytes) throw new NativeMessageTooLongError(body.length);
  const frame = new Uint8Array(lengthBytes + body.length);
  new DataView(frame.buffer).setUint32(0, body.length, true);
  frame.set(body, lengthBytes);
  return frame;
}

export interface NativeDecoder {
  /** Every frame the chunk completes, in order. Throws once the decoder has reported 'too-long'. */
  push(chunk: Uint8Array): DecodedItem[];
  /** 'truncated' when the input ended inside a frame (its length or its body). */
  end(): DecodedItem | undefined;
}

/**
 * A streaming decoder that accepts chunks split anywhere, even inside the length. A length
 * over `maxBytes` ends the stream for good: it is either garbage, after which no later byte
 * can be trusted to start a frame, or a real message so long that skipping it means reading
 * up to 4 GB; either way the stream cannot be resynchronised.
 */
export function createNativeDecoder({ maxBytes }: { maxBytes: number }): NativeDecoder {
  const header = new Uint8Array(lengthBytes);
  let headerFilled = 0;
  let body: Uint8Array | undefined;
  let bodyFilled = 0;
  let failed = false;

  return {
    push(chunk) {
      if (failed) throw new Error('The native message stream was abandoned after an over-long frame.');
      const items: DecodedItem[] = [];
      let at = 0;
      while (at < chunk.length) {
        if (body === undefined) {
          const take = Math.min(lengthBytes - headerFilled, chunk.length - at);
          header.set(chunk.subarray(at, at + take), headerFilled);
          headerFilled += take;
          at += take;
          if (headerFilled < lengthBytes) break;
          const length = new DataView(header.buffer).getUint32(0, true);
          if (length > maxBytes) {
            failed = true;
            items.push({ ok: false, reason: 'too-long' });
            return items;
          }
          body = new Uint8Array(length);
          bodyFilled = 0;
        }
        const take = Math.min(body.length - bodyFilled, chunk.length - at);
        body.set(chunk.subarray(at, at + take), bodyFilled);
        bodyFilled += take;
        at += take;
        if (bodyFilled === body.length) {
          items.push(decodeJsonBytes(body));
          body = undefined;
          headerFilled = 0;
        }
      }
      return items;
    },
    end() {
      if (failed || (body === undefined && headerFilled === 0)) return undefined;
      return { ok: false, reason: 'truncated' };
    },
  };
}
