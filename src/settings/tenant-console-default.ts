import * as z from 'zod/mini';
import { servicePattern } from '../aws/console-url';
import { regionPattern } from '../aws/partition';

/**
 * The region and service one tenant's console opens on, chosen from its row in the popup.
 * Empty: no choice for this tenant, so the options' console region or service applies.
 */
export const TenantConsoleDefaultSchema = z.object({
  region: z.union([z.literal(''), z.string().check(z.regex(regionPattern))]),
  service: z.union([z.literal(''), z.string().check(z.regex(servicePattern))]),
});
export type TenantConsoleDefault = z.infer<typeof TenantConsoleDefaultSchema>;
