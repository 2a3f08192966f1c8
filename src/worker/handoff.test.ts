import { describe, expect, it } from 'vitest';
import { useDemoPortal } from '../../test/support/demo-portal';
import { isPortalError } from '../duplo/errors';
import { saveSettings } from '../settings/settings';
import { memoryArea } from '../storage/key-value';
import { credentialsFor } from './credentials';
import { acceptHandoff } from './handoff';
import { forgetSession } from './portal-actions';
import { createPortalContext } from './portal-context';
import { observeRequest } from './tokens';

const demo = useDemoPortal({ otpCode: '246810' });

async function signedInWith(otp: string | undefined) {
  const memory = memoryArea();
  const disk = memoryArea();
  const context = createPortalContext({ fetch, now: Date.now, memory, disk, hasHostPermission: async () => true });
  await saveSettings(disk, { portals: [{ origin: demo.portal.url }] });
  await acceptHandoff(context, demo.portal.url, { token: demo.admin, ...(otp ? { otp } : {}) });
  return { context, stored: () => JSON.stringify([...memory.entries.values(), ...disk.entries.values()]) };
}

const adminRefusal = (context: Awaited<ReturnType<typeof signedInWith>>['context']) =>
  credentialsFor(context, demo.portal.url, 'admin', 'keys').then(
    () => undefined,
    (error: unknown) => (isPortalError(error, 'OTP_REQUIRED') ? 'OTP_REQUIRED' : error),
  );

describe("an MFA code from the portal's handoff", () => {
  it('goes out as otpcode on the admin call of that token, and is stored nowhere', async () => {
    const { context, stored } = await signedInWith('246810');
    expect(await adminRefusal(context)).toBeUndefined();
    expect(stored()).not.toContain('246810');
  });

  it('is dropped when the session is forgotten or another token replaces it', async () => {
    const forgotten = await signedInWith('246810');
    await forgetSession(forgotten.context, demo.portal.url);
    await acceptHandoff(forgotten.context, demo.portal.url, { token: demo.admin });
    expect(await adminRefusal(forgotten.context)).toBe('OTP_REQUIRED');

    const replaced = await signedInWith('246810');
    await observeRequest(replaced.context, demo.portal.url, demo.portal.url, `Bearer ${demo.portal.login('admin@duplo.demo')}`);
    await acceptHandoff(replaced.context, demo.portal.url, { token: demo.admin });
    expect(await adminRefusal(replaced.context)).toBe('OTP_REQUIRED');
  });

  it('without one, admin access on an MFA portal says OTP_REQUIRED', async () => {
    expect(await adminRefusal((await signedInWith(undefined)).context)).toBe('OTP_REQUIRED');
  });
});
