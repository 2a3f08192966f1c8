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
  readonly pattern?: string;
  readonly minLength?: number;
}

/** A value that passed, as zod would give it back (unknown keys dropped), or where it failed. */
export type Checked = { ok: true; value: unknown } | { ok: false; path: readonly string[] };

const understood = new Set(['$schema', 'type', 'const', 'enum', 'anyOf', 'properties', 'required', 'pattern', 'minLength']);

const types: Readonly<Record<string, (value: unknown) => boolean>> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  boolean: (value) => typeof value === 'boolean',
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
};

function fail(path: readonly string[]): Checked {
  return { ok: false, path };
}

// A length counts UTF-16 units, as zod counts it (JSON Schema counts code points).
function scalarFits(schema: JsonSchema, value: unknown): boolean {
  if (schema.const !== undefined && value !== schema.const) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return false;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return false;
  }
  return true;
}

function checkObject(schema: JsonSchema, value: Readonly<Record<string, unknown>>, path: readonly string[]): Checked {
  const required = new Set(schema.required);
  const kept: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (!(key in value)) {
      if (required.has(key)) return fail([...path, key]);
      continue;
    }
    if (value[key] === undefined && !required.has(key)) {
      kept[key] = undefined;
      continue;
    }
    const checked = checkAt(property, value[key], [...path, key]);
    if (!checked.ok) return checked;
    kept[key] = checked.value;
  }
  return { ok: true, value: kept };
}

function checkAt(schema: JsonSchema, value: unknown, path: readonly string[]): Checked {
  const unknownKeyword = Object.keys(schema).find((keyword) => !understood.has(keyword));
  // A keyword this checker would skip could let through what zod refuses: stop instead.
  if (unknownKeyword) throw new Error(`json-schema-check does not handle the keyword "${unknownKeyword}"`);
  if (schema.anyOf) {
    // zod's union: the first option that takes the value gives it back.
    for (const option of schema.anyOf) {
      const checked = checkAt(option, value, path);
      if (checked.ok) return checked;
    }
    return fail(path);
  }
  if (schema.type !== undefined) {
    const isType = types[schema.type];
    if (!isType) throw new Error(`json-schema-check does not handle the type "${schema.type}"`);
    if (!isType(value)) return fail(path);
  }
  if (!scalarFits(schema, value)) return fail(path);
  return schema.type === 'object' ? checkObject(schema, value as Readonly<Record<string, unknown>>, path) : { ok: true, value };
}

export function checkJson(schema: JsonSchema, value: unknown): Checked {
  return checkAt(schema, value, []);
}
