import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/db/database.js';

/** A new, empty database on the TEST_DATABASE_URL server (for a server process to use), or null. */
export async function freshServerDatabaseUrl(): Promise<string | null> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) return null;
  const name = `govdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite both ways).
 */
export async function freshDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const templateFile = inject('pgliteTemplate');
    const template = templateFile ? new Blob([await readFile(templateFile)]) : undefined;
    const handle = await openDatabase({ dataDir: 'memory://', template });
    // Nothing to do when started from the template (made from these migrations in this run).
    await migrateToLatest(handle.db);
    return handle;
  }
  const url = (await freshServerDatabaseUrl())!;
  const handle = await openDatabase({ url, dataDir: 'unused' });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      await dropServerDatabase(url);
    },
  };
}

/** Drops a database freshServerDatabaseUrl made. */
export async function dropServerDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const cleanup = new pg.Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${name} with (force)`);
  await cleanup.end();
}
