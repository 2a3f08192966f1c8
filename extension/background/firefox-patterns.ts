/**
 * Firefox's webRequest filters never match a URL pattern that names a port
 * (`http://localhost:53791/*` sees nothing; test/browser-facts.md, "Firefox"), while a pattern
 * without one matches every port. So Firefox listens by host, and the listener checks the port
 * itself (readHandoffNavigation, readHandoffPost do).
 */
export function withoutPorts(patterns: readonly string[]): string[] {
  return [...new Set(patterns.map((pattern) => pattern.replace(/^([a-z*]+:\/\/[^/:]+):\d+\//, '$1/')))];
}
