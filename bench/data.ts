/**
 * Issue 7: the bench data set. Requests over every type, unit, workflow state and five years, each
 * with a history of 5–15 events, comments and service-level clocks, loaded in bulk:
 *
 * - on a PostgreSQL server, generated and encoded in a worker thread (bench/lib/data-worker.ts)
 *   while the server takes the previous batch, and loaded with `COPY <table> (…) FROM STDIN` in the
 *   text format (pg-copy-streams, bench/lib/copy-load.ts), one COPY per table and batch of 10,000;
 * - on PGlite, one `insert … select from unnest($arrays)` per table and batch of 2,000.
 *
 * From 100,000 requests the secondary indexes, unique constraints and foreign keys of the four
 * tables are dropped for the load and re-created from their catalogue definitions afterwards
 * (bench/lib/bulk-indexes.ts): on PGlite in the load's transaction, so that a failed or killed load
 * leaves them as they were; on a server after the rows commit, on one connection per core (or
 * `--connections`), with a journal from which the next load finishes a rebuild that was killed.
 *
 *   npm run bench:data -- --requests 100000 [--database postgres://… | --data-dir ./data] [--connections 2]
 *
 * The database must already be migrated and hold the demo agency (`GOVDESK_DEMO=1` start).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { newId } from '../src/db/ids.js';
import { formatRequestNumber } from '../src/domain/request-number.js';
import { CLOCK_TARGETS } from '../src/domain/sla/sla-policies.js';
import { completeRebuild, withoutSecondaryIndexes } from './lib/bulk-indexes.js';
import { generateInWorker } from './lib/data-worker.js';
import { openTarget, type SqlTarget } from './lib/sql-target.js';

type StateDef = { status: string; clocks?: { start?: string[] } };
type TypeDef = { type: string; states: Record<string, StateDef>; clockKeys: string[] };

/** Clock targets by their stable key (`fault.response`). */
const TARGETS = new Map(Object.values(CLOCK_TARGETS).map((t) => [t.key as string, t]));
const FINAL = new Set(['closed', 'rejected', 'cancelled']);
const DAY = 86_400_000;

/** Relative weight of each type: general faults dominate a service desk. */
const TYPE_WEIGHTS: Record<string, number> = {
  general: 55,
  equipment: 12,
  app_dev: 10,
  web_content: 12,
  relocation: 5,
  security_incident: 3,
  vendor_account: 3,
};

const SUBJECTS = [
  '印表機',
  '電腦',
  '網路',
  '電子郵件',
  '公文系統',
  '帳號',
  '密碼',
  '螢幕',
  '筆記型電腦',
  '防毒軟體',
  '視訊會議',
  '網站',
  '無線網路',
  '伺服器',
  '資料庫',
  '掃描器',
  '電話分機',
  'VPN',
  '差勤系統',
  '會計系統',
];
const PROBLEMS = [
  '無法列印',
  '無法開機',
  '連線緩慢',
  '無法登入',
  '需要更新',
  '出現錯誤訊息',
  '請協助安裝',
  '申請權限',
  '需要移機',
  '資料遺失',
  '畫面異常',
  '請協助設定',
  '需要更換',
  '中毒警示',
  '無法寄信',
];
const PLACES = ['三樓東側', '二樓會議室', '一樓服務台', '四樓辦公室', '機房', '五樓西側', '局長室', '檔案室'];
const REMARKS = [
  '已重新開機仍無法排除。',
  '影響同仁辦公，請儘速處理。',
  '上週亦曾發生相同問題。',
  '請於下班前協助。',
  '已聯絡廠商，尚待回覆。',
  '附上錯誤畫面截圖。',
];
const COMMENTS = [
  '已派員前往處理。',
  '請提供電腦財產編號。',
  '已更換零件，請確認。',
  '問題已排除，謝謝。',
  '廠商預計明日到場。',
  '已完成設定，請測試。',
  '尚待採購程序完成。',
];

/** A small deterministic generator, so two runs of the same size load the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadTypes(): TypeDef[] {
  const dir = path.join(import.meta.dirname, '../resources/workflows');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.v1.json'))
    .map((f) => {
      const d = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as {
        type: string;
        states: Record<string, StateDef>;
      };
      const clockKeys = [...new Set(Object.values(d.states).flatMap((s) => s.clocks?.start ?? []))].filter((k) =>
        TARGETS.has(k),
      );
      return { type: d.type, states: d.states, clockKeys };
    });
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);
/** The ROC year of an instant in Asia/Taipei. */
const rocYear = (ms: number) => new Date(ms + 8 * 3_600_000).getUTCFullYear() - 1911;

/** The loaded tables, their columns and the types the unnest path casts each column's array to. */
const TABLES = {
  requests: {
    id: 'uuid',
    number: 'text',
    type: 'text',
    channel: 'text',
    status: 'text',
    unit_id: 'uuid',
    applicant_user_id: 'uuid',
    applicant_name: 'text',
    applicant_phone: 'text',
    application_date: 'date',
    wished_date: 'date',
    title: 'text',
    description: 'text',
    created_by: 'uuid',
    assignee_id: 'uuid',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    closed_at: 'timestamptz',
    priority: 'text',
    sla_state: 'text',
    sla_due_at: 'timestamptz',
    workflow_version: 'int4',
    workflow_state: 'jsonb',
    stage: 'text',
    stage_assignee_id: 'uuid',
  },
  request_events: {
    request_id: 'uuid',
    seq: 'int4',
    kind: 'text',
    actor_id: 'uuid',
    at: 'timestamptz',
    from_status: 'text',
    to_status: 'text',
    data: 'jsonb',
  },
  comments: { request_id: 'uuid', author_id: 'uuid', body: 'text', created_at: 'timestamptz' },
  request_clocks: {
    request_id: 'uuid',
    request_type: 'text',
    target_key: 'text',
    basis: 'text',
    target_ms: 'int8',
    status: 'text',
    consumed_ms: 'int8',
    running_since: 'timestamptz',
    started_at: 'timestamptz',
    stopped_at: 'timestamptz',
    due_at: 'timestamptz',
    warnings_sent: 'int4',
    breached_at: 'timestamptz',
    next_check_at: 'timestamptz',
  },
} satisfies Record<string, Record<string, string>>;
export type Table = keyof typeof TABLES;
/** Parents first: the foreign keys of the later tables point at `requests`. */
export const TABLE_ORDER = Object.keys(TABLES) as Table[];
export const columnsOf = (table: Table) => Object.keys(TABLES[table]);

type Row = Record<string, unknown>;
/** The rows of one batch of requests, by table. */
export type Batch = Record<Table, Row[]>;
export type Counts = { requests: number; events: number; comments: number; clocks: number; openClocks: number };

/** What the generator needs from the database, read once (plain data, so a worker can get it too). */
export type Plan = {
  requests: number;
  now: number;
  seed: number;
  batch: number;
  units: string[];
  byUnit: Array<[string, string[]]>;
  staff: string[];
  handlers: string[];
  /** Each ROC year's last number before the load. */
  lastByYear: Array<[number, number]>;
};

/**
 * The data set, `plan.batch` requests at a time with their events, comments and clocks. `progress`
 * holds the counts and each year's last number so far. Synchronous and seeded: the same plan gives
 * the same rows (but for the random UUIDs).
 */
export function* generateBatches(plan: Plan, progress: { counts: Counts; seqByYear: Map<number, number> }) {
  const random = rng(plan.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const { now, units, staff, handlers } = plan;
  const span = 5 * 365 * DAY;
  const types = loadTypes();
  const typeBag = types.flatMap((t) => Array<TypeDef>(TYPE_WEIGHTS[t.type] ?? 1).fill(t));
  const byUnit = new Map(plan.byUnit);

  // Sequence per ROC year, in creation order: the numbers stay gapless like real ones.
  const times = Array.from({ length: plan.requests }, () => now - Math.floor(random() * span)).sort((a, b) => a - b);
  const { counts, seqByYear } = progress;
  for (const [year, last] of plan.lastByYear) seqByYear.set(year, last);

  let batch: Batch = { requests: [], request_events: [], comments: [], request_clocks: [] };
  for (let i = 0; i < plan.requests; i++) {
    const created = times[i]!;
    const t = pick(typeBag);
    const stateNames = Object.keys(t.states);
    const age = now - created;
    // Old requests are almost all finished; the last months hold the open work.
    const finals = stateNames.filter((s) => FINAL.has(t.states[s]!.status));
    const open = stateNames.filter((s) => !FINAL.has(t.states[s]!.status));
    const wantsFinal = age > 90 * DAY ? random() < 0.97 : age > 14 * DAY ? random() < 0.6 : random() < 0.15;
    const state =
      wantsFinal && finals.length
        ? random() < 0.85
          ? (finals.find((s) => s === 'closed') ?? pick(finals))
          : pick(finals)
        : pick(open);
    const status = t.states[state]!.status;
    const final = FINAL.has(status);
    const unit = pick(units);
    const applicant = pick(byUnit.get(unit) ?? staff);
    const handler = pick(handlers);
    const year = rocYear(created);
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    // Dated by its filing, as GovDesk would have made it then.
    const id = newId(new Date(created));
    const subject = pick(SUBJECTS);
    const problem = pick(PROBLEMS);

    // History: created, then workflow steps and the odd comment, 5–15 entries in all.
    const nEvents = 5 + Math.floor(random() * 11);
    const endAt = final
      ? created + Math.min(age, DAY * (1 + random() * 20))
      : now - Math.floor(random() * Math.min(age, 7 * DAY));
    const step = (endAt - created) / nEvents;
    let at = created;
    let prev: string | null = null;
    for (let s = 1; s <= nEvents; s++) {
      const last = s === nEvents;
      let kind = 'transition';
      if (s === 1) kind = 'created';
      else if (s === 2 && t.clockKeys.length) kind = 'clock_started';
      else if (!last && random() < 0.3) kind = 'commented';
      else if (!last && random() < 0.15) kind = 'assigned';
      const actor = s === 1 ? applicant : kind === 'commented' && random() < 0.5 ? applicant : handler;
      const to = s === 1 ? 'submitted' : last ? status : kind === 'transition' ? 'in_progress' : null;
      const data =
        kind === 'created'
          ? { state: stateNames[0] }
          : kind === 'transition'
            ? { action: last ? 'close' : 'step', to: last ? state : pick(open) }
            : kind === 'clock_started'
              ? { target: t.clockKeys[0] }
              : kind === 'assigned'
                ? { assigneeId: handler }
                : {};
      batch.request_events.push({
        request_id: id,
        seq: s,
        kind,
        actor_id: actor,
        at: iso(at),
        from_status: s === 1 ? null : to ? prev : null,
        to_status: to,
        data: JSON.stringify(data),
      });
      if (kind === 'commented') {
        batch.comments.push({ request_id: id, author_id: actor, body: pick(COMMENTS), created_at: iso(at) });
        counts.comments++;
      }
      if (to) prev = to;
      at += step;
      counts.events++;
    }

    // Clocks of the type: stopped once finished, running (some breached) while open.
    let dueMin: number | null = null;
    let breached = false;
    for (const key of t.clockKeys) {
      const target = TARGETS.get(key)!;
      const due = created + (target.basis === 'wall' ? target.targetMs : target.targetMs * 3);
      const running = !final && random() < 0.8;
      const isBreached = due < (final ? endAt : now) && random() < 0.3;
      breached ||= isBreached && running;
      if (running) dueMin = dueMin === null ? due : Math.min(dueMin, due);
      batch.request_clocks.push({
        request_id: id,
        request_type: t.type,
        target_key: key,
        basis: target.basis,
        target_ms: target.targetMs,
        status: running ? 'running' : 'stopped',
        consumed_ms: running ? 0 : Math.floor(target.targetMs * random()),
        running_since: running ? iso(created) : null,
        started_at: iso(created),
        stopped_at: running ? null : iso(endAt),
        due_at: running ? iso(due) : null,
        warnings_sent: isBreached ? 2 : 0,
        breached_at: isBreached ? iso(due) : null,
        next_check_at: running
          ? iso(isBreached ? now + Math.floor(random() * 2 * 3_600_000) : Math.max(due, now - 60_000))
          : null,
      });
      counts.clocks++;
      if (running) counts.openClocks++;
    }

    batch.requests.push({
      id,
      number: formatRequestNumber(PREFIX, year, seq),
      type: t.type,
      channel: random() < 0.8 ? 'web' : random() < 0.7 ? 'phone' : 'email',
      status,
      unit_id: unit,
      applicant_user_id: t.type === 'vendor_account' ? null : applicant,
      applicant_name: '王小明',
      applicant_phone: '04-2565-8588 #123',
      application_date: day(created),
      wished_date: day(created + 14 * DAY),
      title: `${PLACES[i % PLACES.length]}${subject}${problem}`,
      description: `${pick(PLACES)}的${subject}${problem}，${pick(REMARKS)}`,
      created_by: t.type === 'vendor_account' ? null : applicant,
      assignee_id: random() < 0.8 ? handler : null,
      created_at: iso(created),
      updated_at: iso(endAt),
      closed_at: final ? iso(endAt) : null,
      priority: pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent']),
      sla_state: t.clockKeys.length === 0 ? 'none' : breached ? 'breached' : dueMin !== null ? 'running' : 'met',
      sla_due_at: dueMin === null ? null : iso(dueMin),
      workflow_version: 1,
      workflow_state: JSON.stringify(state),
      stage: final ? null : state,
      stage_assignee_id: final ? null : handler,
    });
    counts.requests++;

    if (batch.requests.length >= plan.batch || i === plan.requests - 1) {
      yield batch;
      batch = { requests: [], request_events: [], comments: [], request_clocks: [] };
    }
  }
}

/** One `insert … select * from unnest($1::uuid[], …)` of a batch's rows of `table`. */
async function insertUnnest(db: SqlTarget, table: Table, rows: Row[]) {
  if (rows.length === 0) return;
  const spec: Record<string, string> = TABLES[table];
  const names = Object.keys(spec);
  const params = names.map((k) => rows.map((r) => r[k] ?? null));
  const select = names.map((k, i) => `$${i + 1}::${spec[k]}[]`).join(', ');
  await db.query(`insert into ${table} (${names.join(', ')}) select * from unnest(${select})`, params);
}

export type DataOptions = {
  requests: number;
  now?: Date;
  seed?: number;
  batch?: number;
  log?: (s: string) => void;
  /** Drop the loaded tables' secondary indexes and foreign keys around the load: by default from 100,000 requests. */
  dropIndexes?: boolean;
  /** Connections that re-create them on a server: by default one per core. */
  connections?: number;
};

/** `maintenance_work_mem` for an index build: PGlite's WebAssembly heap is smaller. */
const buildMemory = (db: SqlTarget) => (db.kind === 'pglite' ? '256MB' : '1GB');

/**
 * Finishes the re-creation of indexes that a killed load left (its journal in `settings`), before
 * the database is loaded again or measured.
 */
export async function finishInterruptedLoad(
  db: SqlTarget,
  log: (s: string) => void,
  connections = availableParallelism(),
): Promise<void> {
  if (await completeRebuild(db, { maintenanceWorkMem: buildMemory(db), log, connections }))
    log('  finished the re-creation of indexes that an earlier load left');
}

/** Loads `requests` generated requests with their history, comments and clocks; returns counts. */
export async function generate(db: SqlTarget, options: DataOptions) {
  const log = options.log ?? (() => {});
  const connections = options.connections ?? availableParallelism();
  await finishInterruptedLoad(db, log, connections);
  const units = await db.query<{ id: string }>(`select id from units order by code`);
  const users = await db.query<{ id: string; unit_id: string | null; username: string }>(
    `select id, unit_id, username from users where disabled_at is null order by username`,
  );
  if (units.length === 0 || users.length === 0)
    throw new Error('no units or users: start GovDesk once with GOVDESK_DEMO=1');
  const byUnit = new Map<string, string[]>();
  for (const u of users) if (u.unit_id) byUnit.set(u.unit_id, [...(byUnit.get(u.unit_id) ?? []), u.id]);
  const existing = await db.query<{ year: number; last_value: number }>(
    `select year, last_value from request_number_counters where prefix = $1`,
    [PREFIX],
  );
  const copy = db.copy;
  const plan: Plan = {
    requests: options.requests,
    now: (options.now ?? new Date()).getTime(),
    seed: options.seed ?? 7,
    // COPY takes bigger batches well: fewer statements, fewer foreign-key trigger queues.
    batch: options.batch ?? (copy ? 10_000 : 2_000),
    units: units.map((u) => u.id),
    byUnit: [...byUnit],
    staff: users.filter((u) => !['admin', 'auditor01'].includes(u.username)).map((u) => u.id),
    handlers: users
      .filter((u) => /^(desk|itofficer|itchief|onsite|vendor|network|security)/.test(u.username))
      .map((u) => u.id),
    lastByYear: existing.map((e) => [Number(e.year), Number(e.last_value)]),
  };
  const progress = {
    counts: { requests: 0, events: 0, comments: 0, clocks: 0, openClocks: 0 },
    seqByYear: new Map<number, number>(),
  };
  const started = Date.now();
  let logged = 0;
  const loaded = () => {
    const n = progress.counts.requests;
    if (n - logged >= 50_000 || n === plan.requests) {
      log(`  ${n} requests loaded (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      logged = n;
    }
  };

  const load = async () => {
    if (copy) {
      // A server: generated and encoded in a worker thread, one COPY per table and batch.
      // Time in each table's COPY (the server's share; the worker generates meanwhile).
      const copyMs: Record<Table, number> = { requests: 0, request_events: 0, comments: 0, request_clocks: 0 };
      // `for await` ends the worker if a COPY fails.
      for await (const message of generateInWorker(plan)) {
        if (message.kind === 'done') {
          Object.assign(progress.counts, message.counts);
          for (const [year, last] of message.seqByYear) progress.seqByYear.set(year, last);
          continue;
        }
        for (const table of TABLE_ORDER) {
          const chunk = message.chunks[table];
          const t0 = performance.now();
          if (chunk.byteLength) await copy(table, columnsOf(table), [chunk]);
          copyMs[table] += performance.now() - t0;
        }
        progress.counts.requests += message.requests;
        loaded();
      }
      const rows: Record<Table, number> = {
        requests: progress.counts.requests,
        request_events: progress.counts.events,
        comments: progress.counts.comments,
        request_clocks: progress.counts.clocks,
      };
      for (const table of TABLE_ORDER)
        log(
          `  ${table}: ${rows[table]} rows in ${(copyMs[table] / 1000).toFixed(1)} s of COPY ` +
            `(${Math.round(rows[table] / (copyMs[table] / 1000))} rows/s)`,
        );
    } else
      for (const batch of generateBatches(plan, progress)) {
        for (const table of TABLE_ORDER) await insertUnnest(db, table, batch[table]);
        loaded();
      }
    // New filings continue each year's sequence after the loaded numbers.
    for (const [year, last] of progress.seqByYear)
      await db.query(
        `insert into request_number_counters (prefix, year, last_value) values ($1, $2, $3)
         on conflict (prefix, year) do update set last_value = greatest(request_number_counters.last_value, excluded.last_value)`,
        [PREFIX, year, last],
      );
  };
  // The clocks' outcome trigger (migration 20261124T0700) would append a journal row for every
  // final clock loaded; the daily counts are made once from the loaded clocks instead. A load
  // killed before the `finally` leaves the trigger off: the next load turns it on again.
  const counted = async () => {
    await db.query(`alter table request_clocks disable trigger ${OUTCOME_TRIGGER}`);
    try {
      await load();
    } finally {
      await db.query(`alter table request_clocks enable trigger ${OUTCOME_TRIGGER}`);
    }
    const t0 = Date.now();
    await db.query('select govdesk_recount_sla_outcomes()');
    log(`  service-level outcomes counted per day in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  if (options.dropIndexes ?? options.requests >= 100_000) {
    const { rebuildSeconds } = await withoutSecondaryIndexes(
      db,
      TABLE_ORDER,
      // Foreign keys too: checking each row's costs more than validating them once at the end.
      { foreignKeys: true, maintenanceWorkMem: buildMemory(db), log, connections },
      counted,
    );
    log(`  indexes re-created in ${rebuildSeconds.toFixed(1)} s`);
  } else await counted();
  // As a server's autovacuum or the embedded database's daily upkeep leaves it (issue 7): pages
  // marked all-visible for index-only scans, and statistics for the planner. Without it a
  // server's autovacuum would start in the middle of a run, and PGlite's queue count would visit
  // the table for every match.
  await db.query('vacuum (analyze)');
  // The load leaves gigabytes of changed pages. Written out and synced here, not while the first
  // scenario runs, whose commits would wait behind them for their own syncs.
  try {
    await db.query('checkpoint');
  } catch (error) {
    // A role without the right (superuser or pg_checkpoint) leaves it to the server's checkpointer.
    if ((error as { code?: string }).code !== '42501') throw error;
    log(`  no checkpoint after the load: ${(error as Error).message}`);
  }
  return { ...progress.counts, seconds: (Date.now() - started) / 1000 };
}
const PREFIX = 'CTSP-';
const OUTCOME_TRIGGER = 'request_clocks_outcome_insert';

// Not in the data worker, which imports this module for the generator.
if (isMainThread && import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '10000' },
      database: { type: 'string' },
      'data-dir': { type: 'string' },
      connections: { type: 'string' },
    },
  });
  const where =
    values.database ?? process.env['DATABASE_URL'] ?? values['data-dir'] ?? process.env['GOVDESK_DATA_DIR'] ?? './data';
  const db = await openTarget(where);
  const result = await generate(db, {
    requests: Number(values.requests),
    log: console.log,
    ...(values.connections ? { connections: Number(values.connections) } : {}),
  });
  console.log(JSON.stringify(result));
  await db.close();
}
