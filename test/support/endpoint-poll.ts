import type { DemoPortal } from '../portal/index';

/**
 * A `node -e` program that asks the credential endpoint as an SDK would, every `everyMs` for
 * `forMs`, then prints JSON of each answer's key and how long it had left.
 */
export const endpointPoll = (forMs: number, everyMs: number): string => `
  const url = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, authorization = process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  const seen = [], started = Date.now();
  (async () => {
    while (Date.now() - started < ${forMs}) {
      const keys = await (await fetch(url, { headers: { authorization } })).json();
      seen.push({ key: keys.AccessKeyId, left: Date.parse(keys.Expiration) - Date.now() });
      await new Promise((r) => setTimeout(r, ${everyMs}));
    }
    console.log(JSON.stringify(seen));
  })();`;

export interface PollResult {
  /** Answers with less than a second left: "unexpired" with whole-second Expirations, rounded down. */
  readonly nearlyExpired: number;
  readonly answers: number;
  readonly distinctKeys: number;
  /** JIT calls the portal answered for the tenant meanwhile. */
  readonly portalCalls: number;
}

/** Runs `poll` (which runs the poll program) and sums up what it saw against the portal's count for `tenant`. */
export async function pollEndpoint(portal: DemoPortal, tenant: string, poll: () => Promise<{ code: number | null; stdout: string }>): Promise<PollResult> {
  const id = portal.tenants.find((each) => each.name === tenant)!.id;
  const issued = () => portal.issuedCredentials().filter((each) => each.scope === id).length;
  const before = issued();
  const run = await poll();
  if (run.code !== 0) throw new Error(`the poll exited with ${run.code}`);
  const seen = JSON.parse(run.stdout) as { key: string; left: number }[];
  return {
    nearlyExpired: seen.filter((each) => each.left < 1000).length,
    answers: seen.length,
    distinctKeys: new Set(seen.map((each) => each.key)).size,
    portalCalls: issued() - before,
  };
}
