import { describe, expect, it } from 'vitest';
import { createLineDecoder, encodeLine } from './line-framing';

const bytes = (text: string) => new TextEncoder().encode(text);
const request = { v: 1, id: 'é€😀', op: 'status', list: [1, null] };

describe('encodeLine', () => {
  it('writes compact JSON and one newline', () => {
    expect(new TextDecoder().decode(encodeLine({ a: 'b\nc' }))).toBe('{"a":"b\\nc"}\n');
  });
});

describe('createLineDecoder', () => {
  it('round-trips a value whichever byte the line is split at', () => {
    const line = encodeLine(request);
    for (let cut = 0; cut <= line.length; cut++) {
      const decoder = createLineDecoder({ maxBytes: 1000 });
      const first = decoder.push(line.subarray(0, cut));
      const item = first ?? decoder.push(line.subarray(cut));
      expect(item, `cut at ${cut}`).toEqual({ ok: true, value: request });
      expect(decoder.end()).toBeUndefined();
    }
  });

  it('reads the first line only and ignores what follows', () => {
    const decoder = createLineDecoder({ maxBytes: 1000 });
    expect(decoder.push(bytes('1\n2\n'))).toEqual({ ok: true, value: 1 });
    expect(decoder.push(bytes('3\n'))).toBeUndefined();
  });

  it('accepts a line of exactly maxBytes and refuses one byte more', () => {
    expect(createLineDecoder({ maxBytes: 5 }).push(bytes('"abc"\n'))).toEqual({ ok: true, value: 'abc' });
    expect(createLineDecoder({ maxBytes: 5 }).push(bytes('"abcd"\n'))).toEqual({ ok: false, reason: 'too-long' });
  });

  it('gives up as soon as the cap is passed, before any newline', () => {
    const decoder = createLineDecoder({ maxBytes: 5 });
    expect(decoder.push(bytes('"abc'))).toBeUndefined();
    expect(decoder.push(bytes('de'))).toEqual({ ok: false, reason: 'too-long' });
    expect(decoder.push(bytes('"\n'))).toBeUndefined();
    expect(decoder.end()).toBeUndefined();
  });

  it('reports bytes without a newline as truncated, and nothing at all as nothing', () => {
    const decoder = createLineDecoder({ maxBytes: 100 });
    decoder.push(bytes('{"v":1'));
    expect(decoder.end()).toEqual({ ok: false, reason: 'truncated' });
    expect(createLineDecoder({ maxBytes: 100 }).end()).toBeUndefined();
  });

  it('rejects bad UTF-8 and bad JSON', () => {
    expect(createLineDecoder({ maxBytes: 100 }).push(Uint8Array.of(0x22, 0xc3, 0x22, 0x0a))).toEqual({ ok: false, reason: 'bad-utf8' });
    for (const text of ['{\n', '\n', 'v=1\n', '{"a":1} {"b":2}\n']) {
      expect(createLineDecoder({ maxBytes: 100 }).push(bytes(text)), text).toEqual({ ok: false, reason: 'bad-json' });
    }
  });
});
