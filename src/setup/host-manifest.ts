import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { extensionOrigin } from '../bridge/extension-id';
import type { Browser } from './native-host-locations';
import { nativeHostName } from '../bridge/native-host-name';

/** The Firefox add-on ID the Firefox build of the extension will carry. */
export const firefoxExtensionId = 'duplo-jit-bridge@duplocloud.net';

const description = 'DuploCloud JIT bridge: AWS credentials for local programs from your browser session';

/** The manifest text: Chromium browsers admit extensions by origin, Firefox by add-on ID. */
export function hostManifestText(browser: Browser, launcher: string): string {
  const admitted = browser === 'firefox' ? { allowed_extensions: [firefoxExtensionId] } : { allowed_origins: [extensionOrigin] };
  return `${JSON.stringify({ name: nativeHostName, description, path: launcher, type: 'stdio', ...admitted }, null, 2)}\n`;
}

const ManifestSchema = z.object({
  name: z.string(),
  path: z.string(),
  type: z.string(),
  allowed_origins: z.optional(z.array(z.string())),
  allowed_extensions: z.optional(z.array(z.string())),
});
export type HostManifest = z.infer<typeof ManifestSchema>;

export type ManifestReading =
  | { readonly state: 'missing' }
  | { readonly state: 'unreadable'; readonly reason: string }
  | { readonly state: 'read'; readonly manifest: HostManifest };

/** Reads a host manifest without judging it; anything but a well-formed manifest is `unreadable`. */
export async function readHostManifest(path: string): Promise<ManifestReading> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { state: 'unreadable', reason: 'is not valid JSON' };
  }
  const parsed = ManifestSchema.safeParse(data);
  if (!parsed.success) return { state: 'unreadable', reason: 'lacks the fields of a host manifest (name, path, type)' };
  return { state: 'read', manifest: parsed.data };
}

/** Is this manifest one of ours? Only those are ever overwritten by doctor's advice or removed. */
export const isOurs = (reading: ManifestReading): reading is { state: 'read'; manifest: HostManifest } =>
  reading.state === 'read' && reading.manifest.name === nativeHostName;

/** What is wrong with our manifest for `browser`, or undefined when the browser will accept it and run `launcher`. */
export function manifestProblem(browser: Browser, manifest: HostManifest, launcher: string): string | undefined {
  if (manifest.name !== nativeHostName) return `names the host "${manifest.name}", not "${nativeHostName}"`;
  if (manifest.type !== 'stdio') return `has type "${manifest.type}", not "stdio"`;
  if (manifest.path !== launcher) return `runs ${manifest.path}, not the launcher ${launcher}`;
  if (browser === 'firefox') {
    if (!manifest.allowed_extensions?.includes(firefoxExtensionId)) return `does not allow the add-on ${firefoxExtensionId} (allowed_extensions)`;
  } else if (!manifest.allowed_origins?.includes(extensionOrigin)) {
    return `does not allow the extension ${extensionOrigin} (allowed_origins: ${JSON.stringify(manifest.allowed_origins ?? [])})`;
  }
  return undefined;
}
