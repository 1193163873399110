import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/repositories/audit.repository.js';
import { notificationRepository } from '../../src/db/repositories/notification.repository.js';
import { reportRepository } from '../../src/db/repositories/report.repository.js';
import { requestRepository } from '../../src/db/repositories/request.repository.js';
import { TestApp, type Session } from '../helpers/test-app.js';

const PAGE = { sort: 'dueAt', offset: 0, limit: 50 } as const;

/**
 * Issue 7: an agent's queue (state, type, unit) is a prepared statement, planned once and run
 * again by name; a list narrowed to a person or a text is planned for its values at every call,
 * since a generic plan cannot know whether they match five requests or a hundred thousand. And a
 * prepared statement of the hot calls is planned for its first five calls only: after that
 * PostgreSQL keeps the generic plan, unless it costs more than a plan for the values at hand (as
 * it did for a page with `limit $1`, and for the audit chain's tail).
 */
describe('which statements are prepared and planned once', () => {
  let t: TestApp;
  let staff: Session;
  let requestId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    staff = await t.signedIn('plans-staff', { roles: [] });
    requestId = (await t.fileRequest(staff)).id;
  });
  afterAll(() => t.stop());

  /** The request lists the connection prepares while running `lists` (in one transaction: one connection). */
  const preparedLists = (lists: (tx: typeof t.database.db) => Promise<unknown>) =>
    t.database.db.transaction().execute(async (tx) => {
      // The lists' pages: sorted by due time, as PAGE asks.
      const pages = async () =>
        (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(tx)).rows
          .map((r) => r.statement)
          .filter((s) => s.includes('order by "r"."sla_due_at"'));
      const before = new Set(await pages());
      await lists(tx);
      return (await pages()).filter((s) => !before.has(s));
    });

  it('prepares a queue by state and type, and its walk by unit', async () => {
    const prepared = await preparedLists(async (tx) => {
      const unitId = (await tx.selectFrom('units').select('id').executeTakeFirstOrThrow()).id;
      expect(
        (await requestRepository.list(tx, { all: true }, { statuses: ['submitted'], types: ['general'] }, PAGE)).rows,
      ).toHaveLength(1);
      await requestRepository.list(tx, { all: true }, { unitId }, PAGE);
    });
    expect(prepared).toHaveLength(2);
    expect(prepared.filter((s) => s.includes('"r"."status" in'))).toHaveLength(1);
    expect(prepared.filter((s) => s.includes('"r"."unit_id" ='))).toHaveLength(1);
  });

  it('plans the queue, the request page and the audit chain tail once they have run five times', async () => {
    // In a transaction: on one connection, whose prepared statements the view lists.
    const replanned = await t.database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 8; i++) {
        await requestRepository.list(tx, { all: true }, { statuses: ['submitted'], types: ['general'] }, PAGE);
        await requestRepository.page(tx, requestId);
        await auditRepository.append(tx, { actorId: staff.user.id, action: 'request.form_printed' });
      }
      return (
        await sql<{ statement: string }>`select statement from pg_prepared_statements where custom_plans > 5`.execute(
          tx,
        )
      ).rows.map((r) => r.statement);
    });
    expect(replanned).toEqual([]);
  });

  it('keeps a partial index usable in a generic plan: its condition is in the text, not a parameter', async () => {
    // `status <> $1` does not imply the index's `status <> 'stopped'`: the generic plan of a
    // year's report then read every clock of the year (6.3 ms against 1.7 ms at 100,000 requests).
    const plans = await t.database.db.transaction().execute(async (tx) => {
      await sql`set local plan_cache_mode = force_generic_plan`.execute(tx);
      // Left a choice, the planner of a near-empty table reads it whole: only indexes may decide.
      await sql`set local enable_seqscan = off`.execute(tx);
      await reportRepository.serviceLevels(tx, '2025-01-01', '2025-12-31', 'type');
      const now = new Date();
      await notificationRepository.leaseMail(tx, now, new Date(now.getTime() + 60_000), 10);
      const prepared = (
        await sql<{ name: string; params: number; statement: string }>`
          select name, cardinality(parameter_types) as params, statement from pg_prepared_statements`.execute(tx)
      ).rows;
      const planOf = async (needle: string) => {
        const statement = prepared.find((p) => p.statement.includes(needle));
        expect(statement, needle).toBeDefined();
        const nulls = Array.from({ length: Number(statement!.params) }, () => 'null').join(', ');
        const rows = (
          await sql.raw<{ 'QUERY PLAN': string }>(`explain execute "${statement!.name}"(${nulls})`).execute(tx)
        ).rows;
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      };
      return { report: await planOf('"sla_outcome_days"'), mail: await planOf('update "mail_outbox"') };
    });
    expect(plans.report).toContain('request_clocks_open_started_idx');
    expect(plans.mail).toContain('mail_outbox_pending_idx');
  });

  it('plans a list by person or by text at every call', async () => {
    const prepared = await preparedLists(async (tx) => {
      const userId = staff.user.id;
      const all = { all: true } as const;
      const mine = (await requestRepository.list(tx, all, { mineOf: userId }, PAGE)).rows;
      expect(mine).toHaveLength(1);
      await requestRepository.list(tx, all, { assigneeId: userId }, PAGE);
      await requestRepository.list(tx, all, { waitingFor: [`user:${userId}`] }, PAGE);
      await requestRepository.list(tx, all, { text: '印表機' }, PAGE);
      await requestRepository.list(tx, { all: false, userId, unitIds: [] }, {}, PAGE);
    });
    expect(prepared).toEqual([]);
  });
});
