import { describePortalError } from '../duplo/describe-error';
import { PortalError } from '../duplo/errors';
import { BridgeFailure } from './bridge-failure';
import { UsageError } from './usage-error';

/** The one line a failed command prints, and its exit code: 2 for usage, 1 for the rest. */
export function describeCliError(error: unknown, command: string, host: string | undefined): { line: string; exitCode: number } {
  if (error instanceof UsageError) {
    return { line: `${error.message}. Run "duplo-jit-bridge ${command} --help" for the options.`, exitCode: 2 };
  }
  if (error instanceof PortalError) return { line: describePortalError(error, host ?? 'the portal'), exitCode: 1 };
  if (error instanceof BridgeFailure) return { line: error.message, exitCode: 1 };
  // An unexpected error's message could hold anything; name its kind only.
  return { line: `unexpected ${error instanceof Error ? error.name : 'failure'}; run with --debug for details.`, exitCode: 1 };
}
