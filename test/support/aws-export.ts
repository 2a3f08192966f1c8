import { expect } from 'vitest';
import { runProcess } from './run-cli';

/**
 * `aws configure export-credentials --profile PROFILE`: the real AWS CLI v2 running our
 * credential_process from `config`, with no credentials file to come first; expects it to succeed.
 */
export async function awsExport(bridge: { readonly env: Readonly<Record<string, string>>; readonly dir: string }, config: string, profile: string): Promise<Record<string, string>> {
  const run = await runProcess('/usr/bin/aws', ['configure', 'export-credentials', '--profile', profile], {
    ...bridge.env,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: `${bridge.dir}/no-credentials`,
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Record<string, string>;
}
