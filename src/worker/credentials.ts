import { checkConsoleLink } from '../aws/console-link';
import { withPageDestination } from '../aws/console-page-destination';
import { toAwsCredentials } from '../aws/credentials';
import { withDestination, withLogout } from '../aws/console-url';
import { formatCredentials, type CopyFormat } from '../aws/copy-formats';
import { PortalError } from '../duplo/errors';
import type { AwsJitCredentials } from '../duplo/schemas';
import { loadSettings, saveSettings, scopeKey, withRecent } from '../settings/settings';
import { ManagedSettingError } from '../settings/managed-error';
import type { CachedCredentials, Need } from './credential-cache';
import type { PortalContext, SignedIn } from './portal-context';
import { tenantConsoleDefault } from './tenant-console-defaults';
import { toViewError } from './view-error';

function jitCall({ api }: SignedIn, scope: string): () => Promise<AwsJitCredentials> {
  if (scope === 'admin') return api.adminJit;
  if (scope === 'duplo-ops') return api.duploOpsJit;
  return () => api.tenantJit(scope);
}

/** The credentials for a portal and scope: cached, or one JIT call shared by every asker. */
export async function credentialsFor(context: PortalContext, origin: string, scope: string, need: Need): Promise<CachedCredentials> {
  const key = scopeKey(origin, scope);
  try {
    const signedIn = await context.signedIn(origin);
    const entry = await context.guarded(origin, signedIn.session, () => context.cache.get(origin, scope, need, jitCall(signedIn, scope)), false);
    context.rowErrors.delete(key);
    return entry;
  } catch (error) {
    context.rowErrors.set(key, toViewError(error, origin));
    throw error;
  }
}

async function noteUse(context: PortalContext, origin: string, scope: string): Promise<void> {
  const settings = await loadSettings(context.deps.disk);
  await saveSettings(context.deps.disk, { recents: withRecent(settings, origin, scope) });
}

export interface ConsoleChoice {
  readonly region?: string;
  readonly service?: string;
  /** A console page (another tenant's tab) to land on instead: same service, path and region. */
  readonly page?: string;
  /**
   * The page is this scope's own (a renewal): with multi-session on, land on its multi-session
   * host too (without it, the logout in front ends that session and its host with it).
   */
  readonly sameSession?: boolean;
}

/**
 * A console sign-in URL for the scope, aimed where the user chose, never older than AWS allows,
 * and when the console session it opens ends (the keys' end, which it cannot outlive).
 */
export async function consoleSignIn(context: PortalContext, origin: string, scope: string, choice: ConsoleChoice = {}): Promise<{ url: string; endsAt: number }> {
  const { jit, expiresAt } = await credentialsFor(context, origin, scope, 'console');
  if (!jit.ConsoleUrl) {
    throw new PortalError('BAD_RESPONSE', { endpoint: 'JIT credentials', detail: 'the portal sent no ConsoleUrl' });
  }
  checkConsoleLink(jit.ConsoleUrl, origin);
  const [settings, own] = await Promise.all([loadSettings(context.deps.disk), tenantConsoleDefault(context.deps.disk, origin, scope)]);
  // The nearest choice wins: this open's, then the tenant's own, then the options', then the keys' region.
  const target = { region: choice.region || own.region || settings.consoleRegion || jit.Region, service: choice.service || own.service || settings.consoleService };
  const login = choice.page ? withPageDestination(jit.ConsoleUrl, choice.page, Boolean(choice.sameSession) && settings.multiSession) : withDestination(jit.ConsoleUrl, target);
  await noteUse(context, origin, scope);
  return { url: settings.logoutFirst && !settings.multiSession ? withLogout(login) : login, endsAt: expiresAt };
}

/** The sign-in URL alone, for a program that asked for one (`console-url`). */
export async function consoleUrlFor(context: PortalContext, origin: string, scope: string, choice: ConsoleChoice = {}): Promise<string> {
  return (await consoleSignIn(context, origin, scope, choice)).url;
}

export interface KeysText {
  readonly text: string;
  readonly format: CopyFormat;
  readonly expiresAt: number;
}

/** The scope's keys as text in the chosen (or default) format, for the clipboard. */
export async function keysTextFor(context: PortalContext, origin: string, scope: string, format?: CopyFormat): Promise<KeysText> {
  const { defaultFormat, allowedFormats } = await loadSettings(context.deps.disk);
  const chosen = format ?? defaultFormat;
  // Refused before any key is fetched: the organisation limits the formats (docs/managed-settings.md).
  if (!allowedFormats.includes(chosen)) throw new ManagedSettingError('SET_BY_ORGANISATION', 'allowedFormats', chosen);
  const { jit, expiresAt } = await credentialsFor(context, origin, scope, 'keys');
  const text = formatCredentials(chosen, toAwsCredentials(jit));
  await noteUse(context, origin, scope);
  return { text, format: chosen, expiresAt };
}
