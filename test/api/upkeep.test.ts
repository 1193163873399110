import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upkeepDue } from '../../src/server/services/upkeep.service.js';
import { runWorkerOnce } from '../../src/server/worker.js';
import { TestApp } from '../helpers/test-app.js';

/**
 * Issue 7: PGlite has no autovacuum (one standalone backend), so the worker vacuums and analyzes
 * the embedded database once a night; on a PostgreSQL server autovacuum does, and the worker
 * leaves it alone.
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

  it('on PGlite vacuums and analyzes every table at once, then once a night; on a server leaves it to autovacuum', async () => {
    if (t.database.kind === 'postgresql') {
      expect((await runWorkerOnce(t.app.services)).tablesVacuumed).toBeNull();
      t.clock.current = new Date('2026-11-24T18:30:00Z'); // 02:30 Taipei, two nights later
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

    // Then once a night, after 02:00 Taipei time (18:00 UTC), not in office hours.
    const at = async (instant: string) => {
      t.clock.current = new Date(instant);
      return (await runWorkerOnce(t.app.services)).tablesVacuumed;
    };
    expect(await at('2026-11-23T09:29:00Z')).toBeNull(); // 17:29, the first run's day
    expect(await at('2026-11-23T17:59:00Z')).toBeNull(); // 01:59 the next night
    expect(await at('2026-11-23T18:00:00Z')).toBe(tables); // 02:00
    expect(await at('2026-11-23T19:30:00Z')).toBeNull(); // 03:30, done tonight
    expect(await at('2026-11-24T03:00:00Z')).toBeNull(); // 11:00
    expect(await at('2026-11-24T18:30:00Z')).toBe(tables); // 02:30 the night after
    // A server that is off every night: at any hour once two days have gone by without it.
    expect(await at('2026-11-26T10:00:00Z')).toBeNull(); // 18:00 on the 26th, 39.5 hours after
    expect(await at('2026-11-26T23:00:00Z')).toBe(tables); // 07:00 on the 27th, 52.5 hours after
    expect(await at('2026-11-27T01:00:00Z')).toBeNull(); // 09:00
  });

  it('is due at once on a database never kept, then at night or when two days overdue', () => {
    const last = new Date('2026-11-23T02:00:00Z'); // 10:00 Taipei
    expect(upkeepDue(null, new Date('2026-11-23T06:00:00Z'))).toBe(true);
    expect(upkeepDue(last, new Date('2026-11-23T17:59:59Z'))).toBe(false);
    expect(upkeepDue(last, new Date('2026-11-23T18:00:00Z'))).toBe(true);
    expect(upkeepDue(last, new Date('2026-11-23T20:59:59Z'))).toBe(true);
    expect(upkeepDue(last, new Date('2026-11-23T21:00:00Z'))).toBe(false); // 05:00
    expect(upkeepDue(new Date('2026-11-23T18:00:00Z'), new Date('2026-11-23T20:00:00Z'))).toBe(false);
    expect(upkeepDue(last, new Date('2026-11-25T01:59:59Z'))).toBe(false);
    expect(upkeepDue(last, new Date('2026-11-25T02:00:00Z'))).toBe(true);
  });
});
