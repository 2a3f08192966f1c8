import { AwsFormatError } from '../aws/errors';
import { ConsolePageError } from '../aws/console-page-error';
import { describePortalError } from '../duplo/describe-error';
import { PortalError } from '../duplo/errors';
import type { ViewError } from '../worker-messages/protocol';
import { SettingsError } from '../settings/settings';
import { ManagedSettingError } from '../settings/managed-error';
import { managedMessage } from './managed-message';
import { AccessError } from './access-error';
import { ConsoleSessionError, maxConsoleSessions } from './console-session-error';

const host = (origin: string) => origin.replace(/^https?:\/\//, '');

/** The one place an error becomes the words a popup, menu or CLI shows. */
export function toViewError(error: unknown, origin: string): ViewError {
  if (error instanceof PortalError) return { code: error.code, message: describePortalError(error, host(origin)) };
  if (error instanceof AwsFormatError) {
    const code = error.code === 'UNREPRESENTABLE' ? 'UNREPRESENTABLE' : 'BAD_RESPONSE';
    return { code, message: `These keys cannot be written in that format: ${error.detail}. Pick another format.` };
  }
  if (error instanceof ConsolePageError) return { code: error.code, message: consolePageMessage(error) };
  if (error instanceof AccessError) return { code: error.code, message: accessMessage(error, host(origin)) };
  if (error instanceof ConsoleSessionError) {
    return { code: error.code, message: `AWS allows ${maxConsoleSessions} console sessions at once with multi-session, and ${maxConsoleSessions} are open. Sign out the oldest (${error.detail}) to open this one?` };
  }
  if (error instanceof ManagedSettingError) return { code: error.code, message: managedMessage(error) };
  if (error instanceof SettingsError) return { code: 'BAD_MESSAGE', message: `Not saved: ${error.message}. Correct it and save again.` };
  // Unknown errors may carry anything in their message; show only that something failed.
  return { code: 'BAD_MESSAGE', message: 'Something unexpected went wrong in the extension. Try again; if it persists, reload the extension.' };
}

function accessMessage(error: AccessError, portal: string): string {
  switch (error.code) {
    case 'NOT_SIGNED_IN':
      return `Not signed in to ${portal}. Open ${portal} in a tab and sign in, or use Sign in in the extension's popup.`;
    case 'PORTAL_NOT_CONFIGURED':
      return `${error.detail} is not a portal you added. Add it in the extension's options first.`;
    case 'PORTAL_NOT_CONFIRMED':
      return `${portal} was only seen calling its API in a browser tab, and the extension uses a portal like that only after you confirm it is yours. Open the extension's popup (or its options page) and choose "Use it" for ${portal}.`;
    case 'PERMISSION_NEEDED':
      return `The extension may not access ${portal} yet. Open the popup and choose "Allow access".`;
    case 'CLIPBOARD_FAILED':
      return `Could not write to the clipboard (${error.detail}). Try again.`;
    case 'TOKEN_SHARING_OFF':
      return `The browser does not give your ${portal} session to programs. To allow it, open the extension's options, and under Portals turn on "Programs may ask for my session" for ${portal}; each request is then asked in its own prompt.`;
    case 'BAD_MESSAGE':
      return `The extension received a request it does not understand: ${error.detail}.`;
  }
}

function consolePageMessage(error: ConsolePageError): string {
  switch (error.code) {
    case 'NOT_A_CONSOLE_PAGE':
      return 'This tab is not an AWS console page (https on console.aws.amazon.com, console.amazonaws-us-gov.com or console.amazonaws.cn), so it cannot be opened in another tenant. Open the tenant’s console instead.';
    case 'OTHER_PARTITION':
      return `This console page cannot be opened in that tenant: ${error.detail}, and a page of one AWS partition does not exist in another. Open the tenant’s console instead.`;
  }
}
