import browser, { type Omnibox, type Runtime } from 'webextension-polyfill';
import { answerBridgeRequest, createApprovals, defaultRenewLeadMs, createPortalContext, createRequestLog, programLabel, programOf } from '../../src/worker';
import { isOffscreenRequest } from '../offscreen/offscreen-protocol';
import { approvalLimits, askInWindow } from './approval-window';
import { listenCommands, runCommand } from './commands';
import { dropBarredConsoleAccess } from './console-access-policy';
import { labelConsoleTabs } from './console-banner';
import { consoleRenewals } from './console-renewal';
import { consoleOpener, watchConsoleTabs } from './console-tabs';
import { copyFromMenu, rebuildMenus } from './context-menus';
import { changesMenus, handleRequest } from './handle-request';
import { memoArea } from '../../src/storage/memo-area';
import { withManagedSettings } from '../../src/settings/managed-area';
import { hostPermissionCheck } from './host-permission';
import { managedSettings } from './managed-storage';
import { keepBridgeConnected } from './native-bridge';
import { observePortalTokens } from './observe-token';
import { listenOmnibox, omniboxEnter, omniboxSuggest } from './omnibox';
import { openFromPageMenu } from './page-menus';
import { signIns } from './sign-in';
import { storageArea } from './storage-area';
import { workerHandlers } from './worker-handlers';

// One in-memory copy per area, shared by everything here: the worker is their only writer.
const memory = memoArea(storageArea(browser.storage.session));
const disk = memoArea(storageArea(browser.storage.local));
// Added synchronously too: a policy change may be what wakes the worker.
const managed = managedSettings(() => {
  void rebuildMenus(context);
  void dropBarredConsoleAccess(managed);
});

const context = createPortalContext({
  fetch: (url, init) => fetch(url, init),
  now: Date.now,
  memory,
  // The settings every part reads are those in force: the organisation's over the user's.
  disk: withManagedSettings(disk, managed),
  hasHostPermission: hostPermissionCheck(),
});

const approvals = createApprovals(memory, askInWindow);
const requestLog = createRequestLog(disk);

// Every listener is added synchronously at start-up, so an event can wake a stopped worker.
observePortalTokens(context, () => void rebuildMenus(context));
watchConsoleTabs(context);
labelConsoleTabs(context);
const signInLimits = { timeLimitMs: 5 * 60_000 };
const signIn = signIns(context, signInLimits, () => void rebuildMenus(context));
const renewLimits = { leadMs: defaultRenewLeadMs };
const renewals = consoleRenewals(context, renewLimits);
const openConsole = consoleOpener(context, renewals);
const handlers = workerHandlers(context, requestLog, signIn, managed, openConsole);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only the extension's own pages may ask; the offscreen document's messages are not for us.
  if (sender.id !== browser.runtime.id || isOffscreenRequest(message)) return undefined;
  const reply = handleRequest(handlers, message);
  if (changesMenus(message)) void reply.finally(() => rebuildMenus(context));
  return reply;
});

// Each handler ignores the items that are not its own: "Copy AWS keys" and "Open this page in …".
browser.contextMenus.onClicked.addListener((info, tab) => {
  void copyFromMenu(context, info);
  void openFromPageMenu(openConsole, info, tab);
});
listenOmnibox(context, openConsole);
listenCommands(context, openConsole);
// Once per browser start or install, not on every wake: a policy change while it runs has its own listener above.
const onBrowserStart = () => {
  void rebuildMenus(context);
  void dropBarredConsoleAccess(managed);
};
browser.runtime.onInstalled.addListener(onBrowserStart);
browser.runtime.onStartup.addListener(onBrowserStart);

keepBridgeConnected(
  async (request, lookup) => {
    const response = await answerBridgeRequest(context, approvals, request, lookup);
    // After the answer, and written later with others (src/worker/request-log.ts): the program
    // waits for its answer, the log is for the options page, which sees every entry.
    requestLog.append({
      time: Date.now(),
      program: programLabel(programOf(request, lookup.known())),
      portal: request.portal ?? 'every portal',
      op: request.op,
      scope: request.scope ?? '',
      outcome: response.ok ? 'ok' : response.error.code,
    });
    return response;
  },
  (line) => console.info(line),
);

// Tests drive the context menus, the omnibox and the shortcuts through the same handlers the
// browser's events run (test/browser-facts.md),
// reach storage through the worker's copy of it, as every writer must, shorten the sign-in
// time limit rather than wait it out, lengthen the approval's arming delay so an early
// click stays early on a loaded machine, shorten the console renewal's lead, and click Renew
// (a notification's button is out of Playwright's reach, as a menu is).
Object.assign(globalThis, {
  duploJit: {
    copyFromMenu: (info: { menuItemId: string }) => copyFromMenu(context, info),
    openFromPageMenu: (info: { menuItemId: string; pageUrl: string }) => openFromPageMenu(openConsole, info, undefined),
    omniboxSuggest: (text: string) => omniboxSuggest(context, text),
    omniboxEnter: (text: string, disposition: Omnibox.OnInputEnteredDisposition) => omniboxEnter(context, openConsole, text, disposition),
    runCommand: (command: string) => runCommand(context, openConsole, command),
    storage: { memory, disk },
    signInLimits,
    approvalLimits,
    renewLimits,
    renewConsole: (notificationId: string) => renewals.renew(notificationId),
  },
});
