import { describe, expect, it } from 'vitest';
import { saveSettings } from '../settings/settings';
import { useAccessFixture } from './access-fixture.test-support';
import { planConsoleOpen, type ConsoleOpening } from './console-open';
import { ConsoleSessionError } from './console-session-error';
import { refreshPortal } from './refresh';
import { toViewError } from './view-error';
import { portalView } from './view';

const { demo, clock, tenantId, worker } = useAccessFixture();
const jitCalls = () => demo.portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl'] ?? 0;

function opened(plan: ConsoleOpening): Extract<ConsoleOpening, { kind: 'open' }> {
  if (plan.kind !== 'open') throw new Error(`planned ${plan.kind}`);
  return plan;
}

async function admin(multiSession: boolean) {
  const signedIn = await worker('admin@duplo.demo');
  await saveSettings(signedIn.disk, { multiSession });
  await refreshPortal(signedIn.context, signedIn.origin);
  return signedIn;
}

describe('planConsoleOpen', () => {
  it('without multi-session signs in through the logout every time, and forgets the sessions that ends', async () => {
    const { context, origin } = await admin(false);
    const first = opened(await planConsoleOpen(context, origin, tenantId('qa')));
    expect(new URL(first.url).pathname).toBe('/oauth');
    await first.record(11);
    const again = opened(await planConsoleOpen(context, origin, tenantId('qa')));
    await again.record(12);
    await opened(await planConsoleOpen(context, origin, tenantId('dev01'))).record(13);
    expect((await context.consoleTabs.sessions()).map(({ scope, tabIds }) => [scope, tabIds])).toEqual([[tenantId('dev01'), [13]]]);
  });

  it('with multi-session focuses the live session of the scope, with no sign-in and no JIT call, until it ends', async () => {
    const { context, origin } = await admin(true);
    const qa = tenantId('qa');
    const first = opened(await planConsoleOpen(context, origin, qa));
    expect(new URL(first.url).pathname).toBe('/federation');
    await first.record(21);
    const calls = jitCalls();
    expect(await planConsoleOpen(context, origin, qa)).toEqual({ kind: 'focus', tabId: 21 });
    expect(jitCalls()).toBe(calls);

    const row = (await portalView(context, origin)).rows.find((candidate) => candidate.scope === qa)!;
    const endsAt = (await context.cache.peek(origin, qa))!.expiresAt;
    expect(row.consoleUntil).toBe(new Date(endsAt).toISOString());

    clock.now = endsAt;
    expect((await planConsoleOpen(context, origin, qa)).kind).toBe('open');
  });

  it('with multi-session refuses a sixth session, naming the oldest, and closes it only when told', async () => {
    const { context, origin } = await admin(true);
    const names = ['dev01', 'dev02', 'dev03', 'qa', 'uat'];
    for (const [index, name] of names.entries()) {
      await opened(await planConsoleOpen(context, origin, tenantId(name))).record(100 + index);
      clock.now += 1000;
    }
    const sixth = await planConsoleOpen(context, origin, tenantId('staging')).catch((error: unknown) => error);
    expect(sixth).toBeInstanceOf(ConsoleSessionError);
    expect(toViewError(sixth, origin)).toEqual({
      code: 'SESSION_LIMIT',
      message: `AWS allows 5 console sessions at once with multi-session, and 5 are open. Sign out the oldest (dev01 on ${new URL(origin).host}) to open this one?`,
    });

    // The oldest never reached a multi-session host: there is nothing to sign out on, only tabs to close.
    const plan = opened(await planConsoleOpen(context, origin, tenantId('staging'), true));
    expect(plan.end).toEqual({ tabIds: [100] });
    await plan.record(200);
    expect((await context.consoleTabs.sessions()).map(({ tabIds }) => tabIds[0])).toEqual([101, 102, 103, 104, 200]);

    const host = '111111111111-aaaa.us-east-1.console.aws.amazon.com';
    await context.consoleTabs.follow(101, `https://${host}/console/home`);
    const next = opened(await planConsoleOpen(context, origin, tenantId('sandbox'), true));
    expect(next.end).toEqual({ signOut: { tabId: 101, url: `https://${host}/console/logout!doLogout` }, tabIds: [101] });
  });

  it("with multi-session opens another tenant's page on that tenant's live session host, with no sign-in", async () => {
    const { context, origin } = await admin(true);
    const qa = tenantId('qa');
    await opened(await planConsoleOpen(context, origin, qa)).record(31);
    const page = 'https://111111111111-aaaa.us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:';
    // Before the session reached a host of its own, its tab is all there is.
    expect(await planConsoleOpen(context, origin, qa, false, { page })).toEqual({ kind: 'focus', tabId: 31 });

    const host = '222222222222-bbbb.us-east-1.console.aws.amazon.com';
    await context.consoleTabs.follow(31, `https://${host}/console/home`);
    const calls = jitCalls();
    const plan = opened(await planConsoleOpen(context, origin, qa, false, { page }));
    expect(plan.url).toBe(`https://${host}/ec2/home?region=us-west-2#Instances:`);
    const tab = await plan.record(32);
    expect(tab).toMatchObject({ scope: qa, sessionHost: host });
    expect(jitCalls()).toBe(calls);
    expect((await context.consoleTabs.sessions()).map(({ tabIds }) => tabIds)).toEqual([[31, 32]]);
  });
});
