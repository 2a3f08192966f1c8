import { describe, expect, it } from 'vitest';
import { memoryArea } from '../storage/key-value';
import { createRequestLog, requestLogSize, type RequestLogEntry } from './request-log';

const entry = (n: number): RequestLogEntry => ({ time: n, program: `aws s3 ls ${n}`, portal: 'https://acme.duplocloud.net', op: 'aws-credentials', scope: 'dev01', outcome: 'ok' });

/** A log whose gathered writes run when the test says. */
function logWithManualTimer() {
  const area = memoryArea();
  const timers: (() => void)[] = [];
  const log = createRequestLog(area, (write) => timers.push(write));
  return { area, log, timers };
}

describe('the request log', () => {
  it('gathers a burst of appends into one write, newest first', async () => {
    const { area, log, timers } = logWithManualTimer();
    for (let n = 1; n <= 3; n++) log.append(entry(n));
    expect(timers).toHaveLength(1);
    expect(area.entries.has('bridge-log')).toBe(false);
    timers[0]!();
    await log.entries();
    expect(area.entries.get('bridge-log')).toEqual([entry(3), entry(2), entry(1)]);
  });

  it('lists what has gathered but is not written yet, and keeps it', async () => {
    const { area, log, timers } = logWithManualTimer();
    log.append(entry(1));
    expect(await log.entries()).toEqual([entry(1)]);
    log.append(entry(2));
    expect(await log.entries()).toEqual([entry(2), entry(1)]);
    for (const write of timers) write();
    expect(await log.entries()).toEqual([entry(2), entry(1)]);
    expect(area.entries.get('bridge-log')).toEqual([entry(2), entry(1)]);
  });

  it(`keeps the newest ${requestLogSize}`, async () => {
    const { log } = logWithManualTimer();
    for (let n = 1; n <= requestLogSize + 5; n++) log.append(entry(n));
    const kept = await log.entries();
    expect(kept).toHaveLength(requestLogSize);
    expect(kept[0]).toEqual(entry(requestLogSize + 5));
    expect(kept.at(-1)).toEqual(entry(6));
  });

  it('starts afresh over a stored value it cannot read', async () => {
    const { area, log } = logWithManualTimer();
    await area.set('bridge-log', [{ time: 'yesterday' }]);
    log.append(entry(1));
    expect(await log.entries()).toEqual([entry(1)]);
  });
});
