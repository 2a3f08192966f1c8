import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { isApiRoute, routeNames } from './routes';
import type { RouteName } from './routes';
import { jsonReply, messageReply, redirectReply, statusText, textReply } from './reply';
import type { Reply } from './reply';

export const FaultRuleSchema = z
  .strictObject({
    endpoint: z.enum(routeNames).optional(),
    times: z.int().min(1).optional(),
    latencyMs: z.int().min(0).max(60_000).optional(),
    status: z.int().min(200).max(599).optional(),
    body: z.enum(['json', 'html', 'text']).optional(),
    malformedJson: z.boolean().optional(),
    dropFields: z.array(z.string().min(1)).min(1).optional(),
    redirectTo: z.string().min(1).optional(),
    /** A JIT answer's ConsoleUrl moved to this origin, path and query kept: a portal pointing the console elsewhere. */
    consoleUrlOrigin: z.url().optional(),
    /** A JIT answer with `Region: ""`, which the real portal's type allows. */
    blankRegion: z.literal(true).optional(),
    /** The tenant list with two more rows, one without a name and one without an ID, which a client must skip. */
    incompleteTenantRows: z.literal(true).optional(),
  })
  .refine((rule) => rule.body === undefined || rule.status !== undefined, { message: '"body" needs "status"', path: ['body'] })
  .refine(
    (rule) => [rule.status !== undefined, rule.redirectTo !== undefined, rule.malformedJson === true || rule.dropFields !== undefined].filter(Boolean).length <= 1,
    { message: 'choose one of "status", "redirectTo", or "malformedJson"/"dropFields"' },
  );
export type FaultRule = z.infer<typeof FaultRuleSchema>;
export const FaultRulesSchema = z.array(FaultRuleSchema);

/** The rules in force, each with what is left of its `times`. */
export class FaultPlan {
  private rules: { rule: FaultRule; left: number }[] = [];

  replace(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule: { ...rule }, left: rule.times ?? Infinity }));
  }

  /**
   * The first rule for this route that is not used up, consumed by one. A rule without an
   * endpoint covers the API only: a page breaks only when a test names it.
   */
  take(route: RouteName): FaultRule | undefined {
    const entry = this.rules.find(({ rule, left }) => left > 0 && (rule.endpoint === undefined ? isApiRoute(route) : rule.endpoint === route));
    if (!entry) return undefined;
    entry.left -= 1;
    return entry.rule;
  }
}

/** Runs `produce` under `rule`: the status and redirect faults replace the answer without producing it. */
export async function applyFault(rule: FaultRule | undefined, produce: () => Promise<Reply>, signal: AbortSignal): Promise<Reply> {
  if (rule?.latencyMs) await delay(rule.latencyMs, undefined, { signal });
  if (rule?.redirectTo !== undefined) return redirectReply(rule.redirectTo);
  if (rule?.status !== undefined) return faultStatusReply(rule.status, rule.body ?? 'json');
  const reply = await produce();
  // A broken proxy mangles the data clients want; error answers stay as they are.
  if (!rule || reply.json === undefined || reply.status < 200 || reply.status > 299) return reply;
  let json: unknown = reply.json;
  if (rule.consoleUrlOrigin) json = movedConsoleUrl(json, rule.consoleUrlOrigin);
  if (rule.blankRegion && typeof json === 'object' && json !== null) json = { ...json, Region: '' };
  if (rule.incompleteTenantRows && Array.isArray(json)) json = [...json, ...incompleteTenantRows];
  if (rule.dropFields) json = dropFields(json, rule.dropFields);
  const trimmed = json === reply.json ? reply : jsonReply(reply.status, json);
  if (!rule.malformedJson) return trimmed;
  // A strict prefix of a JSON object or array never parses.
  return { ...trimmed, status: 200, body: trimmed.body.slice(0, Math.max(1, Math.floor(trimmed.body.length / 2))), json: undefined };
}

function faultStatusReply(status: number, body: 'json' | 'html' | 'text'): Reply {
  const text = `${status} ${statusText(status)}`;
  if (body === 'json') return messageReply(status, `Demo fault: ${text}`);
  if (body === 'text') return textReply(status, text);
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><title>${text}</title><h1>${text}</h1>` };
}

const incompleteTenantRows = [
  { TenantId: '00000000-0000-4000-8000-00000000000a', AccountName: null, PlanID: 'nonprod' },
  { AccountName: 'no-id', PlanID: 'nonprod' },
];

/** Removes top-level fields; in an array (the tenant list), from each element. */
function dropFields(value: unknown, fields: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => dropFields(item, fields));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !fields.includes(key)));
}

function movedConsoleUrl(value: unknown, origin: string): unknown {
  if (typeof value !== 'object' || value === null || !('ConsoleUrl' in value) || typeof value.ConsoleUrl !== 'string') return value;
  const url = new URL(value.ConsoleUrl);
  return { ...value, ConsoleUrl: `${origin}${url.pathname}${url.search}` };
}
