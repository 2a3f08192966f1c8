import * as z from 'zod/mini';
import { servicePattern } from '../aws/console-url';
import { regionPattern } from '../aws/partition';

/**
 * What the `aws` and `console` flags become. The CLI checks them with the JSON Schema written
 * from this one (src/cli/compiled-schemas.ts), so the `aws` path never loads zod. --tenant,
 * --port and which scope are checked by hand before it, with messages that name the value.
 */
export const AwsFlagsSchema = z.object({
  host: z.string(),
  apiHost: z.optional(z.string()),
  scope: z.union([z.literal('admin'), z.literal('duplo-ops'), z.object({ tenant: z.string() })]),
  token: z.optional(z.string().check(z.minLength(1))),
  tokenFile: z.optional(z.string().check(z.minLength(1))),
  otp: z.optional(z.string()),
  interactive: z.boolean(),
  port: z.optional(z.number()),
  noCache: z.boolean(),
  debug: z.boolean(),
  region: z.optional(z.string().check(z.regex(regionPattern))),
  service: z.optional(z.string().check(z.regex(servicePattern))),
  open: z.boolean(),
});
export type AwsFlags = z.infer<typeof AwsFlagsSchema>;
