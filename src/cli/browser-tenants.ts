import * as z from 'zod/mini';
import { TenantsResultSchema } from '../bridge/protocol';
import type { TenantTarget } from '../populate/populate-io';
import { outdated } from './bridge-client';
import { BridgeFailure } from './bridge-failure';
import { askBridge } from './browser-credentials';

/** Bridge mode of `populate`: the tenant list the browser session sees, after the user's yes. No regions: the list has none. */
export async function tenantsFromBrowser(socket: string, origin: string, notice: (line: string) => void): Promise<TenantTarget[]> {
  const result = z.safeParse(TenantsResultSchema, await askBridge(socket, { op: 'tenants', portal: origin }, notice));
  if (!result.success) throw new BridgeFailure('BAD_REQUEST', `The extension sent the tenant list in an unknown form; ${outdated}.`);
  return result.data.map((tenant) => ({ name: tenant.name }));
}
