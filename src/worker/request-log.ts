import * as z from 'zod/mini';
import type { KeyValueArea } from '../storage/key-value';

/** One local program's request, as the options page lists it. Nothing in it grants access. */
const EntrySchema = z.object({
  time: z.number(),
  program: z.string(),
  portal: z.string(),
  op: z.string(),
  scope: z.string(),
  /** `ok` or the bridge error code. */
  outcome: z.string(),
});
export type RequestLogEntry = z.infer<typeof EntrySchema>;

export const requestLogSize = 200;
const key = 'bridge-log';
/**
 * How long appends gather before they go in one write. A write rewrites up to 200 entries;
 * made after every answer, it ran beside the next request of a burst (50 `aws` at once, a
 * Terraform run) and cost each ~0.5 ms of relay (BENCHMARKS.md).
 */
const gatherMs = 250;

/**
 * The last 200 requests, newest first, in storage.local. Writes are serialized so no entry is
 * lost to another, and `entries` first writes what has gathered, so it lists every request
 * answered so far. `later` runs the gathered write (a timer; tests pass their own).
 */
export function createRequestLog(area: KeyValueArea, later: (write: () => void) => void = (write) => void setTimeout(write, gatherMs)) {
  let gathered: RequestLogEntry[] = [];
  let writing: Promise<void> = Promise.resolve();
  const read = async (): Promise<RequestLogEntry[]> => {
    const parsed = z.array(EntrySchema).safeParse(await area.get(key));
    return parsed.success ? parsed.data : [];
  };
  const write = (): Promise<void> => {
    const batch = gathered;
    gathered = [];
    if (batch.length > 0) writing = writing.then(async () => area.set(key, [...batch, ...(await read())].slice(0, requestLogSize))).catch(() => undefined);
    return writing;
  };
  return {
    entries: async () => {
      await write();
      return read();
    },
    append(entry: RequestLogEntry): void {
      if (gathered.length === 0) later(() => void write());
      gathered.unshift(entry);
    },
  };
}
export type RequestLog = ReturnType<typeof createRequestLog>;
