import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files named `*.slow.test.ts` (minutes long by what they prove, like exec's 5-minute refresh
 * run) start first: started last, as the default order puts a small file, one alone adds its
 * whole length to the suite's.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = (file: TestSpecification) => file.moduleId.endsWith('.slow.test.ts');
    return [...sorted.filter(slow), ...sorted.filter((file) => !slow(file))];
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'extension/**/*.test.ts'],
    // Two cores: the browser tests launch Chromium, so keep the pool small.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    // Ceilings, not expectations: the AWS CLI (Python) alone can take 10 s to start on a
    // loaded two-core machine, and the suite must pass beside CPU burners.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
