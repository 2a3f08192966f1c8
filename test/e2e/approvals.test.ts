import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/host/host-process.test-support';
import type { BridgeRequest } from '../../src/bridge/protocol';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { clickAnswer } from '../support/approval-window';
import { askWorker, setApprovalArmDelay } from '../support/portal-browser';
import { cliBundle, runProcess } from '../support/run-cli';

let portal: DemoPortal;
let setup: BridgeSetup;
let launchPy: string;
const python = spawnSync('python3', ['-c', 'import os, sys; print(os.path.basename(os.path.realpath(sys.executable)))'], { encoding: 'utf8' }).stdout.trim();

/** Every approval window that opens, and the most that were open at once. */
const prompts = { opened: [] as Page[], open: 0, mostOpen: 0 };

beforeAll(async () => {
  portal = await startDemoPortal();
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'ask-once', approvalTimeoutSeconds: 30 });
  // A launcher whose own arguments hold a secret, as a deploy script's might.
  launchPy = join(setup.dir, 'launch.py');
  await writeFile(launchPy, 'import subprocess, sys\nsys.exit(subprocess.call(sys.argv[3:]))\n');
  setup.browser.context.on('page', (page) => {
    if (!page.url().includes('/extension/approve/')) return;
    prompts.opened.push(page);
    prompts.mostOpen = Math.max(prompts.mostOpen, ++prompts.open);
    page.on('close', () => prompts.open--);
  });
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
});

const host = () => new URL(portal.url).host;
const socket = () => setup.env.DUPLO_JIT_BRIDGE_SOCKET!;
const cli = (scope: string) => [process.execPath, cliBundle, 'aws', '--host', portal.url, '--tenant', scope];
// `; exit` keeps sh from exec'ing node: the CLI's parent is the shell, whose parent (this test's node) is the program.
const fromShell = (scope: string) => runProcess('sh', ['-c', '"$@"; exit $?', 'sh', ...cli(scope)], setup.env);
const k8sFromShell = (tenant: string) => runProcess('sh', ['-c', '"$@"; exit $?', 'sh', process.execPath, cliBundle, 'k8s', '--host', portal.url, '--tenant', tenant], setup.env);
const fromPython = (scope: string) => runProcess('python3', [launchPy, '--password', 'hunter2', ...cli(scope)], setup.env);

/** Waits until the window shows its prompt, and lists `programs` programs (given 15 s to: then it is read as it is). */
async function showing(page: Page, programs = 1): Promise<Page> {
  await page.locator('#scope').filter({ hasText: /\S/ }).waitFor();
  await page
    .locator('#programs li')
    .nth(programs - 1)
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
  return page;
}

/** The next approval window, once it shows its prompt. */
async function nextPrompt(programs = 1): Promise<Page> {
  const seen = prompts.opened.length;
  await setup.browser.context.waitForEvent('page', { predicate: () => prompts.opened.length > seen, timeout: 30_000 });
  return showing(prompts.opened[seen]!, programs);
}

const shown = async (page: Page) => ({
  programs: await page.locator('#programs li strong').allTextContents(),
  scope: await page.locator('#scope').textContent(),
  title: await page.locator('h1').textContent(),
});

/** Answers with Deny every prompt that opens while `work` runs, recording what each showed. */
/** Denies every prompt `work` opens; none is answered before `holdUntil` settles. */
async function denyingPrompts<T>(work: Promise<T>, holdUntil?: Promise<unknown>): Promise<{ result: T; seen: Awaited<ReturnType<typeof shown>>[] }> {
  const seen: Awaited<ReturnType<typeof shown>>[] = [];
  const handled: Promise<void>[] = [];
  const deny = async (page: Page) => {
    seen.push(await shown(await showing(page)));
    await holdUntil;
    await clickAnswer(page, '#deny');
  };
  const onPage = (page: Page) => {
    if (page.url().includes('/extension/approve/')) handled.push(deny(page));
  };
  setup.browser.context.on('page', onPage);
  try {
    const result = await work;
    await Promise.all(handled);
    return { result, seen };
  } finally {
    setup.browser.context.off('page', onPage);
  }
}

describe.sequential('approval of local programs, in the real browser', () => {
  it('"ask once" holds for the program that was asked: another program asking for the same scope is asked too', { timeout: 90_000 }, async () => {
    const [first, allowed] = await Promise.all([
      nextPrompt().then(async (page) => {
        const what = await shown(page);
        await page.locator('#allow:enabled').waitFor();
        await clickAnswer(page, '#allow');
        return what;
      }),
      fromShell('dev01'),
    ]);
    expect(allowed).toMatchObject({ code: 0, stderr: '' });
    const before = prompts.opened.length;
    expect(await fromShell('dev01')).toMatchObject({ code: 0, stderr: '' });
    expect(prompts.opened.length).toBe(before);
    const { result, seen } = await denyingPrompts(fromPython('dev01'));
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: `duplo-jit-bridge: You denied the request for dev01 on ${host()} in the browser.\n` });
    expect(seen).toEqual([{ programs: [python], scope: 'dev01', title: 'Allow AWS credentials?' }]);
    expect(first).toEqual({ programs: ['node'], scope: 'dev01', title: 'Allow AWS credentials?' });
  });

  it('lists both programs waiting on one prompt', { timeout: 90_000 }, async () => {
    const [what, ...runs] = await Promise.all([
      nextPrompt(2).then(async (page) => {
        const listed = await shown(page);
        await clickAnswer(page, '#deny');
        return listed;
      }),
      fromShell('qa'),
      fromPython('qa'),
    ]);
    expect(what.programs.sort()).toEqual(['node', python].sort());
    expect(what.scope).toBe('qa');
    for (const run of runs) expect(run).toMatchObject({ code: 1, stderr: `duplo-jit-bridge: You denied the request for qa on ${host()} in the browser.\n` });
  });

  it('ignores an Allow that comes before the prompt has shown for its arming delay', { timeout: 90_000 }, async () => {
    // 1 s by default; longer here, so a loaded machine cannot make the early click late.
    const armMs = await setApprovalArmDelay(setup.browser.worker, 8_000);
    const [early, run] = await Promise.all([
      nextPrompt().then(async (page) => {
        // In the page, as its own click handler would send it: the time left first, then the answer.
        const tried = await page.evaluate(async () => {
          const id = new URLSearchParams(location.search).get('id');
          const disabled = (document.getElementById('allow') as HTMLButtonElement).disabled;
          const details = (await chrome.runtime.sendMessage({ type: 'approval', id })) as { value: { allowInMs: number } };
          const answer = (await chrome.runtime.sendMessage({ type: 'approval-answer', id, allow: true })) as { value: boolean };
          return { disabled, allowInMs: details.value.allowInMs, counted: answer.value };
        });
        await page.click('#allow', { force: true });
        const stillOpen = !page.isClosed() && (await page.locator('#programs li').count()) === 1;
        await page.locator('#allow:enabled').waitFor();
        await clickAnswer(page, '#allow');
        return { ...tried, stillOpen };
      }),
      fromShell('prod'),
    ]).finally(() => setApprovalArmDelay(setup.browser.worker, armMs));
    expect(early.allowInMs).toBeGreaterThan(0);
    expect(early).toMatchObject({ disabled: true, counted: false, stillOpen: true });
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('asks before giving the tenant list', { timeout: 90_000 }, async () => {
    const request: BridgeRequest = { v: 1, id: 'list', op: 'tenants', portal: portal.url, client: { pid: process.pid, ppid: process.ppid, command: 'node' } };
    const { result, seen } = await denyingPrompts(ask(socket(), request));
    expect(seen).toEqual([{ programs: ['node'], scope: 'Tenant list', title: 'Allow the tenant list?' }]);
    expect(result).toEqual({ v: 1, id: 'list', ok: false, error: { code: 'DENIED', message: `You denied the request for the tenant list on ${host()} in the browser.` } });
  });

  it('asks about an unknown tenant name as asked, and a Deny leaves the portal uncalled', { timeout: 90_000 }, async () => {
    const before = portal.counters();
    const { result, seen } = await denyingPrompts(fromShell('no-such-tenant'));
    expect(seen).toEqual([{ programs: ['node'], scope: 'no-such-tenant', title: 'Allow AWS credentials?' }]);
    expect(result).toMatchObject({ code: 1, stderr: `duplo-jit-bridge: You denied the request for no-such-tenant on ${host()} in the browser.\n` });
    expect(portal.counters()).toEqual(before);
  });

  it('opens one window for 20 fake tenant IDs: 4 wait their turn, 15 are refused at once', { timeout: 120_000 }, async () => {
    const before = { opened: prompts.opened.length, portal: portal.counters() };
    prompts.mostOpen = prompts.open;
    const ids = Array.from({ length: 20 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    const asks = ids.map((scope, n) => ({ v: 1, id: `fake-${n}`, op: 'aws-credentials', portal: portal.url, scope, client: { pid: process.pid, ppid: process.ppid, command: 'node' } }) as const);
    // A Deny frees a place in the queue, and on a loaded machine a late ask could take it: no prompt
    // is answered until 15 answers are back. Were more than 5 let in, this waits out the 30 s approval time.
    let back = 0;
    let fifteenBack!: () => void;
    const held = new Promise<void>((resolve) => (fifteenBack = resolve));
    const answers = asks.map((each) => ask(socket(), each).finally(() => ++back === 15 && fifteenBack()));
    const { result } = await denyingPrompts(Promise.all(answers), held);
    const refused = result.filter((answer) => (answer.error as { message?: string } | undefined)?.message?.includes('without asking'));
    const denied = result.filter((answer) => (answer.error as { message?: string } | undefined)?.message?.startsWith('You denied'));
    expect(refused).toHaveLength(15);
    expect(refused[0]).toMatchObject({
      ok: false,
      error: { code: 'DENIED', message: expect.stringMatching(/^The browser refused the request for 00000000-0000-4000-8000-\d{12} on .* without asking: too many requests already wait for approval \(at most 5 prompts, one shown at a time\)\. Answer the prompt in the browser, then retry\.$/) as unknown },
    });
    expect(denied).toHaveLength(5);
    expect(prompts.opened.length - before.opened).toBe(5);
    expect(prompts.mostOpen).toBe(1);
    expect(portal.counters()).toEqual(before.portal);
  });

  it('asks for Kubernetes credentials in their own words, though the same program may have AWS keys for the tenant', { timeout: 90_000 }, async () => {
    // The first test's yes for dev01's AWS keys, to this same program, is no yes for dev01's cluster.
    const tenant = await denyingPrompts(k8sFromShell('dev01'));
    expect(tenant.seen).toEqual([{ programs: ['node'], scope: 'dev01', title: 'Allow Kubernetes credentials?' }]);
    expect(tenant.result).toMatchObject({ code: 1, stdout: '', stderr: `duplo-jit-bridge: You denied the request for Kubernetes credentials for dev01 on ${host()} in the browser.\n` });
    const request: BridgeRequest = { v: 1, id: 'plan', op: 'k8s-credentials', portal: portal.url, scope: 'admin', plan: 'nonprod', client: { pid: process.pid, ppid: process.ppid, command: 'node' } };
    const plan = await denyingPrompts(ask(socket(), request));
    expect(plan.seen).toEqual([{ programs: ['node'], scope: 'plan nonprod (admin)', title: 'Allow Kubernetes credentials?' }]);
    expect(plan.result).toMatchObject({ ok: false, error: { code: 'DENIED', message: `You denied the request for Kubernetes credentials for plan nonprod (admin) on ${host()} in the browser.` } });
  });

  it('logs the program by its name only, never its arguments', { timeout: 90_000 }, async () => {
    const page = await setup.browser.context.newPage();
    await page.goto(`${setup.browser.extensionUrl}extension/options/index.html`);
    // "Never ask" needs no peer, so the host is not asked: the log keeps the name the program gave, marked so.
    expect((await askWorker(page, { type: 'save-settings', settings: { approvalPolicy: 'never-ask' } })).ok).toBe(true);
    expect(await fromPython('dev01')).toMatchObject({ code: 0, stderr: '' });
    const log = await askWorker(page, { type: 'bridge-log' });
    await page.close();
    const entries = log.ok ? log.value : [];
    expect(entries[0]).toMatchObject({ program: 'python3 (unverified)', scope: 'dev01', outcome: 'ok' });
    // The first test's python run, asked about and denied: the program as the host found it.
    expect(entries.find((entry) => entry.outcome === 'DENIED' && entry.op === 'aws-credentials' && entry.scope === 'dev01')).toMatchObject({ program: python });
    expect(JSON.stringify(entries)).not.toMatch(/hunter2|--password|launch\.py/);
  });
});
