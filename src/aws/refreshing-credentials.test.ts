import { describe, expect, it } from 'vitest';
import type { CredentialProcessOutput } from './credential-process';
import { createRefreshingCredentials, renewalTime } from './refreshing-credentials';

const start = Date.parse('2026-12-02T10:00:00Z');

function portalOf(validitySeconds: number, clock: { at: number }) {
  const issued: CredentialProcessOutput[] = [];
  let failing: Error | undefined;
  return {
    issued,
    fail: (error: Error | undefined) => (failing = error),
    fetch: async (): Promise<CredentialProcessOutput> => {
      if (failing) throw failing;
      const keys: CredentialProcessOutput = {
        Version: 1,
        AccessKeyId: `ASIAKEY${issued.length}`,
        SecretAccessKey: 'secret',
        Region: 'us-west-2',
        Expiration: new Date(clock.at + validitySeconds * 1000).toISOString(),
      };
      issued.push(keys);
      return keys;
    },
  };
}

describe('renewalTime', () => {
  it('renews 15 minutes early, or a third of the life early for short keys', () => {
    expect(renewalTime(start, start + 3600_000)).toBe(start + 45 * 60_000);
    expect(renewalTime(start, start + 90_000)).toBe(start + 60_000);
    expect(renewalTime(start, start - 1)).toBe(start - 1);
  });
});

describe('createRefreshingCredentials', () => {
  it('asked every 10 s for 5 minutes with 90-second keys, serves unexpired keys and fetches once per renewal period', async () => {
    const clock = { at: start };
    const portal = portalOf(90, clock);
    const stale: unknown[] = [];
    const keys = createRefreshingCredentials({ fetch: portal.fetch, now: () => clock.at, onStaleServed: (error) => stale.push(error) });
    for (; clock.at <= start + 300_000; clock.at += 10_000) {
      const served = await keys.current();
      expect(Date.parse(served.Expiration) - clock.at).toBeGreaterThanOrEqual(30_000);
    }
    // Renewed at 0, 60, 120, 180, 240 and 300 s.
    expect(portal.issued.map((each) => each.AccessKeyId)).toEqual(['ASIAKEY0', 'ASIAKEY1', 'ASIAKEY2', 'ASIAKEY3', 'ASIAKEY4', 'ASIAKEY5']);
    expect(stale).toEqual([]);
  });

  it('shares one fetch between concurrent asks', async () => {
    const clock = { at: start };
    const portal = portalOf(3600, clock);
    const keys = createRefreshingCredentials({ fetch: portal.fetch, now: () => clock.at, onStaleServed: () => undefined });
    const served = await Promise.all([keys.current(), keys.current(), keys.current()]);
    expect(new Set(served.map((each) => each.AccessKeyId))).toEqual(new Set(['ASIAKEY0']));
    expect(portal.issued).toHaveLength(1);
  });

  it('serves the old keys while a renewal fails and they still work, then passes the failure on', async () => {
    const clock = { at: start };
    const portal = portalOf(90, clock);
    const stale: unknown[] = [];
    const keys = createRefreshingCredentials({ fetch: portal.fetch, now: () => clock.at, onStaleServed: (error) => stale.push(error) });
    await keys.current();
    const closed = new Error('the browser closed');
    portal.fail(closed);
    clock.at = start + 70_000;
    expect((await keys.current()).AccessKeyId).toBe('ASIAKEY0');
    expect(stale).toEqual([closed]);
    clock.at = start + 90_000;
    await expect(keys.current()).rejects.toBe(closed);
    portal.fail(undefined);
    expect((await keys.current()).AccessKeyId).toBe('ASIAKEY1');
  });
});
