import { defineConfig } from 'vitest/config';

/**
 * Browser tests against the real built server (npm run build first): one file at a time, each with
 * its own server started from a copy of one prepared data directory (helpers/global-setup.ts).
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Files share the worker's loaded helpers (Playwright, axe-core) rather than loading them each.
    isolate: false,
  },
});
