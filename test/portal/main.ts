import { parseArgs } from 'node:util';
import { z } from 'zod';
import { demoPortalBanner } from './banner';
import { handoffModeUsage } from './handoff-mode-flag';
import { handoffModes, startDemoPortal } from './index';

const FlagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8480),
  host: z.string().min(1).default('127.0.0.1'),
  'session-ttl': z.coerce.number().int().min(1).optional(),
  'handoff-mode': z.enum(handoffModes).default('get'),
});

const usage = `usage: tsx test/portal/main.ts [--port N] [--host HOST] [--session-ttl SECONDS]\n       ${handoffModeUsage}`;

function readFlags(): z.infer<typeof FlagsSchema> {
  let values: unknown;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' }, 'session-ttl': { type: 'string' }, 'handoff-mode': { type: 'string' } } }));
  } catch (error) {
    return exitWithUsage(error instanceof Error ? error.message : String(error));
  }
  const flags = FlagsSchema.safeParse(values);
  return flags.success ? flags.data : exitWithUsage(z.prettifyError(flags.error));
}

function exitWithUsage(problem: string): never {
  console.error(`${problem}\n${usage}`);
  process.exit(2);
}

const flags = readFlags();
const sessionTtl = flags['session-ttl'];
const portal = await startDemoPortal({
  port: flags.port,
  host: flags.host,
  handoffMode: flags['handoff-mode'],
  ...(sessionTtl === undefined ? {} : { sessionTtlMs: sessionTtl * 1000 }),
});
console.log(demoPortalBanner(portal));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void portal.stop().then(() => process.exit(0));
  });
}
