import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRepository } from '../../src/db/repositories/report.repository.js';
import { TestApp } from '../helpers/test-app.js';

/**
 * Issue 7 (SLA-4), on a PostgreSQL server, where transactions run side by side: steps that stop,
 * breach or reopen clocks (some of them rolled back) while the worker folds the outcomes journal
 * again and again. No outcome may be lost or counted twice: when all is done, the daily counts
 * equal a count of the clocks themselves.
 */
describe('folding service-level outcomes while steps commit and roll back', () => {
  let t: TestApp;
  let clocks: string[];

  beforeAll(async () => {
    t = await TestApp.start();
    const desk = await t.signedIn('fold-desk', { roles: ['desk_agent'] });
    const { db } = t.database;
    clocks = [];
    for (let i = 0; i < 8; i++) {
      const request = (await t.fileRequest(desk)).id;
      const rows = await db
        .insertInto('request_clocks')
        .values(
          ['a', 'b', 'c', 'd', 'e'].map((k, j) => ({
            request_id: request,
            request_type: 'general' as const,
            target_key: `fold.${k}`,
            basis: 'working' as const,
            target_ms: 3_600_000,
            status: 'running' as const,
            consumed_ms: 0,
            running_since: null,
            started_at: new Date(Date.UTC(2026, 10, 2 + j, 3)),
            stopped_at: null,
            due_at: null,
            breached_at: null,
            next_check_at: null,
          })),
        )
        .returning('id')
        .execute();
      clocks.push(...rows.map((r) => r.id));
    }
  });
  afterAll(() => t.stop());

  it('loses and doubles nothing', async () => {
    const { db } = t.database;
    const outcomes = [
      { status: 'stopped' as const, consumed_ms: 60_000, breached_at: null },
      { status: 'stopped' as const, consumed_ms: 7_200_000, breached_at: null },
      { status: 'running' as const, consumed_ms: 0, breached_at: new Date() },
      { status: 'running' as const, consumed_ms: 0, breached_at: null },
    ];
    let committed = 0;
    let rolledBack = 0;
    let stepping = true;
    const step = async (worker: number) => {
      for (let i = 0; i < 40; i++) {
        const clock = clocks[(worker * 7 + i * 3) % clocks.length]!;
        const outcome = outcomes[(worker + 2 * i) % outcomes.length]!;
        const rollBack = (worker + i) % 5 === 0;
        try {
          await db.transaction().execute(async (tx) => {
            await tx.updateTable('request_clocks').set(outcome).where('id', '=', clock).execute();
            // Held open a moment, as a step's later statements hold it, while folds run.
            await sql`select pg_sleep(0.002)`.execute(tx);
            if (rollBack) throw new Error('rolled back');
          });
          committed++;
        } catch (error) {
          if ((error as Error).message !== 'rolled back') throw error;
          rolledBack++;
        }
      }
    };
    let folds = 0;
    let whileStepping = 0;
    const fold = async () => {
      while (stepping) {
        whileStepping += await reportRepository.foldOutcomes(db);
        folds++;
      }
    };
    const folding = [fold(), fold()];
    await Promise.all([0, 1, 2, 3, 4, 5].map(step));
    stepping = false;
    await Promise.all(folding);
    await reportRepository.foldOutcomes(db);

    expect(committed).toBe(192);
    expect(rolledBack).toBe(48);
    expect(folds).toBeGreaterThan(10);
    // Most of the journal was folded while steps were still writing to it.
    expect(whileStepping).toBeGreaterThan(50);
    const report = await reportRepository.serviceLevels(db, '2026-11-01', '2026-11-30', 'target');
    const { rows: definition } = await sql<{ key: string; met: string; breached: string; open: string }>`
      select target_key as key,
             count(*) filter (where status = 'stopped' and consumed_ms <= target_ms and breached_at is null) as met,
             count(*) filter (where breached_at is not null or (status = 'stopped' and consumed_ms > target_ms)) as breached,
             count(*) filter (where status <> 'stopped' and breached_at is null) as open
        from request_clocks where target_key like 'fold.%' group by 1 order by 1`.execute(db);
    expect(
      report
        .filter((r) => r.key?.startsWith('fold.'))
        .map(({ key, met, breached, open }) => ({ key, met, breached, open }))
        .sort((a, b) => (a.key! < b.key! ? -1 : 1)),
    ).toEqual(
      definition.map((d) => ({ key: d.key, met: Number(d.met), breached: Number(d.breached), open: Number(d.open) })),
    );
    // Everything was folded: the report's figures come from the daily counts alone.
    const { rows: journal } = await sql<{ n: string }>`select count(*) as n from sla_outcome_journal`.execute(db);
    expect(Number(journal[0]!.n)).toBe(0);
  });
});
