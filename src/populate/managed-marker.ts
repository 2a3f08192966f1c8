/** What one profile is for: a tenant by name, or the admin and duplo-ops roles. */
export type ProfileScope = 'admin' | 'duplo-ops' | { readonly tenant: string };

export const scopeWords = (scope: ProfileScope): string => (typeof scope === 'string' ? scope : `tenant ${scope.tenant}`);

const prefix = '# managed by duplo-jit-bridge populate (';

/**
 * The comment line populate writes as the last line of each profile it owns. It names the
 * portal and the scope, so that --prune removes only profiles it wrote for this portal's
 * tenants, and never one a person wrote or another portal's run did.
 */
export function markerLine(origin: string, scope: ProfileScope): string {
  return `${prefix}${origin}, ${scopeWords(scope)})`;
}

export interface Marker {
  readonly origin: string;
  readonly scope: ProfileScope;
}

const markerPattern = /^# managed by duplo-jit-bridge populate \((\S+), (admin|duplo-ops|tenant (\S+))\)$/;

export function parseMarker(line: string): Marker | undefined {
  const match = markerPattern.exec(line.trim());
  if (!match) return undefined;
  const scope: ProfileScope = match[3] !== undefined ? { tenant: match[3] } : (match[2] as 'admin' | 'duplo-ops');
  return { origin: match[1]!, scope };
}

export const isMarkerLine = (line: string): boolean => line.trim().startsWith(prefix);
