import type { ConsoleLabel } from '../../src/worker';

/**
 * Runs inside a console page (scripting.executeScript serialises it: no imports, no closure).
 * A slim bar on top, in a closed shadow root so the console's styles and scripts leave it
 * alone, and the tab's title prefixed with the tenant, kept as the console retitles itself.
 * Text only, through textContent: the label is names, never markup.
 */
export function showConsoleBanner(label: ConsoleLabel): void {
  const colours = { prod: '#b91c1c', nonprod: '#15803d', admin: '#b45309' };
  const id = 'duplo-jit-console-banner';
  const text = `${label.name}${label.plan ? ` (${label.plan})` : ''} · ${label.portal}`;
  let host = document.getElementById(id);
  if (!host) {
    host = document.createElement('div');
    host.id = id;
    host.setAttribute('data-testid', 'console-banner');
    const root = host.attachShadow({ mode: 'closed' });
    const bar = document.createElement('div');
    bar.setAttribute('style', 'all: initial; display: block; font: 600 12px/22px system-ui, sans-serif; color: #fff; padding: 0 10px; text-align: center;');
    root.append(bar);
    document.documentElement.prepend(host);
    host.setAttribute('style', 'position: sticky; top: 0; z-index: 2147483647; display: block;');
    (host as HTMLElement & { bar?: HTMLElement }).bar = bar;
  }
  const bar = (host as HTMLElement & { bar?: HTMLElement }).bar;
  if (bar) {
    bar.textContent = text;
    bar.style.background = colours[label.tone];
  }
  // Readable by tests and the user's own tools without reaching into the closed root.
  host.setAttribute('data-text', text);
  host.setAttribute('data-tone', label.tone);

  const prefix = `${label.name} | `;
  const retitle = () => {
    if (!document.title.startsWith(prefix)) document.title = `${prefix}${document.title}`;
  };
  retitle();
  const state = window as Window & { duploJitTitleObserver?: MutationObserver };
  if (!state.duploJitTitleObserver) {
    state.duploJitTitleObserver = new MutationObserver(retitle);
    state.duploJitTitleObserver.observe(document.head ?? document.documentElement, { subtree: true, childList: true, characterData: true });
  }
}
