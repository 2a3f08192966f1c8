import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `command` with this process's stdio and `env`, and resolves to the exit code a shell
 * would show: the child's own, 128 + the signal that ended it, 127 when it cannot be found.
 * Signals sent to this process are passed on, except a terminal's Ctrl-C: the terminal sends
 * that to the child itself, and a second SIGINT makes some programs (terraform) abort at once.
 */
export function runChild(command: readonly string[], env: NodeJS.ProcessEnv, notice: (line: string) => void): Promise<number> {
  const [file, ...args] = command;
  const child = spawn(file!, args, { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => {
    if (signal === 'SIGINT' && process.stdin.isTTY) return;
    child.kill(signal);
  };
  for (const signal of forwarded) process.on(signal, forward);
  const stopForwarding = () => {
    for (const signal of forwarded) process.off(signal, forward);
  };
  return new Promise((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      stopForwarding();
      const missing = error.code === 'ENOENT';
      notice(`cannot run "${file}": ${missing ? 'no such program on PATH' : `it failed to start (${error.code ?? error.name})`}`);
      resolve(missing ? 127 : 126);
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
