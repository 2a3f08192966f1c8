import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What a handler answers, before it is written: faults rewrite replies (drop fields, break
 * the JSON), so handlers build values instead of writing to the socket themselves.
 */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The value behind a JSON body. */
  readonly json?: unknown;
}

export function jsonReply(status: number, value: unknown): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value), json: value };
}

/** JSON error bodies carry `Message`, as the portal's do. */
export function messageReply(status: number, message: string): Reply {
  return jsonReply(status, { Message: message });
}

export function textReply(status: number, text: string): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location }, body: '' };
}

export const notFound = (): Reply => textReply(404, 'Not Found');

export function methodNotAllowed(allowed: string): Reply {
  const reply = textReply(405, 'Method Not Allowed');
  return { ...reply, headers: { ...reply.headers, allow: allowed } };
}

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? `Status ${status}`;
}

// Credentials and tokens pass through every answer: nothing may cache them or leak the URL onward.
const commonHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

export function sendReply(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { ...commonHeaders, ...reply.headers });
  response.end(reply.body);
}

const maxBodyBytes = 64 * 1024;

export class BadRequest extends Error {}

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new BadRequest(`the body is larger than ${maxBodyBytes} bytes`);
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BadRequest('the body is not valid JSON');
  }
}

export const noContent = (): Reply => ({ status: 204, headers: {}, body: '' });
