import type { KnownTenants } from '../src/worker/known-tenants';

/**
 * Page-side code for the popup benchmark, as source text: functions handed to Playwright from
 * a tsx-compiled file carry tsx's `__name` helper, which the page does not have.
 */

const teams = ['payments', 'search', 'ledger', 'auth', 'billing', 'data', 'ml', 'web', 'api', 'ops'];
const stages = ['dev', 'qa', 'stage', 'prod', 'sandbox'];

/** A tenant list as the worker stores it after a refresh (src/worker/known-tenants.ts): names like "ledger-prod-0042". */
export function knownTenants(count: number): KnownTenants {
  const tenants = Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `${teams[index % teams.length]!}-${stages[Math.floor(index / teams.length) % stages.length]!}-${String(index).padStart(4, '0')}`,
    ...(index % 7 === 0 ? { plan: 'shared-plan' } : {}),
  }));
  return { tenants, fetchedAt: Date.now(), admin: 'allowed', duploOps: true };
}

/**
 * The scopes of the rows the popup lists for a query, in its order (src/worker/portal-rows.ts:
 * Admin, duplo-ops, then tenants by name; extension/popup/filter-rows.ts: name or ID contains
 * the query): to check that a keystroke really changed the list to the right rows.
 */
export function expectedScopes(known: KnownTenants, query: string): string[] {
  const tenants = [...known.tenants].sort((a, b) => a.name.localeCompare(b.name)).map((tenant) => ({ name: tenant.name, scope: tenant.id }));
  const rows = [{ name: 'Admin', scope: 'admin' }, { name: 'duplo-ops', scope: 'duplo-ops' }, ...tenants];
  const needle = query.trim().toLowerCase();
  return rows.filter((row) => row.name.toLowerCase().includes(needle) || row.scope.toLowerCase().includes(needle)).map((row) => row.scope);
}

/** The popup need not draw every row, but it must draw at least what fits in it (560 px of 42 px rows). */
export const screenful = 13;

/** Whether the drawn rows are the first of the expected ones, at least a screenful of them. */
export function drawnRight(drawn: readonly string[], expected: readonly string[]): boolean {
  return drawn.length >= Math.min(expected.length, screenful) && drawn.every((scope, index) => scope === expected[index]);
}

/**
 * Runs before the page's own scripts. When the page's content first exists (the popup's rows,
 * or the blank page's status line rewritten by its script) it notes the time, then the time
 * after the next frame: requestAnimationFrame runs just before a paint, and a message posted
 * from there arrives just after it. Times are from the page's navigation start.
 */
export const paintMarker = `(() => {
  const content = () => location.pathname.includes('/popup/')
    ? document.querySelectorAll('[data-testid="row"]').length
    : Number(document.getElementById('status')?.textContent?.startsWith('This page') ?? false);
  const observer = new MutationObserver(() => {
    const count = content();
    if (count === 0) return;
    observer.disconnect();
    const dom = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { globalThis.__benchPaint = { dom, painted: performance.now(), count }; };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})()`;

export interface Paint {
  readonly dom: number;
  readonly painted: number;
  readonly count: number;
}

export function isPaint(value: unknown): value is Paint {
  return typeof value === 'object' && value !== null && ['dom', 'painted', 'count'].every((key) => typeof (value as Record<string, unknown>)[key] === 'number');
}

/**
 * Types keys into the filter box and, in turn, into a bare input with no listener added to
 * the same page (the baseline). Each keystroke is timed from the input event to the new list
 * laid out: the render is let run (a macrotask follows Preact's deferred render), then
 * reading offsetHeight forces style and layout. The frame is then let paint, unmeasured, as
 * it would between a typist's keys.
 */
export const typeKeys = `async (keys) => {
  const filter = document.querySelector('[data-testid="filter"]');
  const bare = document.body.appendChild(document.createElement('input'));
  const press = async (input, key) => {
    const started = performance.now();
    const back = key === 'Backspace';
    input.value = back ? input.value.slice(0, -1) : input.value + key;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: back ? 'deleteContentBackward' : 'insertText', data: back ? null : key }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    void document.body.offsetHeight;
    return performance.now() - started;
  };
  const out = [];
  for (const key of keys) {
    const baseline = await press(bare, key);
    const subject = await press(filter, key);
    const scopes = [...document.querySelectorAll('[data-testid="row"]')].map((row) => row.getAttribute('data-scope'));
    out.push({ baseline, subject, query: filter.value, scopes });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  bare.remove();
  return out;
}`;

export interface Keystroke {
  readonly baseline: number;
  readonly subject: number;
  readonly query: string;
  /** The drawn rows, in order, after the keystroke. */
  readonly scopes: readonly string[];
}

export function isKeystrokes(value: unknown): value is Keystroke[] {
  return Array.isArray(value) && value.every((item: unknown) => typeof item === 'object' && item !== null && typeof (item as Record<string, unknown>).subject === 'number');
}
