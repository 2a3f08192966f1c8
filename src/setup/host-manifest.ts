import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { extensionId, firefoxExtensionId, isChromiumExtensionId, isFirefoxExtensionId, storeExtensionIds } from '../bridge/extension-id';
import type { Browser } from './native-host-locations';
import { nativeHostName } from '../bridge/native-host-name';

const description = 'DuploCloud JIT bridge: AWS credentials for local programs from your browser session';

const chromiumOrigin = (id: string): string => `chrome-extension://${id}/`;

/**
 * What a manifest for `browser` admits: Chromium browsers name extensions by origin, Firefox by
 * add-on ID. The built-in IDs first, then those of `extra` (install's --extension-id) of the
 * browser's kind.
 */
function admitted(browser: Browser, extra: readonly string[]): { allowed_extensions: string[] } | { allowed_origins: string[] } {
  if (browser === 'firefox') return { allowed_extensions: [...new Set([firefoxExtensionId, ...extra.filter(isFirefoxExtensionId)])] };
  return { allowed_origins: [...new Set([extensionId, ...storeExtensionIds, ...extra.filter(isChromiumExtensionId)])].map(chromiumOrigin) };
}

/** The manifest text, admitting the extension's own IDs and `extra`. */
export function hostManifestText(browser: Browser, launcher: string, extra: readonly string[] = []): string {
  return `${JSON.stringify({ name: nativeHostName, description, path: launcher, type: 'stdio', ...admitted(browser, extra) }, null, 2)}\n`;
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

/**
 * What is wrong with our manifest for `browser`, or undefined when the browser will accept it,
 * run `launcher`, and admit every ID the extension has (and `extra`).
 */
export function manifestProblem(browser: Browser, manifest: HostManifest, launcher: string, extra: readonly string[] = []): string | undefined {
  if (manifest.name !== nativeHostName) return `names the host "${manifest.name}", not "${nativeHostName}"`;
  if (manifest.type !== 'stdio') return `has type "${manifest.type}", not "stdio"`;
  if (manifest.path !== launcher) return `runs ${manifest.path}, not the launcher ${launcher}`;
  const wanted = admitted(browser, extra);
  if ('allowed_extensions' in wanted) {
    const missing = wanted.allowed_extensions.find((id) => !manifest.allowed_extensions?.includes(id));
    return missing === undefined ? undefined : `does not allow the add-on ${missing} (allowed_extensions)`;
  }
  const missing = wanted.allowed_origins.find((origin) => !manifest.allowed_origins?.includes(origin));
  return missing === undefined ? undefined : `does not allow the extension ${missing} (allowed_origins: ${JSON.stringify(manifest.allowed_origins ?? [])})`;
}
