import type { DemoPortal } from './index';

/** A GET as the extension makes it: Bearer token, optional extra headers, redirects not followed. */
export function get(portal: DemoPortal, path: string, token?: string, headers: Record<string, string> = {}): Promise<Response> {
  const auth: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  return fetch(`${portal.url}/${path}`, { headers: { ...auth, ...headers }, redirect: 'manual' });
}

export function post(portal: DemoPortal, path: string, body: unknown): Promise<Response> {
  return fetch(`${portal.url}/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

export const tenantJitPath = (tenantId: string): string => `subscriptions/${tenantId}/GetAwsConsoleTokenUrl`;
