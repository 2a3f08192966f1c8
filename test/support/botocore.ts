import { spawnSync } from 'node:child_process';

/**
 * Whether python3 here lacks botocore (boto3's core, which resolves credentials itself; the
 * Debian AWS CLI bundles its own copy). Tests of it are skipped then, with this name saying why;
 * `pip install botocore` gives it.
 */
export const botocoreMissing = spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status !== 0;
