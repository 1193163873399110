/**
 * Issue 7: the benchmark suite. Starts GovDesk on a PostgreSQL server (or, with --embedded, on
 * PGlite), loads the bench data set, measures the ceilings of this machine, drives the HTTP API
 * with autocannon from this process and writes bench/results/<date>.json and .md.
 *
 *   npm run bench                       # 1,000,000 requests on PostgreSQL, 5 runs of 10 s
 *   npm run bench -- --quick            # 10,000 requests, 3 runs of 2 s: under two minutes (CI)
 *   npm run bench -- --embedded --requests 100000
 *
 * DATABASE_URL uses that (empty, disposable) database instead of a throw-away cluster; with
 * --keep-data, a database already loaded by `npm run bench:data` (a million requests take long
 * to load on a shared machine): the run measures it as it is, and adds its own filings to it.
 */
import type { Request } from 'autocannon';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { finishInterruptedLoad, generate } from './data.js';
import { explainAll, hotQueries, insertCeiling, pkSelectCeiling, timeQuery, timeSweep } from './lib/db-probes.js';
import { cannon, type Run } from './lib/cannon.js';
import { memoryOf, startListening, startPostgres, type Listening } from './lib/processes.js';
import { renderMarkdown, type Report, type ScenarioResult } from './lib/report.js';
import { BENCH_PASSWORD, filingBody, MINE_PATH, QUEUE_PATH, searchPath, signInToken } from './lib/api-calls.js';
import { filingStorageCeiling, type FilingOrder } from './lib/filing-storage.js';
import { openTarget, type SqlTarget } from './lib/sql-target.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    embedded: { type: 'boolean', default: false },
    requests: { type: 'string' },
    runs: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '55433' },
    'no-explain': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'keep-data': { type: 'boolean', default: false },
  },
});
if (args['keep-data'] && !process.env['DATABASE_URL'])
  throw new Error('--keep-data measures the data already in DATABASE_URL: set DATABASE_URL');
const quick = args.quick;
const embedded = args.embedded;
const requests = Number(args.requests ?? (quick ? 10_000 : embedded ? 100_000 : 1_000_000));
const runs = Number(args.runs ?? (quick ? 3 : 5));
const seconds = Number(args.duration ?? (quick ? 2 : 10));
const connections = Number(args.connections);
const password = BENCH_PASSWORD;
const log = (s: string) => console.log(`[bench ${((performance.now() - T0) / 1000).toFixed(1)}s] ${s}`);
const T0 = performance.now();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
};
/** Several runs of one scenario, their medians, and the server's memory after them. */
async function scenario(
  name: string,
  server: Listening | null,
  url: string,
  make: (run: number) => { headers?: Record<string, string>; requests: Request[]; amount?: number },
): Promise<ScenarioResult> {
  const all: Run[] = [];
  for (let r = 0; r < runs; r++) all.push(await cannon(url, { connections, seconds, ...make(r) }));
  const m = (k: keyof Run) => median(all.map((x) => x[k]));
  const result: ScenarioResult = {
    name,
    rps: m('rps'),
    p50: m('p50'),
    p95: m('p95'),
    p99: m('p99'),
    errors: all.reduce((s, x) => s + x.errors, 0),
    non2xx: all.reduce((s, x) => s + x.non2xx, 0),
    requests: all.reduce((s, x) => s + x.total, 0),
    runs: all.map((x) => ({ rps: Math.round(x.rps), p95: x.p95 })),
    memory: server?.child.pid ? memoryOf(server.child.pid) : null,
  };
  log(
    `${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms` +
      (result.non2xx || result.errors ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : ''),
  );
  return result;
}

/** The data already in the database (--keep-data), counted as the loader counts what it loads. */
async function counted(db: SqlTarget) {
  // A load killed while re-creating its indexes would be measured without them.
  await finishInterruptedLoad(db, log);
  const n = async (sql: string) => Number((await db.query<{ n: string }>(sql))[0]!.n);
  const counts = {
    requests: await n(`select count(*) as n from requests`),
    events: await n(`select count(*) as n from request_events`),
    comments: await n(`select count(*) as n from comments`),
    clocks: await n(`select count(*) as n from request_clocks`),
    openClocks: await n(`select count(*) as n from request_clocks where status = 'running'`),
    seconds: 0,
  };
  log(`using the ${counts.requests.toLocaleString('en')} requests already loaded (--keep-data)`);
  return counts;
}

// --- the database -------------------------------------------------------------------------------
let pgStop: (() => void) | null = null;
let where: string;
let dataDir: string | null = null;
let pgVersion: string | null = null;
if (embedded) {
  dataDir = mkdtempSync(path.join(tmpdir(), 'govdesk-bench-pglite-'));
  where = dataDir;
} else if (process.env['DATABASE_URL']) {
  where = process.env['DATABASE_URL'];
} else {
  const pg = startPostgres(Number(args.port));
  pgStop = pg.stop;
  pgVersion = pg.version;
  where = pg.url;
}
const dbEnv: Record<string, string> = embedded ? { GOVDESK_DATA_DIR: dataDir! } : { DATABASE_URL: where };
const serverEnv = {
  ...dbEnv,
  GOVDESK_DEMO: '1',
  GOVDESK_DEMO_PASSWORD: password,
  GOVDESK_ADMIN_PASSWORD: password,
  // The sweep is measured on its own below; a worker pass in the middle of a run would be noise.
  GOVDESK_WORKER_SECONDS: '3600',
};
const GOVDESK = /GovDesk listening on (http:\/\/127\.0\.0\.1:\d+)/;
const cleanup: Array<() => Promise<void> | void> = [];
process.on('SIGINT', () => void Promise.all(cleanup.map((c) => c())).then(() => process.exit(130)));

try {
  log(`${embedded ? 'PGlite' : 'PostgreSQL'}: ${where}`);
  // First start: migrations and the demo agency.
  let server = await startListening('src/server/main.ts', serverEnv, GOVDESK);
  const emptyStartMs = server.readyMs;
  await server.stop();

  const db = await openTarget(where);
  if (!args['keep-data']) log(`loading ${requests.toLocaleString('en')} requests`);
  const loaded = args['keep-data'] ? await counted(db) : await generate(db, { requests, log });
  log(`loaded in ${loaded.seconds.toFixed(1)} s: ${JSON.stringify(loaded)}`);

  // Ceilings of the database and the SQL-level figures, while no server holds the database.
  const probeMs = quick ? 1000 : 3000;
  const url = embedded ? null : where;
  const ids = (await db.query<{ id: string }>(`select id from requests order by random() limit 2000`)).map((r) => r.id);
  const insertRates: number[] = [];
  const selectRates: number[] = [];
  const orders: FilingOrder[] = ['gapless', 'chained', 'unordered'];
  const filingRates: Record<FilingOrder, number[]> = { gapless: [], chained: [], unordered: [] };
  let filingShape = { eventsEach: NaN, clocksEach: NaN };
  for (let r = 0; r < runs; r++) {
    insertRates.push(await insertCeiling(db, url, connections, probeMs));
    selectRates.push(await pkSelectCeiling(db, url, connections, probeMs, ids));
    // In turn, each first in one run, so that no way is always measured right after the others.
    for (const order of [...orders.slice(r % 3), ...orders.slice(0, r % 3)]) {
      const stored = await filingStorageCeiling(db, url, connections, probeMs, order);
      if (!stored) continue;
      filingRates[order].push(stored.perSecond);
      filingShape = { eventsEach: stored.eventsEach, clocksEach: stored.clocksEach };
    }
  }
  log(
    `ceilings: INSERT ${median(insertRates).toFixed(0)}/s, PK SELECT ${median(selectRates).toFixed(0)}/s, ` +
      `a filing's rows ${orders.map((o) => `${o} ${median(filingRates[o]).toFixed(0)}/s`).join(', ')}`,
  );
  // GovDesk's statements, planned as its own connections plan them (src/db/database.ts).
  if (!embedded) await db.query('set max_parallel_workers_per_gather = 0');
  const sweep = await timeSweep(db, runs);
  log(
    `SLA sweep: ${sweep.ms.toFixed(1)} ms to find ${sweep.dueClocks} due of ${sweep.openClocks} open clocks, ` +
      `${sweep.claimMs.toFixed(1)} ms to claim 200, ${sweep.lockAllMs.toFixed(0)} ms to lock them all`,
  );
  const [me] = await db.query<{ id: string }>(`select id from users where username = 'staff01'`);
  const year = new Date().getFullYear() - 1;
  const queries = hotQueries(me!.id, ids[0]!, year);
  const sqlTimes: Record<string, { ms: number; rows: number }> = {};
  for (const [name, [text, params]] of Object.entries(queries))
    sqlTimes[name] = await timeQuery(db, text, params, runs);
  const plans = args['no-explain'] ? {} : await explainAll(db, queries);
  await db.close();

  // --- HTTP ---------------------------------------------------------------------------------------
  const trivial = await startListening(
    'bench/trivial-server.ts',
    {},
    /trivial listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
  cleanup.push(() => trivial.stop());
  const http = await scenario('ceiling: trivial Fastify route', trivial, trivial.url, () => ({
    requests: [{ method: 'GET', path: '/ping' }],
  }));
  await trivial.stop();

  // What `npm start` runs, the bundled server (scripts/bundle-server.mjs), when it has been built;
  // the scenarios below run the sources through tsx, so that they need no build.
  const bundle = path.join(import.meta.dirname, '..', 'dist', 'govdesk.js');
  const bundledStarts: number[] = [];
  if (existsSync(bundle)) {
    for (let r = 0; r < runs; r++) {
      // With the flag `npm start` gives it (package.json).
      const started = await startListening(bundle, serverEnv, GOVDESK, ['--enable-source-maps']);
      bundledStarts.push(started.readyMs);
      await started.stop();
    }
    log(`npm start's server (dist/govdesk.js) ready in ${median(bundledStarts).toFixed(0)} ms (median of ${runs})`);
  } else log('no dist/govdesk.js (npm run build makes it): the start of `npm start` is not measured');

  // --profile: a V8 CPU profile of the server during the scenarios (open it in Chrome DevTools).
  const profileDir = path.join(import.meta.dirname, 'results', 'profiles');
  server = await startListening(
    'src/server/main.ts',
    serverEnv,
    GOVDESK,
    args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  cleanup.push(() => server.stop());
  const startMs = server.readyMs;
  log(`GovDesk ready in ${startMs.toFixed(0)} ms (${emptyStartMs.toFixed(0)} ms on an empty database)`);
  const base = server.url;
  const staff = await signInToken(base, 'staff01', password);
  const desk = await signInToken(base, 'desk01', password);
  const itchief = await signInToken(base, 'itchief01', password);
  const json = { 'content-type': 'application/json' };

  const results: ScenarioResult[] = [http];
  // Filed by a requester in a unit without supervisors: each lands at the desk, ready for `receive`.
  const created: string[] = [];
  const body = filingBody(staff.unitId);
  // One filing first, so a refused body fails loudly instead of measuring errors.
  const probe = await fetch(`${base}/api/requests`, { method: 'POST', headers: { ...staff.headers, ...json }, body });
  if (probe.status !== 201) throw new Error(`filing refused: ${probe.status} ${await probe.text()}`);
  results.push(
    await scenario('create a request', server, base, () => ({
      headers: { ...staff.headers, ...json },
      requests: [
        {
          method: 'POST',
          path: '/api/requests',
          body,
          onResponse: (status, text) => {
            if (status === 201) created.push((JSON.parse(text) as { id: string }).id);
          },
        },
      ],
    })),
  );
  results.push(
    await scenario('agent queue (status+type, sort dueAt, 50)', server, base, () => ({
      headers: desk.headers,
      requests: [{ method: 'GET', path: QUEUE_PATH }],
    })),
  );
  results.push(
    await scenario('my requests (mine=true)', server, base, () => ({
      headers: staff.headers,
      requests: [{ method: 'GET', path: MINE_PATH }],
    })),
  );
  let next = 0;
  results.push(
    await scenario('request page (detail + history + actions)', server, base, () => ({
      headers: desk.headers,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: `/api/requests/${ids[next++ % ids.length]}` }),
        },
      ],
    })),
  );
  // Each filed request takes `receive` once: the runs share them out.
  const perRun = Math.floor(created.length / runs);
  results.push(
    await scenario('workflow transition (receive)', server, base, (run) => {
      const mine = created.slice(run * perRun, (run + 1) * perRun);
      let i = 0;
      return {
        headers: { ...desk.headers, ...json },
        amount: Math.max(mine.length, 1),
        requests: [
          {
            method: 'POST',
            body: JSON.stringify({ fields: {} }),
            setupRequest: (req) => ({ ...req, path: `/api/requests/${mine[i++ % mine.length]}/actions/receive` }),
          },
        ],
      };
    }),
  );
  let t = 0;
  results.push(
    await scenario('Chinese text search (q=)', server, base, () => ({
      headers: desk.headers,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: searchPath(t++),
          }),
        },
      ],
    })),
  );
  results.push(
    await scenario(`service levels for ${year}`, server, base, () => ({
      headers: itchief.headers,
      requests: [{ method: 'GET', path: `/api/reports/service-levels?from=${year}-01-01&to=${year}-12-31` }],
    })),
  );
  await server.stop();

  const report: Report = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    database: embedded ? 'pglite' : `postgresql ${pgVersion ?? '(DATABASE_URL)'}`,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30) },
    settings: { requests, runs, seconds, connections },
    data: loaded,
    startup: {
      emptyMs: emptyStartMs,
      loadedMs: startMs,
      note: 'node --import tsx src/server/main.ts to "listening"',
      ...(bundledStarts.length ? { bundledMs: median(bundledStarts), bundledRuns: bundledStarts } : {}),
    },
    ceilings: {
      insertPerSecond: median(insertRates),
      pkSelectPerSecond: median(selectRates),
      httpPerSecond: http.rps,
      insertRuns: insertRates,
      selectRuns: selectRates,
      ...(filingRates.gapless.length
        ? {
            filingStorage: {
              ...filingShape,
              perSecond: {
                gapless: median(filingRates.gapless),
                chained: median(filingRates.chained),
                unordered: median(filingRates.unordered),
              },
              runs: filingRates,
            },
          }
        : {}),
    },
    scenarios: results,
    sweep,
    sql: sqlTimes,
    plans,
  };
  const dir = path.join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = `${report.date.replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z')}-${embedded ? 'pglite' : 'postgresql'}-${report.mode}`;
  writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify(report, null, 2));
  writeFileSync(path.join(dir, `${stamp}.md`), renderMarkdown(report, embedded));
  log(`wrote bench/results/${stamp}.json and .md`);
  const failed = results.filter((r) => r.errors > 0);
  if (failed.length) throw new Error(`connection errors in: ${failed.map((r) => r.name).join(', ')}`);
} finally {
  for (const c of cleanup) await c();
  pgStop?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
