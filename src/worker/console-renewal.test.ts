import { describe, expect, it } from 'vitest';
import { useAccessFixture } from './access-fixture.test-support';
import { planConsoleOpen } from './console-open';
import { defaultRenewLeadMs, renewConsoleTab, renewalNotice, renewalTime } from './console-renewal';
import { saveSettings } from '../settings/settings';
import { refreshPortal } from './refresh';

const { clock, tenantId, worker } = useAccessFixture();

async function openedQa() {
  const signedIn = await worker('dev@duplo.demo');
  await refreshPortal(signedIn.context, signedIn.origin);
  const plan = await planConsoleOpen(signedIn.context, signedIn.origin, tenantId('qa'));
  if (plan.kind !== 'open') throw new Error('expected a sign-in');
  return { ...signedIn, tab: await plan.record(5) };
}

describe('console renewal', () => {
  it('is offered five minutes before the end, or at once when that has passed', () => {
    expect(renewalTime(1_000_000, defaultRenewLeadMs, 0)).toBe(1_000_000 - 300_000);
    expect(renewalTime(1_000_000, defaultRenewLeadMs, 900_000)).toBe(900_000);
  });

  it('names the tenant, the portal and the end, and nothing else', async () => {
    const { context, origin, tab } = await openedQa();
    const { title, message } = await renewalNotice(context, tab);
    expect(title).toBe('AWS console session ends soon');
    expect(message).toMatch(new RegExp(`^The console for qa on ${new URL(origin).host} ends at \\d\\d:\\d\\d\\. Renew signs in again on the same page\\.$`));
  });

  it('signs in with fresh keys on the page the tab shows, through the logout as configured, and moves the end', async () => {
    const { context, origin, tab } = await openedQa();
    clock.now = tab.endsAt - defaultRenewLeadMs;
    const page = 'https://123456789012-abcd1234.us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances';
    const { url, endsAt } = await renewConsoleTab(context, tab, page);
    expect(endsAt).toBeGreaterThan(tab.endsAt);
    const login = new URL(new URL(url).searchParams.get('redirect_uri')!);
    expect([new URL(url).pathname, login.searchParams.get('Destination')]).toEqual(['/oauth', 'https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances']);
    expect((await context.consoleTabs.live()).map((entry) => [entry.tabId, entry.endsAt])).toEqual([[5, endsAt]]);
    expect(url.startsWith(origin)).toBe(true);
  });

  it('with multi-session on, lands on the same session host (its slot), with no logout', async () => {
    const { context, tab, disk } = await openedQa();
    await saveSettings(disk, { multiSession: true });
    clock.now = tab.endsAt - defaultRenewLeadMs;
    const page = 'https://123456789012-abcd1234.us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances';
    const { url } = await renewConsoleTab(context, tab, page);
    expect([new URL(url).pathname, new URL(url).searchParams.get('Destination')]).toEqual(['/federation', page]);
  });
});
