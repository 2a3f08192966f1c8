import type { DecodedItem, DecodeFailure } from '../bridge/json-bytes';
import { maxRequestLineBytes } from '../bridge/line-framing';
import { BridgeRequestSchema, protocolVersion, type BridgeRequest } from '../bridge/protocol';

export type RequestReading = { ok: true; request: BridgeRequest } | { ok: false; id: string; message: string };

const unreadable: Record<DecodeFailure, string> = {
  'too-long': `The request is longer than ${maxRequestLineBytes} bytes.`,
  'bad-utf8': 'The request is not UTF-8 text.',
  'bad-json': 'The request is not one line of JSON.',
  truncated: 'The request line has no newline at its end.',
};

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** A CLI's request line to a request, or to the BAD_REQUEST message that tells its author what is wrong. */
export function readRequest(item: DecodedItem): RequestReading {
  if (!item.ok) return { ok: false, id: '', message: unreadable[item.reason] };
  const id = field(item.value, 'id');
  // An error answer carries the client's id when it sent a usable one, so a client can match it.
  const replyId = typeof id === 'string' ? id.slice(0, 100) : '';
  const version = field(item.value, 'v');
  if (version !== protocolVersion) {
    return { ok: false, id: replyId, message: `Protocol version ${version === undefined ? 'missing' : JSON.stringify(version).slice(0, 20)} is not supported (this host speaks ${protocolVersion}); update duplo-jit-bridge and the extension together.` };
  }
  const parsed = BridgeRequestSchema.safeParse(item.value);
  if (parsed.success) return { ok: true, request: parsed.data };
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(the request itself)'))];
  return { ok: false, id: replyId, message: `The request has missing or invalid fields: ${fields.join(', ')}.` };
}
