import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRepository, type SlaReportRow } from '../../src/db/repositories/report.repository.js';
import { runWorkerOnce } from '../../src/server/worker.js';
import type { RequestType } from '../../src/shared/request-vocabulary.js';
import { TestApp } from '../helpers/test-app.js';

/**
 * Issue 7 (SLA-4): a period's service levels by type and by clock add daily counts of final
 * outcomes, kept by a trigger on `request_clocks` through a journal the worker folds, to the open
 * clocks counted live. Whatever is written to the clocks, the report must equal the count of the
 * clocks themselves: the definition below, as the report computed it before the counts.
 */
const TYPES: RequestType[] = ['general', 'security_incident', 'dc_equipment'];
const KEYS = ['k.response', 'k.resolve', 'k.report', 'k.close', 'k.visit', 'k.reply'];
const STATUSES = ['running', 'paused', 'stopped'] as const;
// Around Taipei midnights: 2026-11-10T16:00Z is 11 November 00:00 in Taipei.
const BASE = Date.parse('2026-11-09T12:00:00Z');
const HOUR = 3_600_000;
const PERIODS: Array<[string, string]> = [
  ['2026-11-10', '2026-11-10'],
  ['2026-11-11', '2026-11-11'],
  ['2026-11-10', '2026-11-12'],
  ['2026-11-09', '2026-11-14'],
  ['2026-11-12', '2026-11-11'],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('service levels from daily counts of final outcomes', () => {
  let t: TestApp;
  let requests: string[];

  beforeAll(async () => {
    t = await TestApp.start();
    const desk = await t.signedIn('tally-desk', { roles: ['desk_agent'] });
    requests = [];
    for (let i = 0; i < 6; i++) requests.push((await t.fileRequest(desk)).id);
    // Only the clocks this test writes: the filings' own are counted like any other, but their
    // start (the test clock's now) is outside the periods compared.
    await t.database.db.deleteFrom('request_clocks').execute();
  });
  afterAll(() => t.stop());

  /** The report's definition, straight from the clocks. */
  async function definition(from: string, to: string, column: 'request_type' | 'target_key') {
    const { rows } = await sql<{ key: string; total: string; met: string; breached: string; open: string }>`
      select ${sql.ref(column)} as key, count(*) as total,
             count(*) filter (where status = 'stopped' and consumed_ms <= target_ms and breached_at is null) as met,
             count(*) filter (where breached_at is not null or (status = 'stopped' and consumed_ms > target_ms)) as breached,
             count(*) filter (where status <> 'stopped' and breached_at is null) as open
        from request_clocks
       where started_at >= ${new Date(`${from}T00:00:00+08:00`)}
         and started_at < ${new Date(Date.parse(`${to}T00:00:00+08:00`) + 24 * HOUR)}
       group by 1`.execute(t.database.db);
    return rows
      .map((r) => ({
        key: r.key,
        label: r.key,
        total: Number(r.total),
        met: Number(r.met),
        breached: Number(r.breached),
        open: Number(r.open),
      }))
      .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
  }

  async function expectReportsToMatch() {
    for (const [from, to] of PERIODS)
      for (const [groupBy, column] of [
        ['type', 'request_type'],
        ['target', 'target_key'],
      ] as const) {
        const report: SlaReportRow[] = await reportRepository.serviceLevels(t.database.db, from, to, groupBy);
        expect(report, `${from}..${to} by ${groupBy}`).toEqual(await definition(from, to, column));
      }
  }

  const journalRows = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from sla_outcome_journal`.execute(t.database.db)).rows[0]!.n);

  it('equals the clocks after any insert, update or delete, folded or not', async () => {
    const { db } = t.database;
    const random = rng(20261124);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const clockValues = () => {
      const status = pick(STATUSES);
      const target = 4 * HOUR;
      return {
        status,
        target_ms: target,
        consumed_ms: Math.floor(random() * 2 * target),
        breached_at: random() < 0.25 ? new Date(BASE + 100 * HOUR) : null,
        // Every 20 minutes over five days, across the Taipei midnights.
        started_at: new Date(BASE + Math.floor(random() * 360) * 20 * 60_000),
      };
    };
    let folds = 0;
    let nonEmptyChecks = 0;
    for (let batch = 0; batch < 12; batch++) {
      for (let op = 0; op < 25; op++) {
        const clocks = await db.selectFrom('request_clocks').select(['id', 'request_id', 'target_key']).execute();
        const roll = random();
        if (roll < 0.45 || clocks.length < 5) {
          const request = pick(requests);
          const taken = new Set(clocks.filter((c) => c.request_id === request).map((c) => c.target_key));
          const key = KEYS.find((k) => !taken.has(k));
          if (!key) continue;
          await db
            .insertInto('request_clocks')
            .values({
              request_id: request,
              request_type: pick(TYPES),
              target_key: key,
              basis: 'working',
              running_since: null,
              stopped_at: null,
              due_at: null,
              next_check_at: null,
              ...clockValues(),
            })
            .execute();
        } else if (roll < 0.9) {
          // A step stops or pauses it, the sweep breaches it, a repair moves its start or type.
          const { started_at, ...outcome } = clockValues();
          const changes =
            random() < 0.2
              ? { started_at, request_type: pick(TYPES) }
              : random() < 0.1
                ? { warnings_sent: 1 }
                : outcome;
          await db.updateTable('request_clocks').set(changes).where('id', '=', pick(clocks).id).execute();
        } else {
          await db.deleteFrom('request_clocks').where('id', '=', pick(clocks).id).execute();
        }
      }
      if (batch % 3 === 1) {
        const pending = await journalRows();
        expect(await reportRepository.foldOutcomes(db)).toBe(pending);
        expect(await journalRows()).toBe(0);
        folds++;
      } else if ((await journalRows()) > 0) nonEmptyChecks++;
      await expectReportsToMatch();
    }
    expect(folds).toBe(4);
    // Reports were also compared with outcomes still in the journal.
    expect(nonEmptyChecks).toBeGreaterThan(4);
    const [{ n: clocks }] = (await sql<{ n: string }>`select count(*) as n from request_clocks`.execute(db)).rows as [
      { n: string },
    ];
    expect(Number(clocks)).toBeGreaterThan(20);
  });

  it('is what a recount from the clocks gives, and the worker folds the journal', async () => {
    const { db } = t.database;
    await reportRepository.foldOutcomes(db);
    const clock = await db
      .selectFrom('request_clocks')
      .select('id')
      // An open clock: stopping it in time adds one met outcome, and takes nothing away.
      .where('status', '<>', 'stopped')
      .where('breached_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('request_clocks')
      .set({ status: 'stopped', consumed_ms: 0, breached_at: null })
      .where('id', '=', clock.id)
      .execute();
    expect(await journalRows()).toBe(1);
    const folded = await runWorkerOnce(t.app.services);
    expect(folded.outcomesFolded).toBe(1);
    expect(await journalRows()).toBe(0);

    const days = () =>
      db
        .selectFrom('sla_outcome_days')
        .selectAll()
        .orderBy('start_day')
        .orderBy('request_type')
        .orderBy('target_key')
        .execute();
    const counted = await days();
    await reportRepository.recountOutcomes(db);
    const recounted = await days();
    // The folded counts may keep a day whose outcomes all went away (zeros); a recount does not.
    expect(recounted).toEqual(counted.filter((d) => d.met !== 0 || d.breached !== 0));
    expect(recounted.length).toBeGreaterThan(5);
    await expectReportsToMatch();
  });

  it('counts a day from Taipei midnight', async () => {
    const { db } = t.database;
    const request = requests[0]!;
    await db.deleteFrom('request_clocks').where('request_id', '=', request).execute();
    const stopped = {
      request_id: request,
      request_type: 'general' as const,
      basis: 'working' as const,
      status: 'stopped' as const,
      target_ms: HOUR,
      consumed_ms: 0,
      running_since: null,
      stopped_at: null,
      due_at: null,
      breached_at: null,
      next_check_at: null,
    };
    await db
      .insertInto('request_clocks')
      .values([
        { ...stopped, target_key: 'midnight.before', started_at: new Date('2026-11-11T15:59:59.999Z') },
        { ...stopped, target_key: 'midnight.at', started_at: new Date('2026-11-11T16:00:00Z') },
      ])
      .execute();
    const keys = async (day: string) =>
      (await reportRepository.serviceLevels(db, day, day, 'target'))
        .map((r) => r.key)
        .filter((k) => k?.startsWith('midnight'));
    expect(await keys('2026-11-11')).toEqual(['midnight.before']);
    expect(await keys('2026-11-12')).toEqual(['midnight.at']);
  });
});
