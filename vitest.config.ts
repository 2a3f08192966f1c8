import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'extension/**/*.test.ts'],
    // Two cores: the browser tests launch Chromium, so keep the pool small.
    maxWorkers: 2,
    // Ceilings, not expectations: the AWS CLI (Python) alone can take 10 s to start on a
    // loaded two-core machine, and the suite must pass beside CPU burners.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
