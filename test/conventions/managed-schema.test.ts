// One home for what an organisation may set: ManagedSettingsSchema. Chromium's managed_schema
// file and the policy examples in docs/managed-settings.md must agree with it.
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { extensionId, firefoxExtensionId } from '../../src/bridge/extension-id';
import { ManagedSettingsSchema } from '../../src/settings/managed-schema';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** Chromium reads a subset of JSON Schema for managed storage; it ignores, or refuses, the rest. */
const chromiumKeywords = new Set(['type', 'properties', 'items', 'enum', 'minimum', 'maximum', 'required', 'description']);

function chromiumSubset(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(chromiumSubset);
  if (typeof schema !== 'object' || schema === null) return schema;
  const kept = Object.entries(schema).filter(([key]) => chromiumKeywords.has(key));
  return Object.fromEntries(kept.map(([key, value]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([name, sub]) => [name, chromiumSubset(sub)])) : chromiumSubset(value)]));
}

/** The fenced ```json blocks of the doc that follow a line naming `marker`. */
function docExample(marker: string): unknown {
  const doc = read('docs/managed-settings.md');
  const at = doc.indexOf(marker);
  const block = /```json\n([\s\S]*?)```/.exec(doc.slice(at));
  if (at < 0 || !block?.[1]) throw new Error(`docs/managed-settings.md has no JSON example after "${marker}"`);
  return JSON.parse(block[1]);
}

describe('the managed settings schema', () => {
  it('is what public/managed-schema.json (the manifest’s managed_schema) says, in Chromium’s subset', () => {
    const expected = chromiumSubset(z.toJSONSchema(ManagedSettingsSchema, { io: 'input', unrepresentable: 'throw' }));
    expect(JSON.parse(read('public/managed-schema.json'))).toEqual(expected);
    expect(JSON.parse(read('manifest.json')).storage).toEqual({ managed_schema: 'managed-schema.json' });
  });

  it('accepts the Chromium policy example of the doc, under the extension’s ID', () => {
    const policy = docExample('<!-- chromium policy -->') as { '3rdparty': { extensions: Record<string, unknown> } };
    expect(Object.keys(policy['3rdparty'].extensions)).toEqual([extensionId]);
    expect(ManagedSettingsSchema.safeParse(policy['3rdparty'].extensions[extensionId]).success).toBe(true);
  });

  it('accepts the Firefox policies.json example of the doc, under the add-on’s ID', () => {
    const policy = docExample('<!-- firefox policy -->') as { policies: { '3rdparty': { Extensions: Record<string, unknown> } } };
    expect(Object.keys(policy.policies['3rdparty'].Extensions)).toEqual([firefoxExtensionId]);
    expect(ManagedSettingsSchema.safeParse(policy.policies['3rdparty'].Extensions[firefoxExtensionId]).success).toBe(true);
  });
});
