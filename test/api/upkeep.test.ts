import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkerOnce } from '../../src/server/worker.js';
import { TestApp } from '../helpers/test-app.js';

const HOUR = 3_600_000;

/**
 * Issue 7: PGlite has no autovacuum (one standalone backend), so the worker vacuums and analyzes
 * the embedded database once a day; on a PostgreSQL server autovacuum does, and the worker leaves
 * it alone.
 */
describe('the embedded database’s daily upkeep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    const staff = await t.signedIn('upkeep-staff', { roles: [] });
    for (let i = 0; i < 5; i++) await t.fileRequest(staff);
  });
  afterAll(() => t.stop());

  const requestsTable = async () =>
    (
      await sql<{ reltuples: number; relallvisible: number }>`
        select reltuples::int as reltuples, relallvisible from pg_class where relname = 'requests'`.execute(
        t.database.db,
      )
    ).rows[0]!;
  /** How often a count of the requests by state still visits the table for its index's entries. */
  const heapFetches = () =>
    t.database.db.transaction().execute(async (tx) => {
      // Five rows would be read whole; the index-only scan is what a queue of thousands gets.
      await sql`set local enable_seqscan = off`.execute(tx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`
        explain (analyze, costs off) select count(*) from requests where status = 'submitted'`.execute(tx);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('Index Only Scan');
      return Number(/Heap Fetches: (\d+)/.exec(plan)![1]);
    });

  it('on PGlite vacuums and analyzes every table once a day; on a server leaves it to autovacuum', async () => {
    if (t.database.kind === 'postgresql') {
      expect((await runWorkerOnce(t.app.services)).tablesVacuumed).toBeNull();
      t.clock.advance(25 * HOUR);
      expect((await runWorkerOnce(t.app.services)).tablesVacuumed).toBeNull();
      return;
    }
    const tables = Number(
      (
        await sql<{ n: number }>`select count(*) as n from pg_tables where schemaname = current_schema()`.execute(
          t.database.db,
        )
      ).rows[0]!.n,
    );
    // Never vacuumed nor analyzed: the planner knows nothing of the table, and a count by an
    // index visits the table for every entry (a filing's own updates left dead versions too).
    expect(await requestsTable()).toEqual({ reltuples: -1, relallvisible: 0 });
    expect(await heapFetches()).toBeGreaterThanOrEqual(5);

    expect((await runWorkerOnce(t.app.services)).tablesVacuumed).toBe(tables);
    expect(await requestsTable()).toEqual({ reltuples: 5, relallvisible: expect.any(Number) });
    expect((await requestsTable()).relallvisible).toBeGreaterThan(0);
    expect(await heapFetches()).toBe(0);

    // Once a day: not again the same day, again the next.
    t.clock.advance(23 * HOUR);
    expect((await runWorkerOnce(t.app.services)).tablesVacuumed).toBeNull();
    t.clock.advance(2 * HOUR);
    expect((await runWorkerOnce(t.app.services)).tablesVacuumed).toBe(tables);
  });
});
