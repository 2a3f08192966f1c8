import * as z from 'zod/mini';
import { AwsCredentialsResultSchema, BridgeResponseSchema, ConsoleUrlResultSchema, PortalTokenResultSchema, ExecCredentialResultSchema } from '../bridge/protocol';
import type { JsonSchema } from './json-schema-check';

/** The zod schemas the CLI's `aws` path checks with, by the name src/cli/compiled-schemas.json gives each. */
export const compiledSources = {
  bridgeResponse: BridgeResponseSchema,
  credentials: AwsCredentialsResultSchema,
  consoleUrl: ConsoleUrlResultSchema,
  portalToken: PortalTokenResultSchema,
  execCredential: ExecCredentialResultSchema,
};
export type CompiledName = keyof typeof compiledSources;
export type CompiledType<Name extends CompiledName> = z.output<(typeof compiledSources)[Name]>;

/** Each schema as JSON Schema: what `npm run schemas` writes and a test compares with the file. */
export function compileSchemas(): Record<CompiledName, JsonSchema> {
  const entries = Object.entries(compiledSources).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as JsonSchema]);
  return Object.fromEntries(entries) as Record<CompiledName, JsonSchema>;
}
