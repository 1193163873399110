import pg from 'pg';
import { statementKind } from '../../src/db/preparable.js';
import type { SqlTarget } from './sql-target.js';

/**
 * One round of a loop: statements sent one after the other on one connection. One marked
 * `prepared` is sent as GovDesk's pools send it (src/db): a query parsed and planned once per
 * connection, transaction control as it is.
 */
export type Statements = Array<[text: string, params: unknown[], prepared?: 'prepared']>;

/**
 * Rate of a loop of rounds (`round(i)`: one statement, or a transaction's) on `clients`
 * connections for `ms` milliseconds.
 */
export async function loopRate(
  target: SqlTarget,
  url: string | null,
  clients: number,
  ms: number,
  round: (i: number) => Statements,
): Promise<number> {
  // PGlite has one connection: one loop. A server gets `clients` connections, like the app's pool.
  const runners: Array<(text: string, params: unknown[], prepared?: 'prepared') => Promise<unknown>> = [];
  const opened: pg.Client[] = [];
  const names = new Map<string, string>();
  const nameOf = (text: string) => names.get(text) ?? names.set(text, `bench_${names.size}`).get(text)!;
  if (url) {
    for (let c = 0; c < clients; c++) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      opened.push(client);
      runners.push((text, values, prepared) =>
        prepared && statementKind(text) === 'reusable'
          ? client.query({ name: nameOf(text), text, values })
          : client.query(text, values),
      );
    }
  } else
    runners.push((text, params, prepared) =>
      (prepared && target.prepared ? target.prepared : target.query)(text, params),
    );
  let done = 0;
  const end = performance.now() + ms;
  const t0 = performance.now();
  await Promise.all(
    runners.map(async (run, c) => {
      let i = c;
      while (performance.now() < end) {
        for (const [text, params, prepared] of round(i)) await run(text, params, prepared);
        i += runners.length;
        done++;
      }
    }),
  );
  const rate = done / ((performance.now() - t0) / 1000);
  await Promise.all(opened.map((c) => c.end()));
  return rate;
}

/** Ceiling for writes: single-row autocommitted INSERTs into a narrow table. */
export async function insertCeiling(target: SqlTarget, url: string | null, clients: number, ms: number) {
  await target.query(
    `create table if not exists bench_insert_ceiling (id bigint generated always as identity primary key, at timestamptz not null default now(), v text not null)`,
  );
  const rate = await loopRate(target, url, clients, ms, (i) => [
    [`insert into bench_insert_ceiling (v) values ($1)`, [`row ${i}`]],
  ]);
  await target.query(`drop table bench_insert_ceiling`);
  return rate;
}

/** Ceiling for reads: a primary-key SELECT of a request. */
export async function pkSelectCeiling(
  target: SqlTarget,
  url: string | null,
  clients: number,
  ms: number,
  ids: string[],
) {
  return loopRate(target, url, clients, ms, (i) => [[`select * from requests where id = $1`, [ids[i % ids.length]]]]);
}

/** Median wall time of a statement run `runs` times, in ms. */
export async function timeQuery(target: SqlTarget, text: string, params: unknown[], runs: number) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = (await target.query(text, params)).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, rows };
}

/**
 * The SLA sweep (src/server/services/sla.service.ts sweep): finding every due clock in the order
 * the worker takes them (`ms`, median of `runs`); one claim of the worker's batch of 200, locked
 * as `clockRepository.claimDue` locks it (`claimMs`); and, once, locking every due clock in one
 * statement as no worker does (`lockAllMs`), for comparison with earlier runs. Rolled back.
 */
export async function timeSweep(target: SqlTarget, runs: number) {
  const now = new Date().toISOString();
  const median = async (text: string, lock: boolean) => {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      if (lock) await target.query('begin');
      const t0 = performance.now();
      rows = (await target.query(text, [now])).length;
      times.push(performance.now() - t0);
      if (lock) await target.query('rollback');
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)]!, rows };
  };
  const find = await median(SWEEP_SQL, false);
  const claim = await median(`${SWEEP_SQL} limit 200 for update of c skip locked`, true);
  await target.query('begin');
  const t0 = performance.now();
  await target.query(`${SWEEP_SQL} for update of c skip locked`, [now]);
  const lockAllMs = performance.now() - t0;
  await target.query('rollback');
  const [open] = await target.query<{ n: string }>(`select count(*) as n from request_clocks where status = 'running'`);
  return { ms: find.ms, dueClocks: find.rows, openClocks: Number(open!.n), claimMs: claim.ms, lockAllMs };
}

/** The worker's query for due clocks (clockRepository.claimDue), without its batch limit and lock. */
const SWEEP_SQL = `select c.* from request_clocks c where c.next_check_at <= $1 order by c.next_check_at`;

/**
 * The hot queries as the repositories build them (src/db/repositories/request.repository.ts,
 * report.repository.ts), for EXPLAIN ANALYZE. `$me` is a requester, `$id` a request.
 */
export function hotQueries(me: string, id: string, year: number) {
  const listCols = `r.*, u.name as unit_name, a.display_name as assignee_name
    from requests r join units u on u.id = r.unit_id left join users a on a.id = r.assignee_id`;
  // Lists count their matches up to 10,001, searches up to 1,001 (request.repository.ts COUNT_CAP, TEXT_COUNT_CAP).
  const capped = (where: string, cap = 10_000) =>
    `select count(*) from (select 1 from requests r where ${where} limit ${cap + 1}) m`;
  // The free-text search's expression, as the trigram index requests_search_trgm_idx holds it.
  const text = `(r.number || ' ' || r.title || ' ' || r.description || ' ' || r.applicant_name)`;
  // One- and two-character terms: the grams index (request.repository.ts searchCondition).
  const short = `govdesk_search_grams(${text}) @> govdesk_search_pairs($2) and ${text} like $1`;
  return {
    'queue (status + type, sort dueAt, 50 rows)': [
      `select ${listCols} where r.status in ('submitted') and r.type in ('general') order by r.sla_due_at asc, r.id limit 50`,
      [],
    ],
    'queue count (capped)': [capped(`r.status in ('submitted') and r.type in ('general')`), []],
    'my requests (mine=true, sort -createdAt)': [
      `select ${listCols} where (r.created_by = $1 or r.applicant_user_id = $1) order by r.created_at desc, r.id limit 50`,
      [me],
    ],
    'my requests count (capped)': [capped(`(r.created_by = $1 or r.applicant_user_id = $1)`), [me]],
    'Chinese search q=印表機 (trigram)': [
      `select ${listCols} where ${text} like $1 order by r.created_at desc, r.id limit 50`,
      ['%印表機%'],
    ],
    'Chinese search count (capped)': [capped(`${text} like $1`, 1_000), ['%印表機%']],
    'Chinese search q=網路 (two characters: grams index)': [
      `select ${listCols} where ${short} order by r.created_at desc, r.id limit 50`,
      ['%網路%', '網路'],
    ],
    'two-character search count (capped)': [capped(short, 1_000), ['%網路%', '網路']],
    'request page: request + history': [`select * from request_events e where e.request_id = $1 order by e.seq`, [id]],
    // src/db/repositories/report.repository.ts `tallied`: final outcomes from their daily counts
    // and the journal not yet folded, open clocks live (migration 20261124T0700).
    "year's service levels by type": [
      `select o.key, sum(o.met) + sum(o.breached) + sum(o.open) as total,
              sum(o.met) as met, sum(o.breached) as breached, sum(o.open) as open
         from (select request_type as key, met, breached, 0 as open from sla_outcome_days
                where start_day >= $1 and start_day <= $2
               union all
               select request_type, met, breached, 0 from sla_outcome_journal
                where start_day >= $1 and start_day <= $2
               union all
               select request_type, 0, 0, count(*) from request_clocks
                where status <> 'stopped' and breached_at is null and started_at >= $3 and started_at < $4
                group by request_type) o
        group by o.key having sum(o.met) + sum(o.breached) + sum(o.open) > 0
        order by total desc, o.key`,
      [`${year}-01-01`, `${year}-12-31`, `${year}-01-01T00:00:00+08:00`, `${year + 1}-01-01T00:00:00+08:00`],
    ],
    // What the report read before the daily counts, and still reads by unit, assignee or vendor
    // (with a join to each clock's request).
    "year's clocks, every one read": [
      `select c.request_type, count(*),
         count(*) filter (where c.status = 'stopped' and c.consumed_ms <= c.target_ms and c.breached_at is null) as met,
         count(*) filter (where c.breached_at is not null or (c.status = 'stopped' and c.consumed_ms > c.target_ms)) as breached,
         count(*) filter (where c.status <> 'stopped' and c.breached_at is null) as open
       from request_clocks c
       where c.started_at >= $1 and c.started_at < $2 group by c.request_type order by count(*) desc`,
      [`${year}-01-01T00:00:00+08:00`, `${year + 1}-01-01T00:00:00+08:00`],
    ],
    'SLA sweep: every due clock': [SWEEP_SQL, [new Date().toISOString()]],
    'SLA sweep: one claim of 200': [`${SWEEP_SQL} limit 200 for update of c skip locked`, [new Date().toISOString()]],
  } satisfies Record<string, [string, unknown[]]>;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each hot query, as text. */
export async function explainAll(target: SqlTarget, queries: Record<string, [string, unknown[]]>) {
  const plans: Record<string, string> = {};
  for (const [name, [text, params]] of Object.entries(queries)) {
    await target.query('begin');
    const rows = await target.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, params);
    await target.query('rollback');
    plans[name] = rows.map((r) => r['QUERY PLAN']).join('\n');
  }
  return plans;
}
