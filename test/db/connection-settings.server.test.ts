import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { dropServerDatabase, freshServerDatabaseUrl } from '../helpers/database.js';

/**
 * Issue 7: GovDesk's connections to a PostgreSQL server start no parallel workers, unless the
 * URL says otherwise. Runs in the suite's PostgreSQL pass (a `*.server.test.ts`).
 */
describe('the settings of a connection to a PostgreSQL server', () => {
  let url: string;
  const opened: DatabaseHandle[] = [];
  const workersOf = async (connectionUrl: string) => {
    const handle = await openDatabase({ url: connectionUrl, dataDir: 'unused' });
    opened.push(handle);
    const { rows } = await sql<{
      workers: string;
    }>`select current_setting('max_parallel_workers_per_gather') as workers`.execute(handle.db);
    return rows[0]!.workers;
  };

  beforeAll(async () => {
    url = (await freshServerDatabaseUrl())!;
  });
  afterAll(async () => {
    for (const handle of opened) await handle.close();
    await dropServerDatabase(url);
  });

  it('plans without parallel workers', async () => {
    expect(await workersOf(url)).toBe('0');
  });

  it('takes the URL’s own options instead', async () => {
    const own = new URL(url);
    own.searchParams.set('options', '-c max_parallel_workers_per_gather=2');
    expect(await workersOf(own.toString())).toBe('2');
  });
});
