import { describe, expect, it } from 'vitest';
import { useAccessFixture } from './access-fixture.test-support';
import { consoleLabelFor, planTone } from './console-label';
import { refreshPortal } from './refresh';

const { tenantId, worker } = useAccessFixture();

describe('console labels', () => {
  it('read a plan as prod or nonprod as people name them', () => {
    expect(['prod', 'Production', 'payments-prod', 'nonprod', 'non-prod', 'dev', ''].map(planTone)).toEqual(['prod', 'prod', 'prod', 'nonprod', 'nonprod', 'nonprod', 'nonprod']);
  });

  it("name the tenant, its plan and the portal's host; Admin apart", async () => {
    const { context, origin } = await worker('admin@duplo.demo');
    await refreshPortal(context, origin);
    const tab = { tabId: 1, origin, signinOrigin: origin, openedAt: 0, endsAt: 1 };
    const host = new URL(origin).host;
    expect(await consoleLabelFor(context, { ...tab, scope: tenantId('prod') })).toEqual({ name: 'prod', portal: host, plan: 'prod', tone: 'prod' });
    expect(await consoleLabelFor(context, { ...tab, scope: tenantId('qa') })).toEqual({ name: 'qa', portal: host, plan: 'nonprod', tone: 'nonprod' });
    expect(await consoleLabelFor(context, { ...tab, scope: 'admin' })).toEqual({ name: 'Admin', portal: host, plan: '', tone: 'admin' });
  });
});
