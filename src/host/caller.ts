/**
 * Who started the host, from its arguments, for its log. Chromium passes one argument, the
 * extension's origin (`chrome-extension://<id>/`, and on Windows a `--parent-window=` after
 * it); Firefox passes two, the path of the host manifest it read and the add-on's ID
 * (test/browser-facts.md, "Firefox"). The browser already admitted the caller by that manifest's
 * `allowed_origins` or `allowed_extensions`: this only names it.
 */
export function hostCaller(args: readonly string[]): string {
  const [first = '', second] = args;
  if (first.startsWith('chrome-extension://')) return first;
  if (second !== undefined && !second.startsWith('--')) return `Firefox add-on ${second} (host manifest ${first})`;
  return first;
}
