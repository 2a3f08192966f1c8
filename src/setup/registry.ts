import type { SetupIo } from './setup-io';
import { SetupError } from './setup-error';

type RegRunner = NonNullable<SetupIo['runReg']>;

function runner(io: SetupIo): RegRunner {
  if (!io.runReg) throw new SetupError('reg.exe is needed on Windows to register the host, and none was given to run');
  return io.runReg;
}

const firstLine = (text: string): string => text.trim().split(/\r?\n/)[0] ?? '';

/** Points `key`'s default value at the manifest; HKLM needs an administrator. */
export async function setRegistryDefault(io: SetupIo, key: string, value: string): Promise<void> {
  const result = await runner(io)(['add', key, '/ve', '/t', 'REG_SZ', '/d', value, '/f']);
  if (result.code !== 0) {
    const hint = key.startsWith('HKLM') ? '; --system needs a command prompt run as administrator' : '';
    throw new SetupError(`reg.exe could not set ${key} (${firstLine(result.stderr) || `exit code ${result.code}`})${hint}`);
  }
}

/** The default value of `key`, or undefined when the key does not exist. */
export async function readRegistryDefault(io: SetupIo, key: string): Promise<string | undefined> {
  const result = await runner(io)(['query', key, '/ve']);
  if (result.code !== 0) return undefined;
  // The value's name, "(Default)", is translated on localized Windows; its type is not.
  return /\sREG_(?:EXPAND_)?SZ\s+(.*?)\s*$/m.exec(result.stdout)?.[1];
}

export async function deleteRegistryKey(io: SetupIo, key: string): Promise<void> {
  const result = await runner(io)(['delete', key, '/f']);
  if (result.code !== 0) throw new SetupError(`reg.exe could not delete ${key} (${firstLine(result.stderr) || `exit code ${result.code}`})`);
}
