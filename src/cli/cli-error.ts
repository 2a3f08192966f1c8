import { describePortalError } from '../duplo/describe-error';
import { isPortalError } from '../duplo/errors';

// By name, not instanceof: the CLI ships as two files, each with its own copy of the error
// classes, and an error thrown by one (console, --token) is described by the other.
const named = (error: unknown, name: string): error is Error => error instanceof Error && error.name === name;

/** The one line a failed command prints, and its exit code: 2 for usage, 1 for the rest. */
export function describeCliError(error: unknown, command: string, host: string | undefined): { line: string; exitCode: number } {
  if (named(error, 'UsageError')) {
    return { line: `${error.message}. Run "duplo-jit-bridge ${command} --help" for the options.`, exitCode: 2 };
  }
  if (isPortalError(error)) return { line: describePortalError(error, host ?? 'the portal'), exitCode: 1 };
  if (named(error, 'BridgeFailure') || named(error, 'TokenFileError') || named(error, 'PopulateError')) return { line: error.message, exitCode: 1 };
  // An unexpected error's message could hold anything; name its kind only.
  return { line: `unexpected ${error instanceof Error ? error.name : 'failure'}; run with --debug for details.`, exitCode: 1 };
}
