import type { RegResult } from './setup-io';

/** Runs the real reg.exe; a failure to start it is reported like any other failure of reg.exe. */
export async function runReg(args: readonly string[]): Promise<RegResult> {
  // Loaded here, not at the top: node:child_process costs every `aws` run start-up time.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('reg.exe', [...args], { windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) resolve({ code: 0, stdout, stderr });
      else resolve({ code: typeof error.code === 'number' ? error.code : 1, stdout, stderr: stderr || error.message });
    });
  });
}
