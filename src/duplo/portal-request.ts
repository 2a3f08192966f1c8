import { PortalError } from './errors';
import { readPortalMessage } from './portal-message';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  readonly fetch: FetchLike;
  /** Per attempt, including reading the body. */
  readonly timeoutMs?: number;
  /** Extra attempts after a network error or a 502/503/504. */
  readonly retries?: number;
  readonly retryBaseMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly maxBodyBytes?: number;
}

export interface PortalConnection {
  /** Normalized origin of the API host (see normalizePortalHost). */
  readonly apiOrigin: string;
  readonly token: string;
  readonly otp?: string;
  readonly transport: TransportOptions;
}

const retryableStatus = new Set([502, 503, 504]);
const maxRedirects = 3;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Thrown inside one attempt when the network failed; decides whether to retry. */
class NetworkFailure {
  constructor(readonly reason: string) {}
}

/**
 * GETs `path` from the portal API and returns the parsed JSON body.
 *
 * Redirects are followed by hand, and only within the API origin: `fetch` would carry the
 * Authorization header to wherever a redirect points, and a token must never reach another
 * host. Retries cover only failures that a second try can fix (network, 502/503/504); a 4xx
 * is an answer, and retrying it only delays the error.
 */
export async function portalGet(connection: PortalConnection, path: string): Promise<unknown> {
  const { retries = 2, retryBaseMs = 250, sleep = defaultSleep } = connection.transport;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= retries;
    try {
      const response = await attemptOnce(connection, path);
      if (retryableStatus.has(response.status) && !last) {
        await sleep(retryBaseMs * 2 ** attempt);
        continue;
      }
      return interpret(connection, path, response);
    } catch (error) {
      if (!(error instanceof NetworkFailure)) throw error;
      if (last) throw new PortalError('PORTAL_UNAVAILABLE', { endpoint: path, detail: error.reason });
      await sleep(retryBaseMs * 2 ** attempt);
    }
  }
}

interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

async function attemptOnce(connection: PortalConnection, path: string): Promise<RawResponse> {
  const { fetch, timeoutMs = 15_000, maxBodyBytes = 4 * 1024 * 1024 } = connection.transport;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  // The peers send this Content-Type on every GET (duplo-api.md): the portal has only ever seen requests with it.
  const headers: Record<string, string> = {
    Authorization: `Bearer ${connection.token}`,
    Accept: 'application/json',
    'Content-Type': 'application/json; charset=utf-8',
  };
  if (connection.otp) headers.otpcode = connection.otp;
  try {
    let url = `${connection.apiOrigin}/${path}`;
    for (let hop = 0; ; hop++) {
      let response: Response;
      try {
        response = await fetch(url, { method: 'GET', headers, redirect: 'manual', signal: controller.signal, credentials: 'omit' });
      } catch (error) {
        if (controller.signal.aborted) throw timeoutError(path, timeoutMs);
        throw new NetworkFailure(error instanceof Error && error.cause instanceof Error ? error.cause.message : 'the connection failed');
      }
      const next = redirectTarget(response, url, connection.apiOrigin, path);
      if (next === undefined) {
        const body = await readCapped(response, maxBodyBytes, path).catch((error: unknown) => {
          if (controller.signal.aborted) throw timeoutError(path, timeoutMs);
          if (error instanceof PortalError) throw error;
          throw new NetworkFailure('the connection broke while reading the answer');
        });
        return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
      }
      if (hop >= maxRedirects) throw new PortalError('BAD_RESPONSE', { endpoint: path, detail: 'too many redirects' });
      url = next;
    }
  } finally {
    clearTimeout(timer);
  }
}

function timeoutError(path: string, timeoutMs: number): PortalError {
  return new PortalError('TIMEOUT', { endpoint: path, detail: `no answer within ${timeoutMs / 1000} s` });
}

function redirectTarget(response: Response, url: string, apiOrigin: string, path: string): string | undefined {
  // A browser hides the target of a manual redirect, so it cannot be checked: refuse it.
  if (response.type === 'opaqueredirect') {
    throw new PortalError('BAD_RESPONSE', { endpoint: path, detail: 'the portal answered with a redirect instead of data' });
  }
  if (response.status < 300 || response.status > 399) return undefined;
  const location = response.headers.get('location');
  if (!location) return undefined;
  const target = new URL(location, url);
  if (target.origin !== apiOrigin) {
    throw new PortalError('BAD_RESPONSE', {
      endpoint: path,
      detail: `the portal redirected to another host (${target.host}); the token was not sent there`,
    });
  }
  return target.href;
}

async function readCapped(response: Response, maxBytes: number, path: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new PortalError('BAD_RESPONSE', { endpoint: path, detail: `the answer is larger than ${maxBytes} bytes` });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

const statusCodes = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' } as const;

function interpret(connection: PortalConnection, path: string, response: RawResponse): unknown {
  const { status, contentType, body } = response;
  if (status >= 200 && status < 300) {
    if (/text\/html/i.test(contentType)) {
      throw new PortalError('BAD_RESPONSE', { endpoint: path, status, detail: 'the portal sent a web page instead of data' });
    }
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new PortalError('BAD_RESPONSE', { endpoint: path, status, detail: 'the answer is not valid JSON' });
    }
  }
  const portalMessage = readPortalMessage(body, contentType, connection.token);
  const details = { endpoint: path, status, ...(portalMessage === undefined ? {} : { portalMessage }) };
  if (status in statusCodes) throw new PortalError(statusCodes[status as keyof typeof statusCodes], details);
  if (status >= 500) throw new PortalError('PORTAL_UNAVAILABLE', details);
  throw new PortalError('REJECTED', details);
}
