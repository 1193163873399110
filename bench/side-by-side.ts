/**
 * Issue 7: two GovDesk servers side by side. The code of a base commit and the working tree's
 * code each run on their own copy of one loaded database, and take turns at short bursts of each
 * scenario (the order swapped every round), so that both meet this shared machine at nearly the
 * same moment. On a machine whose speed moves by 2× within an hour, only such pairs compare: the
 * report gives, per scenario, the median over the rounds of the new code's rate over the base's,
 * how many rounds the new code won, and GovDesk's CPU a call (its process's, from /proc).
 *
 *   npm run bench:side-by-side -- --base 018344b --data-dir DIR queue page create step
 *   DATABASE_URL=postgres://…/loaded npm run bench:side-by-side -- --base 018344b --rounds 8 queue
 *
 * The data is a PGlite folder (`--data-dir`) or a database on a server (DATABASE_URL) loaded by
 * `npm run bench:data` after a first start with the demo agency, whose users sign in with the
 * bench's password. Each server gets a copy (a copied folder, or `create database … template`),
 * removed at the end. Both trees are compiled first (`tsc -p tsconfig.build.json`); the base in a
 * temporary git worktree that shares this tree's node_modules.
 */
import type { Request } from 'autocannon';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_PASSWORD, filingBody, MINE_PATH, QUEUE_PATH, searchPath, signInToken } from './lib/api-calls.js';
import { cannon } from './lib/cannon.js';
import { cpuMsOf, startListening, type Listening } from './lib/processes.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string' },
    'data-dir': { type: 'string' },
    rounds: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    steps: { type: 'string', default: '150' },
  },
});
const SCENARIOS = ['queue', 'mine', 'page', 'search', 'create', 'step'] as const;
type Scenario = (typeof SCENARIOS)[number];
const scenarios = (positionals.length ? positionals : ['queue', 'page']) as Scenario[];
const unknown = scenarios.filter((s) => !SCENARIOS.includes(s));
if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}: one of ${SCENARIOS.join(', ')}`);
if (!args.base) throw new Error('--base <commit>: the code to compare the working tree with');
const serverUrl = process.env['DATABASE_URL'];
if (!serverUrl && !args['data-dir']) throw new Error('--data-dir <PGlite folder> or DATABASE_URL: the loaded data');
const rounds = Number(args.rounds);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const stepsPerRound = Number(args.steps);

const root = path.join(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'govdesk-side-by-side-'));
const log = (s: string) => console.log(`[side by side] ${s}`);
// Undone last first: the servers, then the copies of the data and the worktree, then the folder.
const cleanup: Array<() => Promise<void> | void> = [() => rmSync(work, { recursive: true, force: true })];

/** Compiles a tree's server (dist/server) as `npm run build:server` does, without the bundle. */
function compile(tree: string) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: tree,
    stdio: 'inherit',
  });
}

/** Copies of the loaded data, one per server: their environment, and how to remove them. */
async function copiesOfData(): Promise<[Record<string, string>, Record<string, string>]> {
  if (!serverUrl) {
    const [a, b] = ['a', 'b'].map((n) => path.join(work, `data-${n}`));
    for (const to of [a!, b!]) cpSync(args['data-dir']!, to, { recursive: true });
    return [{ GOVDESK_DATA_DIR: a! }, { GOVDESK_DATA_DIR: b! }];
  }
  const source = new URL(serverUrl).pathname.slice(1);
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const urls: Record<string, string>[] = [];
  for (const n of ['a', 'b']) {
    const name = `${source}_side_${n}`;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}" template "${source}"`);
    cleanup.push(async () => {
      const c = new pg.Client({ connectionString: adminUrl.toString() });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    });
    const copy = new URL(serverUrl);
    copy.pathname = `/${name}`;
    urls.push({ DATABASE_URL: copy.toString() });
  }
  await admin.end();
  return [urls[0]!, urls[1]!];
}

type Side = {
  name: 'base' | 'new';
  server: Listening;
  desk: Record<string, string>;
  staff: Record<string, string>;
  staffUnit: string;
  ids: string[];
};
type Burst = { rps: number; p50: number; p95: number; cpuMs: number };

/** Files `count` requests through the API, ten at a time; their ids. */
async function file(side: Side, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const filed = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, async () => {
        const res = await fetch(`${side.server.url}/api/requests`, {
          method: 'POST',
          headers: { ...side.staff, 'content-type': 'application/json' },
          body: filingBody(side.staffUnit),
        });
        if (res.status !== 201) throw new Error(`filing refused: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { id: string }).id;
      }),
    );
    ids.push(...filed);
  }
  return ids;
}

/** What a burst of `scenario` sends to `side`; steps take `receive` once on each of `steps`. */
function callsOf(
  side: Side,
  scenario: Scenario,
  steps: string[],
): { headers: Record<string, string>; requests: Request[] } {
  let n = 0;
  const json = { 'content-type': 'application/json' };
  switch (scenario) {
    case 'queue':
      return { headers: side.desk, requests: [{ method: 'GET', path: QUEUE_PATH }] };
    case 'mine':
      return { headers: side.staff, requests: [{ method: 'GET', path: MINE_PATH }] };
    case 'search':
      return {
        headers: side.desk,
        requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: searchPath(n++) }) }],
      };
    case 'page':
      return {
        headers: side.desk,
        requests: [
          { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/requests/${side.ids[n++ % side.ids.length]}` }) },
        ],
      };
    case 'create':
      return {
        headers: { ...side.staff, ...json },
        requests: [{ method: 'POST', path: '/api/requests', body: filingBody(side.staffUnit) }],
      };
    case 'step':
      return {
        headers: { ...side.desk, ...json },
        requests: [
          {
            method: 'POST',
            body: JSON.stringify({ fields: {} }),
            setupRequest: (r) => ({ ...r, path: `/api/requests/${steps[n++ % steps.length]}/actions/receive` }),
          },
        ],
      };
  }
}

/** One burst: a fixed time, or (steps) a fixed number of calls; GovDesk's CPU a call around it. */
async function burst(side: Side, scenario: Scenario, warmUp = false): Promise<Burst> {
  const steps = scenario === 'step' ? await file(side, stepsPerRound) : [];
  const pid = side.server.child.pid!;
  const cpu0 = cpuMsOf(pid);
  const run = await cannon(side.server.url, {
    connections,
    seconds: warmUp ? 2 : seconds,
    amount: scenario === 'step' ? steps.length : undefined,
    ...callsOf(side, scenario, steps),
  });
  if (run.non2xx || run.errors) throw new Error(`${side.name}: ${run.non2xx + run.errors} ${scenario} calls failed`);
  // A burst shorter than a stall of the server (its start-up maintenance, a checkpoint) answers
  // nothing, and a rate of 0 would read as a regression.
  if (run.total === 0) throw new Error(`${side.name}: no ${scenario} call answered within the burst; make it longer`);
  return { rps: run.rps, p50: run.p50, p95: run.p95, cpuMs: (cpuMsOf(pid) - cpu0) / run.total };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

try {
  const baseTree = path.join(work, 'base');
  execFileSync('git', ['worktree', 'add', '--detach', baseTree, args.base], { cwd: root, stdio: 'ignore' });
  cleanup.push(() => void execFileSync('git', ['worktree', 'remove', '--force', baseTree], { cwd: root }));
  symlinkSync(path.join(root, 'node_modules'), path.join(baseTree, 'node_modules'));
  const baseCommit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: baseTree }).toString().trim();
  const newCommit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root }).toString();
  log(`compiling the base (${baseCommit}) and the working tree (${newCommit}${dirty ? ', with changes' : ''})`);
  compile(baseTree);
  compile(root);
  const [baseData, newData] = await copiesOfData();

  const env = { GOVDESK_WORKER_SECONDS: '3600', GOVDESK_LOG_LEVEL: 'warn' };
  const listening = /GovDesk listening on (http:\/\/127\.0\.0\.1:\d+)/;
  const sides: Side[] = [];
  for (const [name, tree, data] of [
    ['base', baseTree, baseData],
    ['new', root, newData],
  ] as const) {
    const server = await startListening(
      path.join(tree, 'dist/server/main.js'),
      { ...env, ...data },
      listening,
      [],
      tree,
    );
    cleanup.push(() => server.stop());
    const desk = await signInToken(server.url, 'desk01', BENCH_PASSWORD);
    const staff = await signInToken(server.url, 'staff01', BENCH_PASSWORD);
    const queue = await fetch(`${server.url}${QUEUE_PATH}`, { headers: desk.headers });
    const ids = ((await queue.json()) as { items: Array<{ id: string }> }).items.map((r) => r.id);
    if (ids.length === 0) throw new Error(`${name}: the queue is empty; load the data with npm run bench:data`);
    sides.push({ name, server, desk: desk.headers, staff: staff.headers, staffUnit: staff.unitId, ids });
  }

  const results: Record<string, { base: Burst[]; new: Burst[] }> = {};
  for (const scenario of scenarios) {
    for (const side of sides) if (scenario !== 'step') await burst(side, scenario, true);
    const got = { base: [] as Burst[], new: [] as Burst[] };
    for (let round = 0; round < rounds; round++) {
      const line: string[] = [];
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        const b = await burst(side, scenario);
        got[side.name].push(b);
        line.push(`${side.name} ${b.rps.toFixed(0)}/s p95 ${b.p95.toFixed(1)} ms cpu ${b.cpuMs.toFixed(2)} ms`);
      }
      log(`${scenario} ${round + 1}/${rounds}: ${line.join(' | ')}`);
    }
    results[scenario] = got;
  }

  const lines = [
    `# GovDesk side by side, ${new Date().toISOString()}`,
    '',
    `Base ${baseCommit}, new ${newCommit}${dirty ? ' with uncommitted changes' : ''}; ${serverUrl ? 'PostgreSQL server' : 'PGlite'}; ` +
      `${rounds} rounds of ${seconds} s (a step: ${stepsPerRound} calls) on ${connections} connections, the order swapped every round.`,
    '',
    '| scenario | base /s | new /s | new ÷ base (median of the rounds) | new faster in | base p95 ms | new p95 ms | CPU a call, base → new (ms) | CPU new ÷ base |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [scenario, r] of Object.entries(results)) {
    const ratios = r.base.map((b, i) => r.new[i]!.rps / b.rps);
    const cpu = r.base.map((b, i) => r.new[i]!.cpuMs / b.cpuMs);
    const m = (side: Burst[], k: keyof Burst) => median(side.map((b) => b[k]));
    lines.push(
      `| ${scenario} | ${m(r.base, 'rps').toFixed(0)} | ${m(r.new, 'rps').toFixed(0)} | ${median(ratios).toFixed(3)} | ` +
        `${ratios.filter((x) => x > 1).length} of ${ratios.length} | ${m(r.base, 'p95').toFixed(1)} | ${m(r.new, 'p95').toFixed(1)} | ` +
        `${m(r.base, 'cpuMs').toFixed(2)} → ${m(r.new, 'cpuMs').toFixed(2)} | ${median(cpu).toFixed(3)} |`,
    );
  }
  const markdown = lines.join('\n') + '\n';
  console.log(`\n${markdown}`);
  const dir = path.join(root, 'bench', 'results');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const stamp = `side-by-side-${new Date()
    .toISOString()
    .replace(/[:]/g, '-')
    .replace(/\.\d+Z$/, 'Z')}`;
  writeFileSync(
    path.join(dir, `${stamp}.json`),
    JSON.stringify({ baseCommit, newCommit, dirty: !!dirty, rounds, seconds, connections, results }, null, 2),
  );
  writeFileSync(path.join(dir, `${stamp}.md`), markdown);
  log(`wrote bench/results/${stamp}.json and .md`);
} finally {
  for (const c of cleanup.reverse()) await c();
}
