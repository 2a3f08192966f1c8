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

/** The last 200 requests, newest first, in storage.local; appends are serialized so none is lost. */
export function createRequestLog(area: KeyValueArea) {
  let writing: Promise<void> = Promise.resolve();
  const read = async (): Promise<RequestLogEntry[]> => {
    const parsed = z.array(EntrySchema).safeParse(await area.get(key));
    return parsed.success ? parsed.data : [];
  };
  return {
    /** After the appends already made: an answered request is in the log even while its append is under way. */
    entries: async () => {
      await writing;
      return read();
    },
    append(entry: RequestLogEntry): Promise<void> {
      writing = writing.then(async () => area.set(key, [entry, ...(await read())].slice(0, requestLogSize))).catch(() => undefined);
      return writing;
    },
  };
}
export type RequestLog = ReturnType<typeof createRequestLog>;
