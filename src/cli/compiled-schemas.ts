import { checkJson, type JsonSchema } from './json-schema-check';
import type { CompiledName, CompiledType } from './compiled-schema-sources';
import compiledJson from './compiled-schemas.json';

// TypeScript gives the JSON's union members `?: undefined` keys, which JsonSchema has no room for; the test holds the file to compileSchemas().
const compiled = compiledJson as unknown as Readonly<Record<CompiledName, JsonSchema>>;

export type Compiled<Name extends CompiledName> = { ok: true; value: CompiledType<Name> } | { ok: false };

/**
 * Checks a value against one of the CLI's schemas, written from zod by `npm run schemas`.
 * compiled-schemas.test.ts holds the file to the zod schemas and the checker to zod's
 * verdicts, which is what makes the value's zod type safe to give it here.
 */
export function parseCompiled<Name extends CompiledName>(name: Name, value: unknown): Compiled<Name> {
  const checked = checkJson(compiled[name], value);
  return checked.ok ? { ok: true, value: checked.value as CompiledType<Name> } : checked;
}
