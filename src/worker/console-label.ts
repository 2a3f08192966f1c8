import type { ConsoleTab } from './console-tabs';
import type { PortalContext } from './portal-context';
import { knownTenant, scopeName } from './scope-name';

/** prod and nonprod as the popup's plan badge names them; Admin and duplo-ops apart. */
export type ConsoleTone = 'prod' | 'nonprod' | 'admin';

/** What a console tab's banner and title say. Names only: nothing secret reaches the page. */
export interface ConsoleLabel {
  readonly name: string;
  readonly portal: string;
  readonly plan: string;
  readonly tone: ConsoleTone;
}

/** A plan named prod, production or …-prod is production; non-prod and nonprod are not. */
export function planTone(plan: string): Exclude<ConsoleTone, 'admin'> {
  const lower = plan.toLowerCase();
  return /(^|[^a-z])prod/.test(lower) && !/non-?prod/.test(lower) ? 'prod' : 'nonprod';
}

export async function consoleLabelFor(context: PortalContext, tab: ConsoleTab): Promise<ConsoleLabel> {
  const portal = new URL(tab.origin).host;
  const name = await scopeName(context, tab.origin, tab.scope);
  if (tab.scope === 'admin' || tab.scope === 'duplo-ops') return { name, portal, plan: '', tone: 'admin' };
  const plan = (await knownTenant(context, tab.origin, tab.scope))?.plan ?? '';
  return { name, portal, plan, tone: planTone(plan) };
}
