import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Tests of the connection to a PostgreSQL server itself (`*.server.test.ts`) need a server:
    // they run in the suite's PostgreSQL pass (TEST_DATABASE_URL; .ci/run), not on PGlite.
    exclude: [...configDefaults.exclude, ...(process.env['TEST_DATABASE_URL'] ? [] : ['test/**/*.server.test.ts'])],
    environment: 'node',
    // One migrated embedded database, dumped once, that each test file's database starts from.
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: each file builds its own database, so run files two at a time.
    maxWorkers: 2,
    // Files share a worker's loaded modules rather than importing the application afresh each
    // (about 1 s a file); each still has a database of its own, and no file mocks a module.
    isolate: false,
  },
});
