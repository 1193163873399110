import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filingStorageCeiling, type FilingOrder } from '../../bench/lib/filing-storage.js';
import type { SqlTarget } from '../../bench/lib/sql-target.js';
import { auditRepository } from '../../src/db/repositories/audit.repository.js';
import { TestApp } from '../helpers/test-app.js';

/**
 * Issue 7: the bench's storage ceiling of a filing stores whole filings (a request with its
 * `created` and `clock_started` events, its running clocks and its audit record) as fast as it
 * can, and leaves the database as it found it: no request, event, clock, counter or sequence of
 * its own, and the audit chain whole. Through GovDesk's own pool, on PGlite and on a server.
 */
describe('the storage ceiling of a filing (issue 7)', () => {
  let t: TestApp;
  let target: SqlTarget;

  beforeAll(async () => {
    t = await TestApp.start();
    const desk = await t.signedIn('probe-desk', { roles: ['desk_agent'] });
    const staff = await t.signedIn('probe-staff');
    // Filed by a member of staff of a unit without supervisors: at the desk, with running clocks.
    await t.fileRequest(staff);
    await t.fileRequest(desk);
    const query = async <T>(text: string, params: unknown[] = []) =>
      (await t.database.db.executeQuery<T>(CompiledQuery.raw(text, params))).rows;
    target = { kind: t.database.kind, query, prepared: query, close: async () => {} };
  });
  afterAll(() => t.stop());

  const snapshot = async () =>
    (
      await target.query<Record<string, string>>(
        `select (select count(*) from requests) as requests, (select count(*) from request_events) as events,
           (select count(*) from request_clocks) as clocks, (select count(*) from audit_log) as audit,
           (select count(*) from request_number_counters) as counters,
           (select count(*) from sla_outcome_journal) as journal,
           (select count(*) from pg_class where relname = 'bench_filing_number') as sequences`,
      )
    )[0];

  for (const order of ['gapless', 'chained', 'unordered'] as FilingOrder[])
    it(`stores whole filings (${order}) and leaves the database as it found it`, async () => {
      const before = await snapshot();
      const stored = await filingStorageCeiling(target, null, 1, 300, order);

      expect(stored).not.toBeNull();
      expect(stored!.filings).toBeGreaterThan(0);
      expect(stored!.perSecond).toBeGreaterThan(0);
      // A general filing's three clocks, and an event for its creation and each clock's start.
      expect(stored!.clocksEach).toBe(3);
      expect(stored!.eventsEach).toBe(4);
      expect(await snapshot()).toEqual(before);
      expect(await auditRepository.verify(t.database.db)).toMatchObject({ firstBreak: null });
    });
});
