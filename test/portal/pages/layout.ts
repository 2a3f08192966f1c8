import { randomBytes } from 'node:crypto';
import type { Reply } from '../reply';

const styles = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6478; --line: #dde2ec; --brand: #2f5bea; --bad: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f4f6fb; }
header { display: flex; align-items: center; gap: 12px; padding: 12px 24px; background: #101828; color: #fff; }
header b { font-size: 17px; } header span { opacity: .6; font-size: 13px; }
main { max-width: 880px; margin: 32px auto; padding: 24px 28px; background: #fff; border: 1px solid var(--line); border-radius: 10px; }
h1 { margin: 0 0 16px; font-size: 22px; }
label { display: block; margin: 12px 0 4px; font-weight: 600; }
input { width: 100%; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
button, .button { display: inline-block; margin-top: 16px; padding: 8px 16px; border: 0; border-radius: 6px; background: var(--brand); color: #fff; font: inherit; cursor: pointer; text-decoration: none; }
button.secondary, .button.secondary { background: #e9edf5; color: var(--ink); }
table { width: 100%; border-collapse: collapse; } th, td { padding: 8px; border-bottom: 1px solid var(--line); text-align: left; }
th { color: var(--muted); font-weight: 600; font-size: 13px; } code { font-size: 13px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; } dt { color: var(--muted); } dd { margin: 0; }
td button { margin: 0; padding: 4px 12px; } main.narrow { max-width: 520px; } .row h1 { margin: 0; }
.muted { color: var(--muted); } .error { color: var(--bad); } .row { display: flex; justify-content: space-between; align-items: center; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface Page {
  readonly title: string;
  /** The header's name; the console page is not the portal. */
  readonly brand?: string;
  /** Trusted markup: interpolate user input only through escapeHtml. */
  readonly main: string;
  /** Attributes of `<main>`, already escaped. */
  readonly mainAttributes?: string;
  readonly script?: string;
  /** Origins besides its own the page's script may fetch from (the verify-token page's POST to localhost). */
  readonly connectTo?: readonly string[];
  readonly status?: number;
}

/** An HTML page whose only script and style are its own, allowed by a per-response nonce. */
export function htmlPage(page: Page): Reply {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    ['connect-src', "'self'", ...(page.connectTo ?? [])].join(' '),
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const script = page.script === undefined ? '' : `<script nonce="${nonce}">${page.script}</script>`;
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title><link rel="icon" href="data:,"><style nonce="${nonce}">${styles}</style></head>
<body><header><b>${escapeHtml(page.brand ?? 'DuploCloud')}</b><span>demo</span></header>
<main${page.mainAttributes ?? ''}>${page.main}</main>${script}</body></html>`;
  return {
    status: page.status ?? 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
    body,
  };
}
