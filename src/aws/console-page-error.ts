import { DetailedError } from '../errors/coded-error';

/**
 * Why a tab's page cannot be opened in another tenant. The detail names the page's host at
 * most, never its path or query: those can name the user's resources.
 */
export const consolePageErrorCodes = ['NOT_A_CONSOLE_PAGE', 'OTHER_PARTITION'] as const;

export type ConsolePageErrorCode = (typeof consolePageErrorCodes)[number];

export class ConsolePageError extends DetailedError<ConsolePageErrorCode> {
  override readonly name = 'ConsolePageError';
}
