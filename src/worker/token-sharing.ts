import type { PortalTokenResult } from '../bridge/protocol';
import { loadSettings, saveSettings, type Settings } from '../settings/settings';
import { AccessError } from './access-error';
import type { ApprovalAsk, Refusal } from './approval-ask';
import type { Approvals } from './approvals';
import type { PortalContext } from './portal-context';

/** The user's switch for one portal in the options page: whether programs may ask for its session. */
export async function setTokenSharing(context: PortalContext, origin: string, on: boolean): Promise<Settings> {
  // Only a portal the user chose (and confirmed, when it was only seen) can be switched on.
  await context.portal(origin);
  const others = (await loadSettings(context.deps.disk)).tokenSharing.filter((shared) => shared !== origin);
  return saveSettings(context.deps.disk, { tokenSharing: on ? [...others, origin] : others });
}

/** What the prompt needs beyond the portal: the request it is for, and who asks. */
export type SessionAsk = Pick<ApprovalAsk, 'origin' | 'program' | 'timeoutSeconds'> & { readonly request: string };

/**
 * `portal-token`: the session itself, which can do anything the user can do on the portal.
 * Refused unless the user turned sharing on for this portal, and then asked every time in a
 * prompt of its own, whatever the approval policy: no "never ask" and no "ask once" grant covers it.
 */
export async function sharedSession(context: PortalContext, approvals: Approvals, ask: SessionAsk): Promise<PortalTokenResult | Refusal> {
  const { origin } = ask;
  if (!(await loadSettings(context.deps.disk)).tokenSharing.includes(origin)) throw new AccessError('TOKEN_SHARING_OFF', origin);
  await context.signedIn(origin);
  const given = await approvals.approve({ ...ask, target: { kind: 'portal-token', request: ask.request }, policy: 'ask-every-time' });
  if (given !== 'allow') return given;
  // The session as it is after the yes, checked live: a token the portal no longer takes is no use to the program.
  const { api, session } = await context.signedIn(origin);
  const features = await context.guarded(origin, session, api.systemFeatures, true);
  return { Version: 1, DuploToken: session.token, NeedOTP: features.IsOtpNeeded ?? false };
}
