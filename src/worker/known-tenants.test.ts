import { describe, expect, it } from 'vitest';
import { memoryArea } from '../storage/key-value';
import { memoArea } from '../storage/memo-area';
import { createKnownTenants, type KnownTenants } from './known-tenants';

const list = (names: string[]): KnownTenants => ({ tenants: names.map((name, n) => ({ id: `id-${n}`, name })), fetchedAt: 1, admin: 'allowed', duploOps: false });

describe('known tenants', () => {
  it('parses a stored list once per write when storage hands out the same frozen value', async () => {
    const known = createKnownTenants(memoArea(memoryArea()));
    await known.put('https://a.duplocloud.net', list(['dev01', 'qa']));
    const first = await known.get('https://a.duplocloud.net');
    expect(first).toEqual(list(['dev01', 'qa']));
    expect(await known.get('https://a.duplocloud.net')).toBe(first);
    expect(Object.isFrozen(first?.tenants)).toBe(true);
    await known.put('https://a.duplocloud.net', list(['prod']));
    expect(await known.get('https://a.duplocloud.net')).toEqual(list(['prod']));
  });

  it('gives nothing for a damaged list, every time', async () => {
    const area = memoryArea();
    await area.set('tenants:https://a.duplocloud.net', { tenants: 'not a list' });
    const known = createKnownTenants(memoArea(area));
    expect(await known.get('https://a.duplocloud.net')).toBeUndefined();
    expect(await known.get('https://a.duplocloud.net')).toBeUndefined();
  });
});
