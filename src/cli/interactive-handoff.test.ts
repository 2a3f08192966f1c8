import { describe, expect, it } from 'vitest';
import { browserNavigation, plant } from '../../test/support/loopback-request';
import { tokenFromBrowser } from './interactive-handoff';

const host = 'https://acme.duplocloud.net';

describe('tokenFromBrowser', () => {
  it('takes nothing before the browser was sent to the portal page, then exactly one handoff, then closes both addresses', async () => {
    const notices: string[] = [];
    let port = 0;
    let early: number | string = 0;
    let real: Promise<number | string> | undefined;
    const token = await tokenFromBrowser({
      host,
      admin: false,
      notice: (line) => notices.push(line),
      debug: () => {},
      open: async (url) => {
        port = Number(new URL(url).searchParams.get('localPort'));
        // A local program that watched the port appear, racing the browser with a perfect imitation.
        early = await plant(port, { path: '/?t=planted', headers: { ...browserNavigation, host: `localhost:${port}` } });
        real = plant(port, { address: '::1', path: '/?t=real', headers: { ...browserNavigation, host: `localhost:${port}` } });
      },
    });
    expect(token).toBe('real');
    expect(await real).toBe(302);
    expect(early).toBe(404);
    expect(notices).toEqual(["refused a request on the sign-in port (the sign-in page was not opened yet): not the portal's redirect in your browser; still waiting for it"]);
    const after = { path: '/?t=late', headers: { ...browserNavigation, host: `localhost:${port}` } };
    expect([await plant(port, after), await plant(port, { ...after, address: '::1' })]).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });

});
