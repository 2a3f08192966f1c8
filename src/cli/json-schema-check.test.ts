import { describe, expect, it } from 'vitest';
import { checkJson, type JsonSchema } from './json-schema-check';

const credentials: JsonSchema = {
  type: 'object',
  properties: { AccessKeyId: { type: 'string' }, Region: { type: 'string', enum: ['us-west-2', 'eu-west-1'] }, Version: { type: 'number', const: 1 } },
  required: ['AccessKeyId', 'Version'],
};

describe('checkJson', () => {
  it('gives back the declared keys only, in the schema order, as zod does', () => {
    expect(checkJson(credentials, { Version: 1, extra: 'x', Region: 'us-west-2', AccessKeyId: 'A' })).toStrictEqual({
      ok: true,
      value: { AccessKeyId: 'A', Region: 'us-west-2', Version: 1 },
    });
  });

  it('refuses a value that fails anywhere in it', () => {
    expect(checkJson(credentials, { AccessKeyId: 1, Version: 1 })).toEqual({ ok: false });
    expect(checkJson(credentials, { AccessKeyId: 'A', Version: 1, Region: 'US' })).toEqual({ ok: false });
    expect(checkJson(credentials, { AccessKeyId: 'A' })).toEqual({ ok: false });
    expect(checkJson(credentials, [])).toEqual({ ok: false });
    expect(checkJson({ anyOf: [{ const: 'admin' }, credentials] }, 'root')).toEqual({ ok: false });
  });

  it('refuses to check with a keyword it does not know, rather than skip it', () => {
    expect(() => checkJson({ type: 'object', additionalProperties: false } as JsonSchema, {})).toThrow('json-schema-check does not handle the keyword "additionalProperties"');
    expect(() => checkJson({ type: 'string', pattern: '^a$' } as JsonSchema, 'a')).toThrow('json-schema-check does not handle the keyword "pattern"');
    expect(() => checkJson({ type: 'array' }, [])).toThrow('json-schema-check does not handle the type "array"');
  });
});
