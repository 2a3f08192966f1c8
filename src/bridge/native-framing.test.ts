import { describe, expect, it } from 'vitest';
import { createNativeDecoder, encodeNativeMessage, maxHostToBrowserBytes, NativeMessageTooLongError, type DecodedItem } from './native-framing';

/** A frame around arbitrary body bytes, for bodies the encoder would never produce. */
function rawFrame(body: readonly number[], length = body.length): Uint8Array {
  const frame = new Uint8Array(4 + body.length);
  new DataView(frame.buffer).setUint32(0, length, true);
  frame.set(body, 4);
  return frame;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

const samples: unknown[] = [{ v: 1, id: 'a', ok: true, result: { text: 'é€😀', n: [1, 2.5, null, false] } }, 'plain', 0, []];
const sampleStream = concat(...samples.map(encodeNativeMessage));
const sampleItems: DecodedItem[] = samples.map((value) => ({ ok: true, value }));
const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('encodeNativeMessage', () => {
  it('writes the UTF-8 length little-endian, then the JSON', () => {
    const frame = encodeNativeMessage({ s: 'é' });
    expect([...frame.subarray(0, 4)]).toEqual([10, 0, 0, 0]);
    expect(new TextDecoder().decode(frame.subarray(4))).toBe('{"s":"é"}');
  });

  it('accepts exactly 1 MB of JSON and refuses one byte more', () => {
    const atLimit = 'x'.repeat(maxHostToBrowserBytes - 2);
    expect(encodeNativeMessage(atLimit).length).toBe(4 + maxHostToBrowserBytes);
    expect(() => encodeNativeMessage(`${atLimit}x`)).toThrow(NativeMessageTooLongError);
    expect(() => encodeNativeMessage(`${atLimit}x`)).toThrow(expect.objectContaining({ bytes: maxHostToBrowserBytes + 1 }));
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => encodeNativeMessage(undefined)).toThrow(TypeError);
  });
});

describe('createNativeDecoder', () => {
  it('round-trips values in one chunk', () => {
    const decoder = createNativeDecoder({ maxBytes: 1000 });
    expect(decoder.push(sampleStream)).toEqual(sampleItems);
    expect(decoder.end()).toBeUndefined();
  });

  it('decodes the same whichever byte the input is split at', () => {
    for (let cut = 0; cut <= sampleStream.length; cut++) {
      const decoder = createNativeDecoder({ maxBytes: 1000 });
      const items = [...decoder.push(sampleStream.subarray(0, cut)), ...decoder.push(sampleStream.subarray(cut))];
      expect(items, `cut at ${cut}`).toEqual(sampleItems);
      expect(decoder.end()).toBeUndefined();
    }
  });

  it('decodes the same when fed one byte at a time', () => {
    const decoder = createNativeDecoder({ maxBytes: 1000 });
    const items = [...sampleStream].flatMap((byte) => decoder.push(Uint8Array.of(byte)));
    expect(items).toEqual(sampleItems);
  });

  it('accepts a frame of exactly maxBytes and stops for good at maxBytes + 1', () => {
    const atLimit = encodeNativeMessage('x'.repeat(8));
    const decoder = createNativeDecoder({ maxBytes: 10 });
    expect(decoder.push(atLimit)).toEqual([{ ok: true, value: 'xxxxxxxx' }]);
    const over = encodeNativeMessage('x'.repeat(9));
    expect(decoder.push(concat(atLimit, over, atLimit))).toEqual([{ ok: true, value: 'xxxxxxxx' }, { ok: false, reason: 'too-long' }]);
    expect(() => decoder.push(atLimit)).toThrow(/abandoned/);
    expect(decoder.end()).toBeUndefined();
  });

  it('rejects a huge length as soon as the length is complete, without waiting for a body', () => {
    const decoder = createNativeDecoder({ maxBytes: 64 * 1024 * 1024 });
    expect(decoder.push(Uint8Array.of(0xff, 0xff, 0xff))).toEqual([]);
    expect(decoder.push(Uint8Array.of(0xff))).toEqual([{ ok: false, reason: 'too-long' }]);
  });

  it('reports input that ends inside the length or inside the body as truncated', () => {
    for (const partial of [Uint8Array.of(5, 0), rawFrame(utf8('"abc"')).subarray(0, 6)]) {
      const decoder = createNativeDecoder({ maxBytes: 1000 });
      expect(decoder.push(partial)).toEqual([]);
      expect(decoder.end()).toEqual({ ok: false, reason: 'truncated' });
    }
  });

  it('rejects bad UTF-8 and bad JSON frame by frame and keeps decoding', () => {
    const badBodies = [
      [0x22, 0xff, 0x22], // a byte UTF-8 never uses
      [0x22, 0xc0, 0xaf, 0x22], // an overlong "/"
      [0x22, 0xed, 0xa0, 0x80, 0x22], // a UTF-16 surrogate encoded as UTF-8
      [0x22, 0xe2, 0x82, 0x22], // a sequence cut short
    ];
    const badJson = ['{', '', '{"a":1}x', "{'a':1}", 'undefined'];
    const stream = concat(...badBodies.map((body) => rawFrame(body)), ...badJson.map((text) => rawFrame(utf8(text))), encodeNativeMessage('fine'));
    const decoder = createNativeDecoder({ maxBytes: 1000 });
    expect(decoder.push(stream)).toEqual([
      ...badBodies.map(() => ({ ok: false, reason: 'bad-utf8' })),
      ...badJson.map(() => ({ ok: false, reason: 'bad-json' })),
      { ok: true, value: 'fine' },
    ]);
  });
});
