import { homedir } from 'node:os';
import { join } from 'node:path';
import { bridgeSocketPath } from '../rendezvous/socket-path';
import { awsCommand } from './aws-command';
import { consoleUrlFromBrowser, credentialsFromBrowser, execCredentialFromBrowser, portalTokenFromBrowser } from './browser-credentials';
import type { CliContext } from './cli-context';
import { describeCliError } from './cli-error';
import { openInBrowser } from './open-url';
import { runReg } from '../setup/run-reg';
import type { SetupIo } from '../setup/setup-io';
import { userCacheDir } from '../rendezvous/user-dirs';
import { peekFlag } from '../flags/peek-flag';
import { version, versionLine } from './version';

// `aws` runs once per AWS CLI command, so only its code is in this file; the other commands
// are in a second one beside it, loaded when asked for (src/cli/commands.ts).
const commands = () =>
  import('./commands').catch((error: unknown) => {
    throw new Error(`duplo-jit-bridge-commands.cjs must sit beside ${__filename}: copy both files of dist/node together, or run "npm run build" again`, { cause: error });
  });

const usages: Record<string, () => Promise<string>> = {
  aws: async () => (await commands()).awsUsage,
  console: async () => (await commands()).consoleUsage,
  duplo: async () => (await commands()).duploUsage,
  k8s: async () => (await commands()).k8sUsage,
  exec: async () => (await commands()).execUsage,
  serve: async () => (await commands()).serveUsage,
  'clear-cache': async () => (await commands()).clearCacheUsage,
  populate: async () => (await commands()).populateUsage,
  install: async () => (await commands()).installUsage,
  uninstall: async () => (await commands()).uninstallUsage,
  doctor: async () => (await commands()).doctorUsage,
};

/** Lines shown even without --debug: they explain a delay the user would otherwise wonder about. */
const notice = (line: string) => process.stderr.write(`duplo-jit-bridge: ${line}\n`);

const credentialCacheDir = join(userCacheDir(), 'duplo-jit-bridge', 'credentials');

function cliContext(): CliContext {
  let debugging = false;
  return {
    stdout: (text) => process.stdout.write(text),
    notice,
    env: process.env,
    debug: (text) => {
      if (debugging) process.stderr.write(`duplo-jit-bridge: ${text}\n`);
    },
    enableDebug: () => {
      debugging = true;
    },
    fetch: (url, init) => fetch(url, init),
    now: () => new Date(),
    credentialCacheDir,
    askBrowser: (flags) => credentialsFromBrowser(bridgeSocketPath(), flags, notice),
    askBrowserConsole: (flags) => consoleUrlFromBrowser(bridgeSocketPath(), flags, notice),
    askBrowserPortalToken: (flags) => portalTokenFromBrowser(bridgeSocketPath(), flags, notice),
    askBrowserK8s: (flags) => execCredentialFromBrowser(bridgeSocketPath(), flags, notice),
    openUrl: (url) => openInBrowser(url),
  };
}

/** install, uninstall and doctor only: node:sea is loaded here, not on the `aws` path. */
async function setupIo(): Promise<SetupIo> {
  const { isSea } = await import('node:sea');
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    platform: process.platform,
    homedir: homedir(),
    execPath: process.execPath,
    // The file node is running, the bundle's main file; a single executable is its own program.
    bundlePath: isSea() ? undefined : __filename,
    runReg,
  };
}

const loadedCommands = { console: 'consoleCommand', duplo: 'duploCommand', k8s: 'k8sCommand', populate: 'runPopulate', exec: 'execCommand', serve: 'serveCommand' } as const;

/** The portal commands share errors: one line on stderr, exit 1 (2 for usage). */
async function portalCommand(command: 'aws' | 'clear-cache' | keyof typeof loadedCommands, argv: readonly string[]): Promise<number> {
  try {
    if (command === 'clear-cache') {
      const io = { stdout: (text: string) => process.stdout.write(text), credentialCacheDir, socket: bridgeSocketPath() };
      return await (await commands()).clearCacheCommand(argv, io);
    }
    const run = command === 'aws' ? awsCommand : (await commands())[loadedCommands[command]];
    return await run(argv, cliContext());
  } catch (error) {
    const { line, exitCode } = describeCliError(error, command, peekFlag(argv, 'host', 'string') ?? process.env.DUPLO_HOST);
    process.stderr.write(`duplo-jit-bridge: ${line}\n`);
    if (peekFlag(argv, 'debug', 'boolean') === true && error instanceof Error) process.stderr.write(`${error.stack ?? error.name}\n`);
    return exitCode;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'aws':
    case 'console':
    case 'duplo':
    case 'k8s':
    case 'clear-cache':
    case 'populate':
    case 'exec':
    case 'serve':
      return portalCommand(command, rest);
    case 'install':
      return (await commands()).installCommand(rest, await setupIo());
    case 'uninstall':
      return (await commands()).uninstallCommand(rest, await setupIo());
    case 'doctor':
      return (await commands()).doctorCommand(rest, await setupIo(), { socketPath: bridgeSocketPath(), nodeVersion: process.versions.node });
    case 'host': {
      const { runHost, hostCaller } = await commands();
      return runHost(hostCaller(rest));
    }
    case '--version':
    case '-version':
    case '-v':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'version':
      process.stdout.write(versionLine);
      return 0;
    case undefined:
    case '--help':
    case '-help':
    case '-h':
      process.stdout.write((await commands()).mainUsage);
      return 0;
    case 'help':
      process.stdout.write((await usages[rest[0] ?? '']?.()) ?? (await commands()).mainUsage);
      return 0;
    default:
      process.stderr.write(`duplo-jit-bridge: unknown command "${command}". Run "duplo-jit-bridge --help" for the commands.\n`);
      return 2;
  }
}

void main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`duplo-jit-bridge: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
