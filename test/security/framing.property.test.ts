import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineDecoder, encodeLine } from '../../src/bridge/line-framing';
import { createNativeDecoder, encodeNativeMessage, maxHostToBrowserBytes } from '../../src/bridge/native-framing';
import type { DecodedItem } from '../../src/bridge/json-bytes';

/** Property tests of both framings: hostile bytes in any chunking never throw or hang; any JSON value round-trips. */
const runs = { numRuns: 300, interruptAfterTimeLimit: 4_000 };

/** Splits `bytes` at the given cut points (taken modulo its length). */
function chunk(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => (bytes.length === 0 ? 0 : cut % (bytes.length + 1))))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const point of points) {
    parts.push(bytes.subarray(from, point));
    from = point;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

// JSON values as JSON.parse gives them back: no -0 (it becomes 0), no undefined.
const json = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
const hostileBytes = fc.uint8Array({ maxLength: 2_000 });
const cuts = fc.array(fc.nat(5_000), { maxLength: 20 });
const isItem = (item: DecodedItem) => (item.ok ? true : ['too-long', 'bad-utf8', 'bad-json', 'truncated'].includes(item.reason));

describe('native messaging frames (browser ↔ host, both directions)', () => {
  it('round-trips any JSON value, however the stream is chunked', () => {
    fc.assert(
      fc.property(fc.array(json, { minLength: 1, maxLength: 5 }), cuts, (values, at) => {
        const stream = concat(values.map((value) => encodeNativeMessage(value)));
        const decoder = createNativeDecoder({ maxBytes: maxHostToBrowserBytes });
        const items = chunk(stream, at).flatMap((part) => decoder.push(part));
        expect(items).toEqual(values.map((value) => ({ ok: true, value })));
        expect(decoder.end()).toBeUndefined();
      }),
      runs,
    );
  });

  it('never throws on arbitrary bytes in arbitrary chunks; stops for good after a too-long length', () => {
    fc.assert(
      fc.property(hostileBytes, cuts, fc.integer({ min: 0, max: 4_096 }), (bytes, at, maxBytes) => {
        const decoder = createNativeDecoder({ maxBytes });
        const items: DecodedItem[] = [];
        let abandoned = false;
        for (const part of chunk(bytes, at)) {
          if (abandoned) {
            expect(() => decoder.push(part)).toThrow(/abandoned/);
            continue;
          }
          items.push(...decoder.push(part));
          abandoned = items.some((item) => !item.ok && item.reason === 'too-long');
        }
        const last = decoder.end();
        expect(items.every(isItem)).toBe(true);
        if (last !== undefined) expect(last).toEqual({ ok: false, reason: 'truncated' });
        // Never more frames than 4-byte headers fit in the input.
        expect(items.length).toBeLessThanOrEqual(Math.floor(bytes.length / 4) + 1);
      }),
      runs,
    );
  });

  it('refuses to encode a host → browser message over 1 MB, and what it encodes always decodes', () => {
    expect(() => encodeNativeMessage('x'.repeat(maxHostToBrowserBytes))).toThrow(/exceeds/);
    expect(() => encodeNativeMessage(undefined)).toThrow(TypeError);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        const decoder = createNativeDecoder({ maxBytes: maxHostToBrowserBytes });
        const [item] = decoder.push(encodeNativeMessage({ text }));
        // Lone surrogates are written as U+FFFD by TextEncoder: still one valid frame.
        expect(item?.ok).toBe(true);
      }),
      runs,
    );
  });
});

describe('socket lines (CLI ↔ host)', () => {
  it('round-trips any JSON value, however the line is chunked, and ignores what follows the newline', () => {
    fc.assert(
      fc.property(json, cuts, hostileBytes, (value, at, trailer) => {
        const decoder = createLineDecoder({ maxBytes: 64 * 1024 });
        const results = chunk(concat([encodeLine(value), trailer]), at).map((part) => decoder.push(part));
        expect(results.filter((item) => item !== undefined)).toEqual([{ ok: true, value }]);
        expect(decoder.end()).toBeUndefined();
      }),
      runs,
    );
  });

  it('gives at most one item for arbitrary bytes, never throws, and never holds more than maxBytes', () => {
    fc.assert(
      fc.property(hostileBytes, cuts, fc.integer({ min: 0, max: 1_000 }), (bytes, at, maxBytes) => {
        const decoder = createLineDecoder({ maxBytes });
        const items = chunk(bytes, at)
          .map((part) => decoder.push(part))
          .filter((item) => item !== undefined);
        const last = decoder.end();
        const all = last === undefined ? items : [...items, last];
        expect(all.length).toBeLessThanOrEqual(1);
        expect(all.every(isItem)).toBe(true);
        const newline = bytes.indexOf(0x0a);
        const lineLength = newline < 0 ? bytes.length : newline;
        if (lineLength > maxBytes) expect(all).toEqual([{ ok: false, reason: 'too-long' }]);
        if (newline < 0 && bytes.length > 0 && bytes.length <= maxBytes) expect(all).toEqual([{ ok: false, reason: 'truncated' }]);
      }),
      runs,
    );
  });
});
