import { describe, expect, it } from 'vitest';
import { useDemoPortal } from '../support/demo-portal';
import { useSignInRig } from '../security/interactive-sign-in';

/**
 * `aws --interactive` against every way a portal's verify-token page hands the token over
 * (docs/duplo-api.md): the real CLI, the demo portal's page in a real Chromium signed in as
 * the admin. Tokens in standard base64, so that encoding them changes them; MFA required for
 * admin access, so that only the OTP the page hands over lets `--admin` through.
 */
const otp = '246810';
const demo = useDemoPortal({ otpCode: otp, base64Tokens: true });
const rig = useSignInRig(demo, 'admin');

describe('--interactive, each handoff the portal speaks', () => {
  it.each([
    ['get', 'the redirect to /?t=TOKEN', 1],
    ['get-double-encoded', 'the redirect with the token encoded twice (checked as received, refused, then decoded once more)', 2],
    ['post', "the page's POST of the token", 1],
  ] as const)('%s: %s signs in and prints the keys the portal issued', async (mode, _how, tokenChecks) => {
    demo.portal.setHandoffMode(mode);
    const checks = () => demo.portal.counters()['v3/features/system'] ?? 0;
    const before = checks();
    const { run, opened } = rig.start(['--tenant', 'qa']);
    await rig.authorize(await opened);
    const done = await run;
    expect(done).toMatchObject({ code: 0, stderr: '' });
    const issued = demo.portal.issuedCredentials().at(-1)!;
    expect(issued.username).toBe('admin@duplo.demo');
    expect(checks() - before).toBe(tokenChecks);
    expect(JSON.parse(done.stdout)).toMatchObject({ AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey });
  }, 60_000);

  it("otp: the page's POST of token and MFA code to /v2/callbackWithOtp lets --admin through, and the code is shown nowhere", async () => {
    demo.portal.setHandoffMode('otp');
    const { run, opened } = rig.start(['--admin']);
    const page = await rig.authorize(await opened, otp);
    const done = await run;
    expect(done).toMatchObject({ code: 0, stderr: '' });
    const issued = demo.portal.issuedCredentials().at(-1)!;
    expect(JSON.parse(done.stdout)).toMatchObject({ AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey });
    expect(done.stdout).not.toContain(otp);
    expect(page.url()).not.toContain(otp);
  }, 60_000);

  it('otp: without the code, --admin fails with the words for a missing MFA code', async () => {
    demo.portal.setHandoffMode('otp');
    const { run, opened } = rig.start(['--admin']);
    await rig.authorize(await opened, '');
    const done = await run;
    expect(done.code).toBe(1);
    expect(done.stderr).toBe(`duplo-jit-bridge: ${demo.portal.url} requires an MFA code (OTP) for admin access. Provide the current code from your authenticator app, then try again.\n`);
  }, 60_000);
});
