import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';

/** The headers Chromium 156 sends when the portal's Authorize button takes the tab to localhost (measured). */
export const browserNavigation = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-user': '?1' };

/** One request from this process, as a local program of the same user would send it; its status, or the connection's error code. */
export function plant(port: number, options: { address?: string; method?: string; path: string; headers?: OutgoingHttpHeaders }): Promise<number | string> {
  return new Promise((resolve) => {
    const sent = httpRequest({ agent: false, host: options.address ?? '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    sent.end();
  });
}
