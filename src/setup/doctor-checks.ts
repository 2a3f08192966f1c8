import { access, constants, readFile, stat } from 'node:fs/promises';
import { manifestProblem, readHostManifest } from './host-manifest';
import { parseLauncher } from './launcher';
import type { HostManifestTarget } from './native-host-locations';
import { readRegistryDefault } from './registry';
import type { SetupIo } from './setup-io';

/** One link of the chain: what was checked, and for a broken link the command that mends it. */
export interface Check {
  readonly ok: boolean;
  readonly line: string;
  readonly fix?: string;
  /** Not a broken link but something the user should know (a sandboxed browser): `fix` is the advice. */
  readonly warning?: boolean;
}

const pass = (line: string): Check => ({ ok: true, line });
const fail = (line: string, fix: string): Check => ({ ok: false, line, fix });

const minimumNode = [20, 19] as const;

/** Is `version` ("v22.3.0" or "22.3.0") at least the Node.js this program needs? */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > minimumNode[0] || (major === minimumNode[0] && minor >= minimumNode[1]);
}

const needNode = `install Node.js ${minimumNode.join('.')} or newer, then run "duplo-jit-bridge install" with it`;

export function checkNode(version: string, execPath: string): Check {
  const line = `node ${version.replace(/^v/, '')} (${execPath})`;
  return isSupportedNode(version) ? pass(line) : fail(`${line} is older than ${minimumNode.join('.')}`, needNode);
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** What `PROGRAM --version` prints: node's version, or the single executable's own. */
async function versionOf(program: string): Promise<string | undefined> {
  // Loaded here, not at the top: node:child_process costs every `aws` run start-up time.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(program, ['--version'], { timeout: 5000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : String(stdout).trim()));
  });
}

/** The launcher exists, may run, and runs an existing, recent enough node with an existing bundle, or a single executable that runs. */
export async function checkLauncher(io: SetupIo, launcher: string, install: string): Promise<Check> {
  const text = await readFile(launcher, 'utf8').catch(() => undefined);
  if (text === undefined) return fail(`launcher ${launcher} is missing`, install);
  const target = parseLauncher(io.platform, text);
  if (!target) return fail(`launcher ${launcher} was not written by duplo-jit-bridge install`, install);
  if (io.platform !== 'win32' && !(await access(launcher, constants.X_OK).then(() => true, () => false))) {
    return fail(`launcher ${launcher} is not executable`, install);
  }
  if ('executable' in target) return checkSingleExecutable(launcher, target.executable, install);
  if (!(await exists(target.bundle))) return fail(`launcher ${launcher} runs ${target.bundle}, which no longer exists`, install);
  const version = await versionOf(target.node);
  if (version === undefined) return fail(`launcher ${launcher} runs node ${target.node}, which does not run`, install);
  if (!isSupportedNode(version)) return fail(`launcher ${launcher} runs node ${version} (${target.node}), older than ${minimumNode.join('.')}`, needNode);
  return pass(`launcher ${launcher} runs node ${version.replace(/^v/, '')} (${target.node}) with ${target.bundle}`);
}

async function checkSingleExecutable(launcher: string, executable: string, install: string): Promise<Check> {
  if (!(await exists(executable))) return fail(`launcher ${launcher} runs ${executable}, which no longer exists`, install);
  const version = await versionOf(executable);
  if (version === undefined) return fail(`launcher ${launcher} runs ${executable}, which does not run`, install);
  return pass(`launcher ${launcher} runs the single executable ${executable} (duplo-jit-bridge ${version})`);
}

/** The browser finds our manifest, and the manifest admits the extension and runs the launcher. */
export async function checkManifest(io: SetupIo, target: HostManifestTarget, launcher: string, install: string, extraIds: readonly string[] = []): Promise<Check> {
  let path = target.kind === 'file' ? target.path : target.manifestPath;
  if (target.kind === 'registry') {
    const value = await readRegistryDefault(io, target.key);
    if (value === undefined) return fail(`${target.browser}: registry key ${target.key} is missing`, install);
    path = value;
  }
  const reading = await readHostManifest(path);
  const what = `${target.browser}: host manifest ${path}`;
  if (reading.state === 'missing') return fail(`${what} is missing`, install);
  if (reading.state === 'unreadable') return fail(`${what} ${reading.reason}`, install);
  const problem = manifestProblem(target.browser, reading.manifest, launcher, extraIds);
  return problem === undefined ? pass(what) : fail(`${what} ${problem}`, install);
}

export async function checkSocket(socketPath: string, accepts: (path: string) => Promise<boolean>): Promise<Check> {
  if (await accepts(socketPath)) return pass(`host socket ${socketPath} accepts connections: the browser has the extension connected`);
  return fail(
    `host socket ${socketPath} is not reachable: no browser is running with the extension connected`,
    'start the browser that has the DuploCloud JIT extension; the extension starts the host when it connects',
  );
}
