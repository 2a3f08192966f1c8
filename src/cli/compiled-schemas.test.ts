import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledSources, compileSchemas, type CompiledName } from './compiled-schema-sources';
import { parseCompiled } from './compiled-schemas';

/**
 * The CLI checks with JSON Schema written from zod, so zod stays the source of truth only if
 * the file matches the zod schemas and the checker gives zod's verdict, and zod's output, on
 * whatever reaches it.
 */
const runs = { numRuns: 600 };

const validSamples: Record<CompiledName, readonly Record<string, unknown>[]> = {
  bridgeResponse: [
    { v: 1, id: 'a', ok: true, result: { AccessKeyId: 'AKIA' } },
    { v: 1, id: 'b', ok: false, error: { code: 'DENIED', message: 'You denied it.' } },
  ],
  credentials: [
    { Version: 1, AccessKeyId: 'AKIA', SecretAccessKey: 's', SessionToken: 't', Region: 'us-west-2', ConsoleUrl: 'https://signin', Expiration: '2026-12-02T03:00:00Z' },
    { Version: 1, AccessKeyId: 'AKIA', SecretAccessKey: 's', Region: 'us-west-2', Expiration: '2026-12-02T03:00:00Z' },
  ],
  consoleUrl: [{ ConsoleUrl: 'https://signin.aws.amazon.com/federation?x' }],
  portalToken: [
    { Version: 1, DuploToken: 'token', NeedOTP: false },
    { Version: 1, DuploToken: 'token', NeedOTP: true },
  ],
  execCredential: [
    {
      kind: 'ExecCredential',
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      spec: { cluster: { server: 'https://k8s', 'certificate-authority-data': 'LS0t' }, interactive: false },
      status: { expirationTimestamp: '2026-12-02T03:00:00Z', token: 'k8s-aws-v1.x' },
    },
    {
      kind: 'ExecCredential',
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      spec: { cluster: { server: 'https://k8s', 'insecure-skip-tls-verify': true }, interactive: false },
      status: { expirationTimestamp: '2026-12-02T03:00:00Z', token: 'k8s-aws-v1.x' },
    },
  ],
};

// Near misses the schemas' own checks decide on, beside any JSON value at all.
const near = fc.constantFrom<unknown>(undefined, '', 'x', 'DENIED', 'OOPS', 0, 1, 2, -1, 1.5, true, false, null, [], {});
const leaf = fc.oneof(near, fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 4 }));
const nested = fc.oneof(leaf, fc.dictionary(fc.constantFrom('code', 'message', 'AccessKeyId', 'other'), leaf, { maxKeys: 3 }));

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every key's path in a sample, nested objects' keys too. */
function keyPaths(value: Json, prefix: readonly string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...(isObject(child) ? keyPaths(child, [...prefix, key]) : [])]);
}

/** A copy of the sample with one change made where the path ends. */
function edited(sample: Json, path: readonly string[], change: (parent: Json, key: string) => void): Json {
  const copy = structuredClone(sample);
  change(path.slice(0, -1).reduce((node, key) => node[key] as Json, copy), path.at(-1)!);
  return copy;
}

/** A valid sample with one change, so each field's own checks decide: a key dropped, its value replaced, or a key added. */
function mutated(sample: Json) {
  const paths = keyPaths(sample);
  const objects = [[], ...paths.filter((path) => isObject(path.reduce<unknown>((node, key) => (node as Json)[key], sample)))];
  return fc.oneof(
    fc.constantFrom(...paths).map((path) => edited(sample, path, (parent, key) => Reflect.deleteProperty(parent, key))),
    fc.tuple(fc.constantFrom(...paths), nested).map(([path, value]) => edited(sample, path, (parent, key) => (parent[key] = value))),
    fc.tuple(fc.constantFrom(...objects), leaf).map(([path, value]) => edited(sample, [...path, 'extra'], (parent, key) => (parent[key] = value))),
  );
}

describe('the schemas the CLI checks with', () => {
  it('are what the zod schemas compile to now (run "npm run schemas" after changing one)', () => {
    const file = JSON.parse(readFileSync(new URL('compiled-schemas.json', import.meta.url), 'utf8')) as unknown;
    expect(file).toEqual(compileSchemas());
  });

  for (const name of Object.keys(compiledSources) as CompiledName[]) {
    it(`${name}: accept and refuse what zod does, and give back what zod does`, () => {
      const inputs = fc.oneof(fc.jsonValue({ maxDepth: 3 }), ...validSamples[name].map(mutated));
      fc.assert(
        fc.property(inputs, (input) => {
          const zod = compiledSources[name].safeParse(input);
          const ours = parseCompiled(name, input);
          expect(ours.ok).toBe(zod.success);
          if (ours.ok && zod.success) expect(ours.value).toStrictEqual(zod.data);
        }),
        runs,
      );
    });
  }

  it('accept every valid sample as it is', () => {
    for (const [name, samples] of Object.entries(validSamples) as [CompiledName, Record<string, unknown>[]][]) {
      for (const sample of samples) expect(parseCompiled(name, sample)).toStrictEqual({ ok: true, value: sample });
    }
  });
});
