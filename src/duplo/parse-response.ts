import type * as z from 'zod/mini';
import { PortalError } from './errors';

type Path = readonly PropertyKey[];

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function fieldName(path: Path): string {
  const parts = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`));
  return parts.join('').replace(/^\./, '') || 'the body';
}

/**
 * Parses a portal body once, at the boundary. The error names the field (never its value:
 * a value may be a key), because "SecretAccessKey is missing" is what tells a user whether
 * the portal or the tool is at fault.
 */
export function parseResponse<T extends z.ZodMiniType>(schema: T, data: unknown, endpoint: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const value = valueAt(data, issue.path);
  const field = fieldName(issue.path);
  let problem: string;
  if (value === undefined) problem = `${field} is missing`;
  else if (issue.code === 'too_small') problem = `${field} is empty`;
  else if (issue.code === 'invalid_type') problem = `${field} should be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${describeType(value)}`;
  else problem = `${field} is not valid`;
  throw new PortalError('BAD_RESPONSE', { endpoint, detail: problem });
}
