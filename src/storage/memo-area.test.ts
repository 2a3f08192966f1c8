import { describe, expect, it } from 'vitest';
import { memoryArea, type KeyValueArea } from './key-value';
import { memoArea } from './memo-area';

/** A memory area that counts what reaches it, and can be made to hold reads or fail. */
function countedArea() {
  const inner = memoryArea();
  const calls = { get: 0, set: 0, keys: 0 };
  let gate: Promise<void> | undefined;
  let failNext = false;
  const area: KeyValueArea = {
    async get(key) {
      calls.get++;
      const value = await inner.get(key);
      await gate;
      if (failNext) {
        failNext = false;
        throw new Error('storage is gone');
      }
      return value;
    },
    async set(key, value) {
      calls.set++;
      if (failNext) {
        failNext = false;
        throw new Error('quota exceeded');
      }
      await inner.set(key, value);
    },
    remove: (key) => inner.remove(key),
    async keys() {
      calls.keys++;
      return inner.keys();
    },
  };
  return {
    area,
    inner,
    calls,
    hold: () => {
      let open = () => {};
      gate = new Promise((resolve) => (open = resolve));
      return () => {
        gate = undefined;
        open();
      };
    },
    failNext: () => {
      failNext = true;
    },
  };
}

describe('memoArea', () => {
  it('reads a key from storage once, then from memory', async () => {
    const { area, inner, calls } = countedArea();
    await inner.set('settings', { portals: [] });
    const memo = memoArea(area);
    expect(await memo.get('settings')).toEqual({ portals: [] });
    expect(await memo.get('settings')).toEqual({ portals: [] });
    expect(await memo.get('missing')).toBeUndefined();
    expect(await memo.get('missing')).toBeUndefined();
    expect(calls.get).toBe(2);
  });

  it('writes through, and serves the written value without reading it back', async () => {
    const { area, inner, calls } = countedArea();
    const memo = memoArea(area);
    const written = { token: 'T1' };
    await memo.set('sessions', written);
    written.token = 'changed by the caller afterwards';
    expect(await memo.get('sessions')).toEqual({ token: 'T1' });
    expect(inner.entries.get('sessions')).toEqual({ token: 'T1' });
    expect(calls.get).toBe(0);
    await memo.remove('sessions');
    expect(await memo.get('sessions')).toBeUndefined();
    expect(inner.entries.has('sessions')).toBe(false);
  });

  it('hands out frozen values, so no reader can change what the next one sees', async () => {
    const { area, inner } = countedArea();
    await inner.set('tenants', { list: [{ name: 'dev01' }] });
    const memo = memoArea(area);
    const read = (await memo.get('tenants')) as { list: { name: string }[] };
    expect(() => {
      read.list[0]!.name = 'other';
    }).toThrow(TypeError);
    expect(await memo.get('tenants')).toEqual({ list: [{ name: 'dev01' }] });
  });

  it('never lets a read that started before a write replace the written value', async () => {
    const { area, inner, hold } = countedArea();
    await inner.set('sessions', 'old');
    const memo = memoArea(area);
    const open = hold();
    const early = memo.get('sessions');
    await memo.set('sessions', 'new');
    open();
    expect(await early).toBe('old');
    expect(await memo.get('sessions')).toBe('new');
  });

  it('reads again after a failed read or a failed write', async () => {
    const { area, inner, calls, failNext } = countedArea();
    await inner.set('settings', 'stored');
    const memo = memoArea(area);
    failNext();
    await expect(memo.get('settings')).rejects.toThrow('storage is gone');
    expect(await memo.get('settings')).toBe('stored');
    failNext();
    await expect(memo.set('settings', 'lost')).rejects.toThrow('quota exceeded');
    expect(await memo.get('settings')).toBe('stored');
    expect(calls.get).toBe(3);
  });

  it('counts a write made while the first listing is still on its way', async () => {
    const { area, inner } = countedArea();
    await inner.set('credentials:a', 1);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowList: KeyValueArea = {
      ...area,
      keys: async () => {
        const all = await area.keys();
        await held;
        return all;
      },
    };
    const memo = memoArea(slowList);
    const listing = memo.keys();
    await memo.set('credentials:b', 2);
    await memo.remove('credentials:a');
    release();
    expect(await listing).toEqual(['credentials:b']);
    expect(await memo.keys()).toEqual(['credentials:b']);
  });

  it('counts a write still on its way when the first listing comes back', async () => {
    const { area } = countedArea();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowWrite: KeyValueArea = {
      ...area,
      set: async (key, value) => {
        await held;
        await area.set(key, value);
      },
    };
    const memo = memoArea(slowWrite);
    const writing = memo.set('credentials:b', 2);
    expect(await memo.keys()).toEqual(['credentials:b']);
    release();
    await writing;
  });

  it('lists keys once and keeps the list up to date with its own writes', async () => {
    const { area, inner, calls } = countedArea();
    await inner.set('a', 1);
    const memo = memoArea(area);
    expect(await memo.keys()).toEqual(['a']);
    await memo.set('b', 2);
    await memo.remove('a');
    expect(await memo.keys()).toEqual(['b']);
    expect(calls.keys).toBe(1);
  });
});
