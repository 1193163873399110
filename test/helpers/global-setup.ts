import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase } from '../../src/db/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding an embedded database migrated in this run, which each test file starts from; or ''. */
    pgliteTemplate: string;
  }
}

/**
 * On the embedded database, migrates one in-memory PGlite database and dumps its data directory to
 * a file once, so that every test file's fresh database loads it instead of running initdb again
 * (about 1 s rather than 3 on these machines). The migrations themselves still run from nothing
 * here, in every run, and again on disk in test/db/schema.test.ts.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env['TEST_DATABASE_URL']) {
    project.provide('pgliteTemplate', '');
    return async () => {};
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  const dump = await handle.dump!();
  await handle.close();
  const dir = await mkdtemp(path.join(tmpdir(), 'govdesk-test-template-'));
  const file = path.join(dir, 'migrated.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rm(dir, { recursive: true, force: true });
}
