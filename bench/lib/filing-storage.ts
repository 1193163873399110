import { newId } from '../../src/db/ids.js';
import { auditContentPartsFilling } from '../../src/domain/audit-chain.js';
import { loopRate, type Statements } from './db-probes.js';
import type { SqlTarget } from './sql-target.js';

/**
 * The storage ceiling of a filing (issue 7): what the database alone allows, with no GovDesk in
 * front of it. A minimal client loop stores what a general filing stores, in one transaction of
 * one statement prepared as GovDesk's pools prepare it (`requestRepository.insertNumbered` is its
 * model): the year's next number from its counter (held to the commit), the request's row (a copy
 * of a submitted general request with running clocks, so with its real width and its fifteen
 * indexes), its `created` event and one `clock_started` for each of its clocks, those clocks, and
 * the audit record, appended by `govdesk_audit_append` (the chain's lock and the tail's hash). No
 * caller, organisation, workflow, notice or response. No implementation of this schema files
 * faster than this on the same database, so the create scenario's rate beside it is what GovDesk's
 * own work costs, and a target above it is beyond the schema and the rules. `order` measures the
 * rules apart (FilingOrder). The rows it stores, counted before, are removed afterwards.
 */
export async function filingStorageCeiling(
  target: SqlTarget,
  url: string | null,
  clients: number,
  ms: number,
  order: FilingOrder = 'gapless',
): Promise<FilingStorage | null> {
  const template = await templateFiling(target);
  if (!template) return null;
  const statement = filingStatement(order);
  await target.query('create sequence if not exists bench_filing_number');
  // The keys of the requests it stores, to count and remove them by their primary key.
  const ids: string[] = [];
  try {
    const perSecond = await loopRate(target, url, clients, ms, (i) => {
      ids.push(newId());
      return filing(template, statement, ids.at(-1)!, i);
    });
    const [stored] = await target.query<{ filings: string; events: string; clocks: string }>(
      `select count(*) as filings,
         (select count(*) from request_events where request_id = any($1::uuid[])) as events,
         (select count(*) from request_clocks where request_id = any($1::uuid[])) as clocks
       from requests where id = any($1::uuid[])`,
      [ids],
    );
    const filings = Number(stored!.filings);
    return {
      perSecond,
      filings,
      eventsEach: Number(stored!.events) / filings,
      clocksEach: Number(stored!.clocks) / filings,
    };
  } finally {
    // Events and clocks go with their request (on delete cascade). The probe's audit records are
    // the chain's tail, since nothing else appends while it runs: removing them leaves it whole.
    await target.query(`delete from requests where id = any($1::uuid[])`, [ids]);
    await target.query(`delete from request_number_counters where prefix = 'BENCH'`);
    await target.query(`delete from audit_log where action = 'bench.filing_storage'`);
    await target.query('drop sequence bench_filing_number');
  }
}

/** A probe's rate, and what it stored: filings, and the events and clocks of each. */
export type FilingStorage = { perSecond: number; filings: number; eventsEach: number; clocksEach: number };

/** The statements of filing `i`, request `id`: its transaction, its rows as JSON, its record's parts. */
function filing(template: TemplateFiling, statement: string, id: string, i: number): Statements {
  const at = new Date().toISOString();
  const request = { ...template.request, id, created_at: at, updated_at: at };
  const events = [
    { ...template.created, request_id: id, seq: 1, at },
    ...template.clocks.map((c, k) => ({
      request_id: id,
      seq: k + 2,
      kind: 'clock_started',
      actor_id: template.created.actor_id,
      at,
      data: { clock: c.target_key, dueAt: c.due_at, label: CLOCK_LABEL, source: CLOCK_SOURCE },
    })),
  ];
  // Each clock as a filing starts it: running from now, nothing consumed, not yet breached.
  const clocks = template.clocks.map((c) => ({
    ...c,
    id: newId(),
    request_id: id,
    status: 'running',
    started_at: at,
    running_since: at,
    consumed_ms: 0,
    stopped_at: null,
    breached_at: null,
    warnings_sent: 0,
    chase_count: 0,
  }));
  const record = {
    actorId: template.created.actor_id,
    action: 'bench.filing_storage',
    objectType: 'request',
    objectId: id,
    ip: null,
    data: { probe: i },
  };
  const parts = auditContentPartsFilling(record, 'number');
  const values = [
    JSON.stringify(request),
    JSON.stringify({ events, clocks }),
    record.actorId,
    record.action,
    record.objectType,
    record.objectId,
    record.ip,
    JSON.stringify(record.data),
    parts.head,
    parts.middleBefore,
    parts.middleAfter,
    parts.tail,
  ];
  return [
    ['begin', [], 'prepared'],
    [statement, values, 'prepared'],
    ['commit', [], 'prepared'],
  ];
}

const CLOCK_LABEL = { en: 'Fault repaired (8 working hours)', 'zh-TW': '障礙修復（8 工作小時）' };
const CLOCK_SOURCE = '004 壹: 所有障礙需於八個工作小時內修復，或說明原因及可完成時間';

/**
 * What orders filings: `gapless` as GovDesk files (the year's counter row and the audit chain's
 * lock, both held to the commit); `chained`, numbers from a sequence (a rolled-back filing leaves
 * a gap) and the audit chain; `unordered`, a sequence and an audit record outside the chain (its
 * own hash, no lock). The last two are what the rules would cost if GovDesk dropped them.
 */
export type FilingOrder = 'gapless' | 'chained' | 'unordered';

/** One statement per filing: `$1` the request's row and `$2` its events and clocks, as JSON; then the record's parts. */
function filingStatement(order: FilingOrder) {
  const number =
    order === 'gapless'
      ? `insert into request_number_counters (prefix, year, last_value) values ('BENCH', 9999, 1)
         on conflict (prefix, year) do update set last_value = request_number_counters.last_value + 1
         returning last_value`
      : `select nextval('bench_filing_number') as last_value`;
  // The record's content as `govdesk_audit_append` hashes it, less the instant and the id.
  const content = `$9::text || $10::text || to_json(filed.number)::text || $11::text || $12::text`;
  const audit =
    order === 'unordered'
      ? `,
  audited as (
    insert into audit_log (id, at, actor_id, action, object_type, object_id, ip, data, hash)
    select -nextval('bench_filing_number'), now(), $3::uuid, $4::text, $5::text, $6::text, $7::text,
      $8::jsonb || jsonb_build_object('number', filed.number), encode(sha256(convert_to(${content}, 'UTF8')), 'hex')
    from filed returning id)
  select id from audited`
      : `
  select govdesk_audit_append($3::uuid, $4::text, $5::text, $6::text, $7::text,
    $8::jsonb || jsonb_build_object('number', filed.number), $9::text,
    $10::text || to_json(filed.number)::text || $11::text, $12::text) from filed`;
  return `with counter as (${number}),
  filed as (
    insert into requests
    select p.* from jsonb_populate_record(null::requests,
      $1::jsonb || jsonb_build_object('number', 'BENCH-' || (select last_value from counter))) p
    returning id, number),
  events as (
    insert into request_events (request_id, seq, kind, actor_id, at, from_status, to_status, data)
    select e.request_id, e.seq, e.kind, e.actor_id, e.at, e.from_status, e.to_status, e.data
    from jsonb_to_recordset($2::jsonb -> 'events') as e(request_id uuid, seq int, kind text, actor_id uuid,
      at timestamptz, from_status text, to_status text, data jsonb)),
  clocks as (
    insert into request_clocks
    select p.* from jsonb_populate_recordset(null::request_clocks, $2::jsonb -> 'clocks') p)${audit}`;
}

type TemplateFiling = {
  request: Record<string, unknown>;
  created: {
    kind: string;
    actor_id: string | null;
    from_status: string | null;
    to_status: string | null;
    data: unknown;
  };
  clocks: Array<Record<string, unknown> & { target_key: string; due_at: string | null }>;
};

/**
 * Of the newest thousand submitted general requests, the newest with the most running clocks (a
 * general filing starts three): its row, its `created` event and those clocks.
 */
async function templateFiling(target: SqlTarget): Promise<TemplateFiling | null> {
  const [row] = await target.query<{
    request: Record<string, unknown>;
    created: TemplateFiling['created'];
    clocks: TemplateFiling['clocks'];
  }>(
    `select to_jsonb(r) as request,
       (select jsonb_build_object('kind', e.kind, 'actor_id', e.actor_id, 'from_status', e.from_status,
          'to_status', e.to_status, 'data', e.data)
        from request_events e where e.request_id = r.id and e.kind = 'created') as created,
       (select jsonb_agg(to_jsonb(c)) from request_clocks c where c.request_id = r.id and c.status = 'running') as clocks
     from (select * from requests where type = 'general' and status = 'submitted'
           order by created_at desc limit 1000) r
     order by (select count(*) from request_clocks c where c.request_id = r.id and c.status = 'running') desc,
       r.created_at desc
     limit 1`,
  );
  // None of them has a running clock: a data set with nothing to copy.
  if (!row?.created || !row.clocks) return null;
  return row;
}
