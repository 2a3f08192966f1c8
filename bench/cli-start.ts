import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { singleExecutable } from '../scripts/package/single-executable';
import { cliBundle, runProcess } from '../test/support/run-cli';
import type { Bench } from './harness';
import { differenceFigure, type Figure } from './report';
import { interleave } from './stats';

const bench = '8. CLI start';

/**
 * 8. The two forms the CLI ships in: node with dist/node/duplo-jit-bridge.cjs (the npm
 * package), and the single executable (node with the script and its code cache inside, made
 * as `npm run package` makes it). `--version` is the start alone; `aws`, warm as in row 1, is
 * what the AWS CLI pays. All against `node -e 0`, interleaved in the same rounds.
 */
export async function cliStart(context: Bench, rounds = 30): Promise<Figure[]> {
  const tenant = 'dev01';
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-bench-sea-'));
  try {
    const sea = join(dir, 'duplo-jit-bridge');
    await writeFile(sea, await singleExecutable());
    await chmod(sea, 0o755);
    const ms = (expect: string) => async (command: string, args: readonly string[], env: Readonly<Record<string, string>> = {}) => {
      const run = await runProcess(command, args, env);
      if (run.code !== 0 || !run.stdout.includes(expect)) throw new Error(`${command} ${args.join(' ')} failed: ${run.stdout}${run.stderr}`);
      return run.ms;
    };
    const version = ms('.');
    const keys = ms('"AccessKeyId"');
    const aws = ['aws', '--host', context.portal.url, '--tenant', tenant];
    // Warm: the extension holds the keys, and each program is in the page cache.
    await keys(sea, aws, context.bridge.env);
    await context.awsProcess(tenant);
    await version(sea, ['--version']);
    const samples = await interleave(rounds, {
      node: async () => (await runProcess(process.execPath, ['-e', '0'])).ms,
      bundle: () => version(process.execPath, [cliBundle, '--version']),
      sea: () => version(sea, ['--version']),
      bundleAws: () => context.awsProcess(tenant),
      seaAws: () => keys(sea, aws, context.bridge.env),
    });
    const node = { name: 'node -e 0', samples: samples.node };
    const bundleSide = { name: 'node bundle --version', samples: samples.bundle };
    return [
      differenceFigure({ bench, name: 'node dist/node/duplo-jit-bridge.cjs --version − node -e 0', subject: samples.bundle, baseline: node }),
      differenceFigure({ bench, name: 'single executable --version − node -e 0', subject: samples.sea, baseline: node }),
      differenceFigure({ bench, name: 'single executable − node bundle (--version)', subject: samples.sea, baseline: bundleSide }),
      differenceFigure({
        bench,
        name: 'single executable − node bundle (aws, warm)',
        subject: samples.seaAws,
        baseline: { name: 'node bundle aws', samples: samples.bundleAws },
        note: 'The same warm `aws` request as row 1, made by each form; negative means the single executable is faster.',
      }),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
