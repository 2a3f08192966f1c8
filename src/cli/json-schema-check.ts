/**
 * The part of JSON Schema that `z.toJSONSchema` writes for the CLI's schemas, and a checker
 * for it; a keyword or type outside that part is an error, never skipped. The `aws` command
 * checks what crosses its boundaries with this instead of with zod itself: loading zod and
 * building and first running its schemas cost every start ~4 ms (BENCHMARKS.md), and `aws`
 * starts once per AWS CLI command. The schemas it checks with are written from the zod ones
 * (src/cli/compiled-schemas.ts), so zod stays their single source.
 */
export interface JsonSchema {
  readonly type?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
}

/** A value that passed, as zod would give it back (unknown keys dropped), or a refusal. */
export type Checked = { ok: true; value: unknown } | { ok: false };

const understood = new Set(['$schema', 'type', 'const', 'enum', 'anyOf', 'properties', 'required']);

const types: Readonly<Record<string, (value: unknown) => boolean>> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  boolean: (value) => typeof value === 'boolean',
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
};

const refused: Checked = { ok: false };

function scalarFits(schema: JsonSchema, value: unknown): boolean {
  if (schema.const !== undefined && value !== schema.const) return false;
  return !schema.enum || schema.enum.includes(value);
}

function checkObject(schema: JsonSchema, value: Readonly<Record<string, unknown>>): Checked {
  const required = new Set(schema.required);
  const kept: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (!(key in value)) {
      if (required.has(key)) return refused;
      continue;
    }
    if (value[key] === undefined && !required.has(key)) {
      kept[key] = undefined;
      continue;
    }
    const checked = checkJson(property, value[key]);
    if (!checked.ok) return checked;
    kept[key] = checked.value;
  }
  return { ok: true, value: kept };
}

export function checkJson(schema: JsonSchema, value: unknown): Checked {
  const unknownKeyword = Object.keys(schema).find((keyword) => !understood.has(keyword));
  // A keyword this checker would skip could let through what zod refuses: stop instead.
  if (unknownKeyword) throw new Error(`json-schema-check does not handle the keyword "${unknownKeyword}"`);
  if (schema.anyOf) {
    // zod's union: the first option that takes the value gives it back.
    for (const option of schema.anyOf) {
      const checked = checkJson(option, value);
      if (checked.ok) return checked;
    }
    return refused;
  }
  if (schema.type !== undefined) {
    const isType = types[schema.type];
    if (!isType) throw new Error(`json-schema-check does not handle the type "${schema.type}"`);
    if (!isType(value)) return refused;
  }
  if (!scalarFits(schema, value)) return refused;
  return schema.type === 'object' ? checkObject(schema, value as Readonly<Record<string, unknown>>) : { ok: true, value };
}
