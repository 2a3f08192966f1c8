import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nativeHostName } from '../../src/bridge/native-host-name';
import type { ManagedSettings } from '../../src/settings/managed-schema';
import { extensionCopy } from './extension-copy';

/** Where Debian's Chromium reads machine-wide mandatory policy (docs/managed-settings.md). */
export const chromiumPolicyDir = '/etc/chromium/policies/managed';

/** Why this machine cannot take a policy file, or undefined when it can (CI runs as root). */
export function policyDirProblem(): string | undefined {
  try {
    mkdirSync(chromiumPolicyDir, { recursive: true });
    accessSync(chromiumPolicyDir, constants.W_OK);
    return undefined;
  } catch (error) {
    return `cannot write Chromium policy to ${chromiumPolicyDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}): run as root`;
  }
}

/** The ID Chromium gives an unpacked extension with this public key (test/browser-facts.md). */
function idOfKey(der: Buffer): string {
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export interface PolicyCopy {
  /** The copy of the built extension, under an ID made for this run only. */
  readonly dir: string;
  readonly id: string;
  /** Adds the copy's origin to the native host manifest `install --profile-dir` wrote. */
  admitToHost(profileDir: string): Promise<void>;
  /** Writes the machine-wide policy for the copy's ID; returns the file's path. */
  writePolicy(settings: ManagedSettings): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A policy file reaches every Chromium on the machine, and other test files run in parallel
 * (vitest.config.ts). So the policy names an ID only this copy has: a fresh key in its
 * manifest. Every other browser loads the extension under its real ID and sees no policy.
 */
export async function extensionCopyForPolicy(): Promise<PolicyCopy> {
  const der = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
  const id = idOfKey(der);
  const copy = await extensionCopy((manifest) => ({ ...manifest, key: der.toString('base64') }));
  const policyFile = join(chromiumPolicyDir, `duplo-jit-test-${randomBytes(6).toString('hex')}.json`);
  return {
    dir: copy.dir,
    id,
    async admitToHost(profileDir) {
      const file = join(profileDir, 'NativeMessagingHosts', `${nativeHostName}.json`);
      const host = JSON.parse(await readFile(file, 'utf8')) as { allowed_origins: string[] };
      await writeFile(file, JSON.stringify({ ...host, allowed_origins: [...host.allowed_origins, `chrome-extension://${id}/`] }));
    },
    async writePolicy(settings) {
      await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: settings } } }));
      return policyFile;
    },
    async remove() {
      await rm(policyFile, { force: true });
      await copy.remove();
    },
  };
}
