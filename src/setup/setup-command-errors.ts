import { SetupError } from './setup-error';
import type { SetupIo } from './setup-io';
import { UsageError } from '../flags/usage-error';

const isErrno = (error: unknown): error is NodeJS.ErrnoException => error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';

/** The one line a failed install, uninstall or doctor prints, and its exit code: 2 for usage, 1 for the rest. */
export function describeSetupError(error: unknown, command: string): { line: string; exitCode: number } {
  if (error instanceof UsageError) return { line: `${error.message}. Run "duplo-jit-bridge ${command} --help" for the options.`, exitCode: 2 };
  if (error instanceof SetupError) return { line: error.message, exitCode: 1 };
  if (isErrno(error)) {
    const where = error.path ?? 'a file';
    if (error.code === 'EACCES' || error.code === 'EPERM') {
      return { line: `permission denied on ${where}; system-wide places need --system run as root (sudo) or as an administrator`, exitCode: 1 };
    }
    return { line: `${error.syscall ?? 'file operation'} ${where} failed (${error.code}); fix that, then run "duplo-jit-bridge ${command}" again`, exitCode: 1 };
  }
  return { line: `unexpected ${error instanceof Error ? `${error.name}: ${error.message}` : 'failure'}`, exitCode: 1 };
}

/** Runs a command body, turning its failure into one line on stderr and an exit code. */
export async function runSetupCommand(command: string, io: SetupIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const { line, exitCode } = describeSetupError(error, command);
    io.stderr(`duplo-jit-bridge: ${line}\n`);
    return exitCode;
  }
}
