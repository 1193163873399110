/**
 * A bulk load without index maintenance: the secondary indexes (and unique constraints, and
 * optionally foreign keys) of the loaded tables are dropped, the rows loaded, and each re-created
 * from its own definition in the catalogue (`pg_indexes.indexdef`, `pg_get_constraintdef`), which
 * builds an index in one sorted pass instead of inserting every row into it. Primary keys stay:
 * the foreign keys check against them.
 *
 * Two ways to rebuild:
 *
 * - **In the load's transaction** (one connection; PGlite): PostgreSQL's DDL is transactional, so a
 *   load that fails, or a process killed half-way, rolls back to the tables with every index and
 *   constraint they had (and none of the new rows).
 * - **On several connections** (a server; issue 7's million in under five minutes): PostgreSQL 15
 *   builds a GIN index on one process, so the other core would wait. The rows commit with a
 *   journal of what was dropped (the `settings` row {@link PENDING_REBUILD}) and the foreign keys
 *   added `NOT VALID` (checked for new rows, the loaded ones not yet). Then the indexes are built,
 *   each in its own statement, on as many connections as asked, the slowest first, and the foreign
 *   keys validated. A unique constraint is built as its unique index and attached to the table at
 *   the end (`add constraint … using index`), so that no step takes a lock that stops the builds
 *   on the same table. The journal goes in the same transaction as the last step. A load that fails
 *   before its commit rolls back whole; one killed during the rebuild leaves the journal, and
 *   {@link completeRebuild} (run first by the next `bench:data` or `bench --keep-data`) builds
 *   what is missing.
 */
import type { SqlTarget } from './sql-target.js';

/** The `settings` key of a rebuild that has not finished: the definitions it re-creates. */
export const PENDING_REBUILD = 'bench.pending_index_rebuild';

/** One index or constraint as the catalogue defines it, with the statements that drop and re-create it. */
export type Definition = {
  table: string;
  name: string;
  kind: 'index' | 'constraint' | 'foreign key';
  drop: string;
  /** Re-creates it in one statement. */
  create: string;
  /** A unique constraint's index (`create unique index`), built alone on the parallel path. */
  uniqueIndex?: { create: string; attach: string };
  /** A foreign key's validation after it was added `not valid`, on the parallel path. */
  validate?: string;
};

type Options = {
  foreignKeys: boolean;
  maintenanceWorkMem: string;
  log: (s: string) => void;
  /** Connections to build on (the default 1 rebuilds in the load's transaction). */
  connections?: number;
};

/**
 * The secondary indexes and unique or exclusion constraints of `tables` (not primary keys, nor an
 * index a foreign key of another table depends on), and with `foreignKeys` their foreign keys.
 */
export async function secondaryDefinitions(
  db: SqlTarget,
  tables: readonly string[],
  foreignKeys: boolean,
): Promise<Definition[]> {
  const indexes = await db.query<{
    tab: string;
    name: string;
    qname: string;
    qtable: string;
    def: string;
    con: string | null;
    condef: string | null;
    contype: string | null;
    deferrable: boolean | null;
  }>(
    `select i.tablename as tab, i.indexname as name, format('%I.%I', i.schemaname, i.indexname) as qname,
            format('%I.%I', i.schemaname, i.tablename) as qtable, i.indexdef as def,
            quote_ident(c.conname) as con, pg_get_constraintdef(c.oid) as condef,
            c.contype::text as contype, c.condeferrable as deferrable
       from pg_indexes i
       join pg_namespace n on n.nspname = i.schemaname
       join pg_class t on t.relname = i.tablename and t.relnamespace = n.oid
       join pg_class x on x.relname = i.indexname and x.relnamespace = n.oid
       join pg_index ix on ix.indexrelid = x.oid
       left join pg_constraint c on c.conindid = x.oid and c.conrelid = t.oid
      where i.schemaname = current_schema() and i.tablename = any($1) and not ix.indisprimary
        and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = x.oid)
      order by i.tablename, i.indexname`,
    [tables],
  );
  const defs: Definition[] = indexes.map((i) => {
    if (!i.con || !i.condef)
      return { table: i.tab, name: i.name, kind: 'index', drop: `drop index ${i.qname}`, create: i.def };
    const constraint: Definition = {
      table: i.tab,
      name: i.name,
      kind: 'constraint',
      drop: `alter table ${i.qtable} drop constraint ${i.con}`,
      create: `alter table ${i.qtable} add constraint ${i.con} ${i.condef}`,
    };
    // `using index` takes a plain unique index; an exclusion or deferrable constraint is rebuilt whole.
    if (i.contype === 'u' && !i.deferrable)
      constraint.uniqueIndex = {
        create: i.def,
        attach: `alter table ${i.qtable} add constraint ${i.con} unique using index ${quoteIdent(i.name)}`,
      };
    return constraint;
  });
  if (!foreignKeys) return defs;
  const fks = await db.query<{ tab: string; name: string; qtable: string; con: string; condef: string }>(
    `select t.relname as tab, c.conname as name, format('%I.%I', n.nspname, t.relname) as qtable,
            quote_ident(c.conname) as con, pg_get_constraintdef(c.oid) as condef
       from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where c.contype = 'f' and n.nspname = current_schema() and t.relname = any($1)
      order by t.relname, c.conname`,
    [tables],
  );
  return [
    ...defs,
    ...fks.map((f) => ({
      table: f.tab,
      name: f.name,
      kind: 'foreign key' as const,
      drop: `alter table ${f.qtable} drop constraint ${f.con}`,
      create: `alter table ${f.qtable} add constraint ${f.con} ${f.condef}`,
      validate: `alter table ${f.qtable} validate constraint ${f.con}`,
    })),
  ];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs `load` with the secondary indexes of `tables` dropped, then re-creates them (indexes first,
 * foreign keys last, with `maintenance_work_mem` raised for the builds): in the load's transaction,
 * or with `connections` above 1 (and a target that can open more) on that many connections after
 * the rows commit. A failure before the commit rolls everything back, indexes included. Returns
 * what it re-created.
 */
export async function withoutSecondaryIndexes<T>(
  db: SqlTarget,
  tables: readonly string[],
  options: Options,
  load: () => Promise<T>,
): Promise<{ result: T; definitions: Definition[]; rebuildSeconds: number }> {
  const parallel = (options.connections ?? 1) > 1 && db.connectAgain !== undefined;
  await db.query('begin');
  let definitions: Definition[];
  let result: T;
  try {
    definitions = await secondaryDefinitions(db, tables, options.foreignKeys);
    if (parallel)
      await db.query(
        `insert into settings (key, value, updated_at) values ($1, $2::jsonb, now())
         on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
        [PENDING_REBUILD, JSON.stringify(definitions)],
      );
    // Foreign keys first: a unique index may not be dropped while a constraint relies on it.
    for (const d of [...definitions].reverse()) await db.query(d.drop);
    options.log(`  dropped ${definitions.length} secondary indexes and constraints of ${tables.join(', ')}`);
    result = await load();
    if (!parallel) {
      const t0 = performance.now();
      await db.query(`set local maintenance_work_mem = '${options.maintenanceWorkMem}'`);
      for (const d of definitions) {
        const t = performance.now();
        await db.query(d.create);
        options.log(`  re-created ${d.name} (${seconds(t)})`);
      }
      await db.query('commit');
      return { result, definitions, rebuildSeconds: (performance.now() - t0) / 1000 };
    }
    // Checked for rows from now on; the loaded ones are validated with the indexes.
    for (const d of definitions) if (d.kind === 'foreign key') await db.query(`${d.create} not valid`);
    await db.query('commit');
  } catch (error) {
    await db.query('rollback').catch(() => {});
    throw error;
  }
  const t0 = performance.now();
  await completeRebuild(db, options);
  return { result, definitions, rebuildSeconds: (performance.now() - t0) / 1000 };
}

/** One step of a rebuild on any connection: an index build or a foreign key's validation. */
type Build = { name: string; sql: string; table: string; gin: boolean; validation: boolean };

/**
 * Finishes a rebuild the journal ({@link PENDING_REBUILD}) names, if there is one: builds the
 * indexes that do not exist and validates the foreign keys not yet valid, on `connections`
 * connections (GIN indexes first, then by the table's size), then attaches the unique constraints,
 * re-creates any other missing constraint and deletes the journal in one transaction. Returns
 * whether there was a rebuild to finish.
 */
export async function completeRebuild(
  db: SqlTarget,
  options: Pick<Options, 'maintenanceWorkMem' | 'log' | 'connections'>,
): Promise<boolean> {
  const [journal] = await db.query<{ value: Definition[] }>(`select value from settings where key = $1`, [
    PENDING_REBUILD,
  ]);
  if (!journal) return false;
  const definitions = journal.value;
  const present = await db.query<{ name: string; kind: string; valid: boolean }>(
    `select c.relname as name, 'index' as kind, true as valid
       from pg_class c where c.relkind = 'i' and c.relnamespace = current_schema()::regnamespace
     union all
     select t.relname || '.' || c.conname, 'constraint', c.convalidated
       from pg_constraint c join pg_class t on t.oid = c.conrelid
      where c.connamespace = current_schema()::regnamespace`,
  );
  const indexes = new Set(present.filter((p) => p.kind === 'index').map((p) => p.name));
  // A constraint's name is unique only on its table.
  const constraints = new Map(present.filter((p) => p.kind === 'constraint').map((p) => [p.name, p.valid]));
  const sizes = new Map(
    // Not `relpages`: nothing has counted them since the load.
    (
      await db.query<{ name: string; bytes: string | number }>(
        `select relname as name, pg_relation_size(oid) as bytes from pg_class
          where relkind = 'r' and relnamespace = current_schema()::regnamespace`,
      )
    ).map((s) => [s.name, Number(s.bytes)]),
  );

  const builds: Build[] = [];
  const last: string[] = [];
  for (const d of definitions) {
    const build = (sql: string): Build => ({
      name: d.name,
      sql,
      table: d.table,
      gin: /\busing gin\b/i.test(sql),
      validation: sql === d.validate,
    });
    if (d.kind === 'index') {
      if (!indexes.has(d.name)) builds.push(build(d.create));
      continue;
    }
    const valid = constraints.get(`${d.table}.${d.name}`);
    if (d.kind === 'foreign key') {
      // Added `not valid` with the rows, so it is there unless the catalogue says otherwise.
      if (valid === undefined) last.push(d.create);
      else if (!valid && d.validate) builds.push(build(d.validate));
    } else if (valid === undefined) {
      if (d.uniqueIndex) {
        if (!indexes.has(d.name)) builds.push(build(d.uniqueIndex.create));
        last.push(d.uniqueIndex.attach);
      } else last.push(d.create);
    }
  }
  // Slowest first, so that no connection starts a long build when the others are nearly done:
  // GIN indexes, then by the table's size; foreign keys after every index (their validation waits
  // for the builds on its table anyway).
  const weight = (b: Build) => (b.validation ? 0 : (b.gin ? 2 ** 50 : 0) + (sizes.get(b.table) ?? 0) + 1);
  builds.sort((a, b) => weight(b) - weight(a));

  const count = Math.max(1, Math.min(options.connections ?? 1, builds.length));
  const others: SqlTarget[] = [];
  try {
    if (count > 1 && db.connectAgain) for (let i = 1; i < count; i++) others.push(await db.connectAgain());
    const workers = [db, ...others];
    const queue = [...builds];
    let failed: unknown;
    const parallelOff = workers.length > 1;
    try {
      // Every connection is set up before any takes a build, so that each starts with one at once.
      await Promise.all(
        workers.map(async (w) => {
          await w.query(`set maintenance_work_mem = '${options.maintenanceWorkMem}'`);
          // One process per connection: a B-tree build's own workers would take the core a GIN build is on.
          if (parallelOff) await w.query(`set max_parallel_maintenance_workers = 0`);
        }),
      );
      await Promise.all(
        workers.map(async (w, i) => {
          try {
            for (let next = queue.shift(); next && failed === undefined; next = queue.shift()) {
              const t = performance.now();
              await w.query(next.sql);
              options.log(`  re-created ${next.name} (${seconds(t)}, connection ${i + 1})`);
            }
          } catch (error) {
            failed ??= error;
          }
        }),
      );
    } finally {
      for (const w of workers) {
        await w.query('reset maintenance_work_mem').catch(() => {});
        if (parallelOff) await w.query('reset max_parallel_maintenance_workers').catch(() => {});
      }
    }
    if (failed !== undefined) {
      options.log(`  the rebuild stopped; the next bench:data (or bench --keep-data) finishes it from its journal`);
      throw failed;
    }
  } finally {
    for (const o of others) await o.close();
  }

  await db.query('begin');
  try {
    for (const sql of last) await db.query(sql);
    await db.query(`delete from settings where key = $1`, [PENDING_REBUILD]);
    await db.query('commit');
  } catch (error) {
    await db.query('rollback').catch(() => {});
    throw error;
  }
  return true;
}
