import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/run-cli';

const startScript = resolve(import.meta.dirname, '../../scripts/start.ts');

/** What `npm start -- --headless` runs after the build (the suite builds first). */
describe('npm start, headless: the main job on the demo portal', () => {
  it('walks sign-in, popup, console, copy and one approved aws call, printing each step with secrets masked', { timeout: 90_000 }, async () => {
    const run = await runProcess(process.execPath, ['--import', 'tsx', startScript, '--headless'], { DISPLAY: '' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const steps = run.stdout.split('\n').filter((line) => line.startsWith('  ✓ '));
    expect(steps.map((line) => line.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'PORTAL').replace(/in \d+ ms/, 'in N ms').replace(/: \/.*popup-demo\.png$/, ': popup-demo.png'))).toEqual([
      '  ✓ signed in to PORTAL as the admin, in the portal\'s own page',
      '  ✓ the popup lists 16 rows: admin, duplo-ops, billing-prod, data-prod, …',
      '  ✓ saved a screenshot of the popup: popup-demo.png',
      '  ✓ opened the console: tenant staging, region us-west-2',
      '  ✓ copied staging\'s keys for bash (masked here):',
      '  ✓ allowed the request in the extension\'s approval prompt',
      '  ✓ duplo-jit-bridge aws --host PORTAL --tenant dev01, answered by the browser in N ms (masked):',
    ]);
    // Every secret the walk shows is cut short: no AWS secret key or session token in full.
    expect(run.stdout).toMatch(/"SecretAccessKey": "[^"]{6}…"/);
    expect(run.stdout).not.toMatch(/[A-Za-z0-9/+]{40}/);
  });
});
