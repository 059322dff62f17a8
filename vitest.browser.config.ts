import { defineConfig } from 'vitest/config';

/** Browser tests: drive the built console (dist/web) in Debian's Chromium. Run via `npm run test:browser`. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
