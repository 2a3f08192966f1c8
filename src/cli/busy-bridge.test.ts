import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from '../host/host-process.test-support';
import { askBridge } from './bridge-client';
import { startBusyHost, type BusyHost } from './busy-host.test-support';
import { socketAccepts } from '../setup/socket-probe';

let host: BusyHost;

const releaseSoon = () => setTimeout(() => void host.release(), 150);

beforeEach(async () => {
  host = await startBusyHost();
  // The precondition the retry exists for: without it, these clients would have failed.
  expect(host.plainConnects).toContain('EAGAIN');
});
afterEach(() => host.stop());

describe('a host too busy to queue the connection', () => {
  it('is waited for by askBridge, not called unreachable, and every client gets its own answer', async () => {
    const asked = Array.from({ length: 10 }, (_, n) => askBridge(host.socket, request(`r${n}`), 10_000));
    releaseSoon();
    const answers = await Promise.all(asked);
    expect(answers.map((answer) => answer.id)).toEqual(Array.from({ length: 10 }, (_, n) => `r${n}`));
    expect(answers.every((answer) => answer.ok)).toBe(true);
  });

  it('makes askBridge give up at its time-out with words that say the bridge was busy', async () => {
    await expect(askBridge(host.socket, request('late'), 1_000)).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: `The browser bridge at ${host.socket} was too busy to take the request for 1 s. Retry; if it keeps happening, run "duplo-jit-bridge doctor".`,
    });
  });

  it('counts for doctor as accepting once it takes the probe within the probe time', async () => {
    const probed = socketAccepts(host.socket, 2_000);
    releaseSoon();
    expect(await probed).toBe(true);
  });

  it('counts for doctor as not accepting when it stays stuck past the probe time', async () => {
    expect(await socketAccepts(host.socket, 300)).toBe(false);
  });
});
