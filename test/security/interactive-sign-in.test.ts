import { describe, expect, it } from 'vitest';
import type { CliRun } from '../support/run-cli';
import { useDemoPortal } from '../support/demo-portal';
import { browserNavigation, plant } from '../support/loopback-request';
import { plantAsOtherUser, startThief, useSignInRig } from './interactive-sign-in';
import { otherUserUnavailable, useOtherUser } from './other-user';

/**
 * Attacks on `aws --interactive`'s sign-in listener (issue 12, items 1 and 2): the real CLI,
 * the demo portal's verify-token page in a real Chromium signed in as dev, and a thief
 * running as another Unix user or as a local program.
 */
const demo = useDemoPortal();
const thiefUser = useOtherUser('signin');
const rig = useSignInRig(demo);

const localPort = (url: URL) => Number(url.searchParams.get('localPort'));
/** What a page's fetch POST to localhost carries in Chromium 156 (test/browser-facts.md). */
const scriptFetch = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty', 'content-type': 'text/plain;charset=UTF-8' };

/** The credentials printed are the ones the portal just issued, and to dev, the user who clicked Authorize. */
function expectDevCredentials(run: CliRun): void {
  const issued = demo.portal.issuedCredentials().at(-1)!;
  expect(issued.username).toBe('dev@duplo.demo');
  expect(JSON.parse(run.stdout)).toMatchObject({ AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey });
}

/** dev authorizes after the planted tokens were refused: the CLI said so once, then printed dev's keys. */
async function authorizeAfterRefusal(url: URL, run: Promise<CliRun>): Promise<void> {
  await rig.authorize(url);
  const done = await run;
  expect(done).toMatchObject({
    code: 0,
    stderr: "duplo-jit-bridge: refused a request on the sign-in port (sec-fetch-mode is not navigate): not the portal's redirect in your browser; still waiting for it\n",
  });
  expectDevCredentials(done);
}

describe('--interactive sign-in, attacked on this machine', () => {
  it.skipIf(otherUserUnavailable)('another user listening on [::1] at the sign-in port never gets the token; the sign-in succeeds', async () => {
    const { run, opened } = rig.start(['--tenant', 'qa']);
    const url = await opened;
    // The port is public (/proc/net/tcp, the xdg-open command line): the thief binds it on ::1, which browsers try first.
    const thief = startThief(thiefUser, localPort(url));
    const started = await thief.started;
    await rig.authorize(url);
    const done = await run;
    expect(await thief.stop()).toEqual([]);
    expect(started).toEqual({ error: 'EADDRINUSE' });
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expectDevCredentials(done);
  });

  it.skipIf(otherUserUnavailable)('with --port taken on [::1] by another user, refuses to open the sign-in and says what to do', async () => {
    const thief = startThief(thiefUser, 0);
    const port = (await thief.started).listening!;
    const { run, opened } = rig.start(['--tenant', 'qa', '--port', String(port)]);
    // Old code opened the page anyway: sign in as the user would, to show where the token went.
    const done = await Promise.race([run, opened.then(async (url) => (await rig.authorize(url), run))]);
    expect(await thief.stop()).toEqual([]);
    expect(done).toEqual({
      code: 1,
      stdout: '',
      stderr: `duplo-jit-bridge: Cannot sign in on --port ${port}: [::1]:${port} is not free (another program already listens there), and the browser may send your portal token to whoever holds it, so nothing was opened. Choose another --port, or leave --port out to use any free port.\n`,
      ms: done.ms,
    });
  });

  it("refuses every token a local program plants before and beside the browser's, and ends with the real user's credentials", async () => {
    const { run, opened } = rig.start(['--tenant', 'qa']);
    const url = await opened;
    const port = localPort(url);
    // Another portal user's session (admin's): what the attacker wants the CLI to run as.
    const planted = `/?t=${encodeURIComponent(demo.admin)}`;
    const attacks = [
      { path: planted }, // curl: no browser headers
      { path: planted, address: '::1' },
      { path: planted, headers: { ...browserNavigation, 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' } }, // fetch() in a page
      { path: planted, headers: { ...browserNavigation, 'sec-fetch-dest': 'iframe' } }, // a page's iframe
      { path: planted, headers: { ...browserNavigation, 'sec-fetch-site': 'same-site' } }, // a page on another localhost port
      { path: planted, headers: { ...browserNavigation, origin: 'https://evil.example' } },
      { path: planted, headers: { ...browserNavigation, host: `evil.example:${port}` } }, // DNS rebinding
      { path: `${planted}&localPort=1`, headers: browserNavigation },
      { path: `/v2/callbackWithOtp${planted.slice(1)}`, headers: browserNavigation },
      { path: `http://localhost:${port}${planted}`, headers: browserNavigation },
      { method: 'POST', path: '/', headers: { ...browserNavigation, origin: demo.portal.url } }, // a form on the portal, not its fetch
      { method: 'POST', path: '/', headers: { ...scriptFetch, origin: 'https://evil.example' } }, // another site's fetch
      { method: 'POST', path: '/v2/callbackWithOtp', headers: { ...scriptFetch, origin: demo.portal.url, 'content-type': 'application/json' } },
      { method: 'POST', path: '/', headers: { ...scriptFetch, origin: demo.portal.url, 'content-length': '20000' } },
      { method: 'PUT', path: planted, headers: browserNavigation },
    ];
    const statuses = [];
    for (const attack of attacks) statuses.push(await plant(port, attack));
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 404, 404, 400, 400, 415, 413, 405]);
    await authorizeAfterRefusal(url, run);
  });

  it.skipIf(otherUserUnavailable)("refuses another user's token even when it imitates the browser's request perfectly (Linux: the socket's owner)", async () => {
    const { run, opened } = rig.start(['--tenant', 'qa']);
    const url = await opened;
    const planted = `/?t=${encodeURIComponent(demo.admin)}`;
    expect(await plantAsOtherUser(thiefUser, localPort(url), planted, {})).toEqual([400, 400]);
    expect(await plantAsOtherUser(thiefUser, localPort(url), planted, browserNavigation)).toEqual([400, 400]);
    await authorizeAfterRefusal(url, run);
  });
});
