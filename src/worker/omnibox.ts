import type { PopupView, TenantRow } from '../worker-messages/protocol';

export interface OmniboxSuggestion {
  /** What Enter on this suggestion hands back: unique among the suggestions. */
  readonly content: string;
  readonly description: string;
}

export interface OmniboxTarget {
  readonly origin: string;
  readonly scope: string;
  readonly name: string;
}

/**
 * What the keyword does with the tenant chosen: Enter opens its console in the tab, Alt+Enter
 * copies its keys, and a background-tab choice (a middle click) opens the console in a new tab.
 */
export type OmniboxAction = 'console-here' | 'console-new-tab' | 'keys';

// The browser opens a suggestion chosen with Alt+Enter in a new foreground tab; that is the copy.
export function omniboxAction(disposition: string): OmniboxAction {
  if (disposition === 'newForegroundTab') return 'keys';
  return disposition === 'newBackgroundTab' ? 'console-new-tab' : 'console-here';
}

const maxSuggestions = 6;

interface Candidate extends OmniboxTarget {
  readonly content: string;
  readonly host: string;
}

function candidates(view: PopupView): Candidate[] {
  const portals = view.portals.filter((portal) => portal.session === 'signed-in');
  return portals.flatMap((portal) => {
    const host = new URL(portal.origin).host;
    // With one portal the name alone is the content; with more, the host tells them apart.
    const content = (row: TenantRow) => (portals.length > 1 ? `${row.name} @${host}` : row.name);
    return portal.rows.map((row) => ({ origin: portal.origin, scope: row.scope, name: row.name, content: content(row), host }));
  });
}

/** The tenants whose name holds the typed text, those starting with it first; rows keep the popup's order (favorites, recents). */
function matching(view: PopupView, text: string): Candidate[] {
  const typed = text.trim().toLowerCase();
  const all = candidates(view);
  const exact = all.filter((candidate) => candidate.content.toLowerCase() === typed);
  const starts = all.filter((candidate) => candidate.name.toLowerCase().startsWith(typed));
  const holds = all.filter((candidate) => candidate.name.toLowerCase().includes(typed));
  return [...new Set([...exact, ...starts, ...holds])];
}

/** Chromium reads the description as XML (`<match>`, `<dim>`); Firefox shows it as text. */
export function omniboxSuggestions(view: PopupView, text: string, markup: boolean): OmniboxSuggestion[] {
  const escape = (value: string) => (markup ? value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;') : value);
  const tag = (name: string, value: string) => (markup ? `<${name}>${value}</${name}>` : value);
  return matching(view, text)
    .slice(0, maxSuggestions)
    .map((candidate) => ({
      content: candidate.content,
      description: `${tag('match', escape(candidate.name))} ${tag('dim', escape(`· ${candidate.host} · Enter: console, Alt+Enter: copy keys`))}`,
    }));
}

/** The tenant a submitted text names: a suggestion's content, or else the best match of what was typed. */
export function omniboxTarget(view: PopupView, text: string): OmniboxTarget | undefined {
  const best = matching(view, text)[0];
  return best && text.trim() ? { origin: best.origin, scope: best.scope, name: best.name } : undefined;
}
