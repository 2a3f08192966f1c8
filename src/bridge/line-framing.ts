/**
 * The CLI ↔ host socket framing: one JSON value on one newline-terminated UTF-8 line. JSON
 * text never holds a raw newline and 0x0A never occurs inside a multi-byte UTF-8 sequence,
 * so the first 0x0A byte ends the line.
 */
import { decodeJsonBytes, type DecodedItem } from './json-bytes';

/** A request is well under 2 KiB; the cap only keeps a client from making the host buffer without end. */
export const maxRequestLineBytes = 64 * 1024;
/** Credentials or a console link are a few KiB; the cap only keeps a broken host from making the CLI buffer without end. */
export const maxResponseLineBytes = 2 * 1024 * 1024;

const newline = 0x0a;

export function encodeLine(value: unknown): Uint8Array {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('A line must hold a JSON value.');
  return new TextEncoder().encode(`${json}\n`);
}

export interface LineDecoder {
  /** The first line's value once its newline arrives; after that, and after 'too-long', more input is ignored. */
  push(chunk: Uint8Array): DecodedItem | undefined;
  /** 'truncated' when bytes arrived but no newline did. */
  end(): DecodedItem | undefined;
}

/** Reads the first line only, holding at most `maxBytes` (newline excluded) before giving up. */
export function createLineDecoder({ maxBytes }: { maxBytes: number }): LineDecoder {
  const parts: Uint8Array[] = [];
  let buffered = 0;
  let done = false;

  const finish = (item: DecodedItem): DecodedItem => {
    done = true;
    parts.length = 0;
    return item;
  };

  return {
    push(chunk) {
      if (done) return undefined;
      const at = chunk.indexOf(newline);
      const length = buffered + (at < 0 ? chunk.length : at);
      if (length > maxBytes) return finish({ ok: false, reason: 'too-long' });
      if (at < 0) {
        // A copy: Node's Buffer#slice is a view, and the caller may reuse its chunk.
        parts.push(new Uint8Array(chunk));
        buffered = length;
        return undefined;
      }
      const line = new Uint8Array(length);
      let filled = 0;
      for (const part of [...parts, chunk.subarray(0, at)]) {
        line.set(part, filled);
        filled += part.length;
      }
      return finish(decodeJsonBytes(line));
    },
    end() {
      if (done || buffered === 0) return undefined;
      return finish({ ok: false, reason: 'truncated' });
    },
  };
}
