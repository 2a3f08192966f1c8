import type { IncomingMessage } from 'node:http';

/**
 * The body of `request` as UTF-8, once all of it (Node stops at its Content-Length) arrived;
 * undefined when it is cut short, is not UTF-8, or stalls past `timeoutMs`: a request that
 * lies about its body is not the portal's.
 */
export function readRequestBody(request: IncomingMessage, length: number, timeoutMs = 10_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const finish = (text: string | undefined) => {
      clearTimeout(timer);
      resolve(text);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('close', () => finish(undefined));
    request.once('end', () => {
      const bytes = Buffer.concat(chunks);
      try {
        finish(bytes.length === length ? new TextDecoder('utf-8', { fatal: true }).decode(bytes) : undefined);
      } catch {
        finish(undefined);
      }
    });
  });
}
