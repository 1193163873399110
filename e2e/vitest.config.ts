import { defineConfig } from 'vitest/config';

/** Browser tests against the real built server (npm run build first): one file at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
