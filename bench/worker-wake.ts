import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { askBridge } from '../src/cli/bridge-client';
import type { Bench } from './harness';
import { differenceFigure, type Figure } from './report';
import { timed } from './stats';

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`worker wake: ${what}`);
    await sleep(2);
  }
}

/**
 * 7. A bridge request after the service worker was stopped (test/browser-facts.md: CDP
 * ServiceWorker.stopAllWorkers), against the same request with the worker awake.
 *
 * The native port belongs to the worker, so stopping the worker ends the host, and with it the
 * socket: a request then fails at once with NO_BROWSER, and nothing a local program does can
 * wake the worker. What brings the bridge back is the next event the worker gets: an extension
 * page asking for its state (as opening the popup does), or, with nothing else happening, the
 * worker's 30-second alarm. Each figure is the time from the stop or the event to the first
 * request answered, less an awake request.
 */
export async function workerWake(bench: Bench, rounds = 8, alarmRounds = 3): Promise<Figure[]> {
  const { context, extensionUrl } = bench.bridge.browser;
  const page = await context.newPage();
  await page.goto(`${extensionUrl}extension/handoff/index.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const awake: number[] = [];
  const woken: number[] = [];
  const byAlarm: number[] = [];
  const refused: string[] = [];
  try {
    await bench.ask('aws-credentials', 'dev01');
    for (let round = 0; round < rounds; round++) {
      awake.push(await timed(() => bench.ask('aws-credentials', 'dev01')));
      await cdp.send('ServiceWorker.stopAllWorkers');
      // The worker's port closes, the host sees its stdin end, removes the socket and exits.
      await until(() => !existsSync(bench.socket), 5_000, 'the host kept its socket after the worker stopped');
      const stopped = await askBridge(bench.socket, bench.request('aws-credentials', 'dev01'), 5_000).then(
        (response) => (response.ok ? 'answered' : response.error.code),
        (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : String(error)),
      );
      refused.push(stopped);
      woken.push(
        await timed(async () => {
          // Not awaited: the answer to the page is not the point, the bridge coming back is.
          const event = page.evaluate(() => chrome.runtime.sendMessage({ type: 'state' }));
          await until(() => existsSync(bench.socket), 10_000, 'the bridge did not come back after the worker woke');
          await bench.ask('aws-credentials', 'dev01');
          await event;
        }),
      );
    }
    for (let round = 0; round < alarmRounds; round++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await until(() => !existsSync(bench.socket), 5_000, 'the host kept its socket after the worker stopped');
      byAlarm.push(
        await timed(async () => {
          await until(() => existsSync(bench.socket), 40_000, 'the alarm did not wake the worker within 40 s');
          await bench.ask('aws-credentials', 'dev01');
        }),
      );
    }
  } finally {
    await cdp.detach();
    await page.close();
  }
  const codes = [...new Set(refused)].join(', ');
  return [
    differenceFigure({
      bench: '7. Worker wake',
      name: 'wake event → first answer − awake request',
      subject: woken,
      baseline: { name: 'awake request', samples: awake },
      note: `while the worker was stopped, a new request got ${codes} at once (not a slow answer: no answer), so the wake figure starts at the next event the worker gets. A request already in flight when the worker stopped waits for the bridge and is asked again (src/cli/bridge-recovery.ts).`,
    }),
    differenceFigure({
      bench: '7. Worker wake',
      name: 'stopped, nothing else happening → first answer (the alarm) − awake request',
      subject: byAlarm,
      baseline: { name: 'awake request', samples: awake.slice(0, byAlarm.length) },
      note: "from the host's socket going away to the first answer, with no event but the worker's own alarm (30 s period, Chrome's shortest): how long the bridge stays down at worst without the user.",
    }),
  ];
}
