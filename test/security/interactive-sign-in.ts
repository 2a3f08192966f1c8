import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumPath } from '../support/chromium';
import type { DemoPortalFixture } from '../support/demo-portal';
import { signInOnPortal } from '../support/portal-browser';
import { runCli, type CliRun } from '../support/run-cli';
import { spawnAsOtherUser } from './other-user';

export interface SignInRig {
  /** Runs `aws --interactive` with no bridge; `opened` resolves with the verify-token URL the CLI had the "browser" open. */
  start(args: readonly string[]): { run: Promise<CliRun>; opened: Promise<URL> };
  /** The signed-in user in Chromium: opens the verify-token URL, types the MFA code if given, and clicks Authorize; the page it ends on. */
  authorize(url: URL, otp?: string): Promise<Page>;
}

/**
 * A real Chromium signed in to the demo portal as dev, and the CLI's $BROWSER: a script that
 * hands the URL the CLI opens to the test, which then plays the attacker and the user in turn.
 */
export function useSignInRig(demo: DemoPortalFixture, role: 'admin' | 'user' = 'user'): SignInRig {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const waiting: ((url: URL) => void)[] = [];
  const announcer = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      response.end();
      waiting.shift()?.(new URL(body));
    });
  });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'duplo-jit-sign-in-'));
    await new Promise<void>((resolve) => announcer.listen(0, '127.0.0.1', resolve));
    const script = join(dir, 'browser.mjs');
    const to = `http://127.0.0.1:${(announcer.address() as AddressInfo).port}/`;
    await writeFile(script, `#!${process.execPath}\nawait fetch(${JSON.stringify(to)}, { method: 'POST', body: process.argv[2] });\n`);
    await chmod(script, 0o755);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      env: { ...process.env, XDG_CONFIG_HOME: dir },
    });
    page = await signInOnPortal(await browser.newContext(), demo.portal, role);
  });
  afterAll(async () => {
    await browser?.close();
    announcer.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    start(args) {
      let resolveOpened!: (url: URL) => void;
      const opened = new Promise<URL>((resolve) => waiting.push((resolveOpened = resolve)));
      const env = { BROWSER: join(dir, 'browser.mjs'), XDG_CACHE_HOME: join(dir, 'cache'), DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock') };
      const run = runCli(['aws', '--host', demo.portal.url, '--interactive', '--no-cache', ...args], env);
      // A run that ended without opening anything must not take the next run's announcement.
      void run.finally(() => {
        const at = waiting.indexOf(resolveOpened);
        if (at >= 0) waiting.splice(at, 1);
      });
      return { run, opened };
    },
    async authorize(url, otp) {
      await page.goto(url.href);
      if (otp !== undefined) await page.fill('#otp', otp);
      await Promise.all([page.waitForURL((landed) => landed.searchParams.get('success') === 'true'), page.click('#authorize')]);
      return page;
    },
  };
}

/**
 * As `user`, listens on [::1]:PORT (0: any) and passes every request on to 127.0.0.1:PORT, as
 * the thief of issue 12 did. Prints `{"listening":PORT}` or `{"error":CODE}`, then
 * `{"stolen":PATH}` for each request it received.
 */
const thiefScript = `
const server = require('node:http').createServer((request, response) => {
  console.log(JSON.stringify({ stolen: request.url }));
  response.writeHead(302, { Location: 'http://127.0.0.1:' + server.address().port + request.url }).end();
});
server.on('error', (error) => { console.log(JSON.stringify({ error: error.code })); process.exit(0); });
server.listen(Number(process.argv[1]), '::1', () => console.log(JSON.stringify({ listening: server.address().port })));
process.stdin.on('end', () => process.exit(0)).resume();
`;

export interface Thief {
  /** Its first line: where it listens, or why it could not. */
  readonly started: Promise<{ listening?: number; error?: string }>;
  /** Ends it; every path it received. */
  stop(): Promise<string[]>;
}

export function startThief(user: string, port: number): Thief {
  const child = spawnAsOtherUser(user, thiefScript, [String(port)]);
  const lines: string[] = [];
  let firstLine: (line: string) => void;
  const first = new Promise<string>((resolve) => (firstLine = resolve));
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    rest += chunk;
    for (let at = rest.indexOf('\n'); at >= 0; at = rest.indexOf('\n')) {
      lines.push(rest.slice(0, at));
      rest = rest.slice(at + 1);
      firstLine(lines[0]!);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    started: first.then((line) => JSON.parse(line) as { listening?: number; error?: string }),
    async stop() {
      child.stdin.end();
      await exited;
      return lines.map((line) => JSON.parse(line) as { stolen?: string }).flatMap((entry) => (entry.stolen === undefined ? [] : [entry.stolen]));
    },
  };
}

const planterScript = `
const [port, path, headers] = [Number(process.argv[1]), process.argv[2], JSON.parse(process.argv[3])];
const send = (host) => new Promise((resolve) => {
  const sent = require('node:http').request({ agent: false, host, port, path, headers: { ...headers, host: 'localhost:' + port } }, (response) => { response.resume(); resolve(response.statusCode); });
  sent.on('error', (error) => resolve(error.code));
  sent.end();
});
send('127.0.0.1').then(async (first) => console.log(JSON.stringify([first, await send('::1')])));
`;

/** As `user`, the same request to 127.0.0.1 and to [::1] at `port`; the two statuses (or connection errors). */
export async function plantAsOtherUser(user: string, port: number, path: string, headers: Record<string, string>): Promise<(number | string)[]> {
  const child = spawnAsOtherUser(user, planterScript, [String(port), path, JSON.stringify(headers)]);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  await new Promise((resolve) => child.once('close', resolve));
  return JSON.parse(out) as (number | string)[];
}
