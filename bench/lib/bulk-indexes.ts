/**
 * A bulk load without index maintenance: the secondary indexes (and unique constraints, and
 * optionally foreign keys) of the loaded tables are dropped, the rows loaded, and each re-created
 * from its own definition in the catalogue (`pg_indexes.indexdef`, `pg_get_constraintdef`), which
 * builds an index in one sorted pass instead of inserting every row into it.
 *
 * All of it runs in one transaction: PostgreSQL's DDL is transactional, so a load that fails, or a
 * process killed half-way, rolls back to the tables with every index and constraint they had (and
 * none of the new rows). Primary keys stay: the foreign keys that are kept check against them.
 */
import type { SqlTarget } from './sql-target.js';

/** One index or constraint as the catalogue defines it, with the statements that drop and re-create it. */
export type Definition = { table: string; name: string; drop: string; create: string; kind: 'index' | 'constraint' };

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
  }>(
    `select i.tablename as tab, i.indexname as name, format('%I.%I', i.schemaname, i.indexname) as qname,
            format('%I.%I', i.schemaname, i.tablename) as qtable, i.indexdef as def,
            quote_ident(c.conname) as con, pg_get_constraintdef(c.oid) as condef
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
  const defs: Definition[] = indexes.map((i) =>
    i.con && i.condef
      ? {
          table: i.tab,
          name: i.name,
          kind: 'constraint',
          drop: `alter table ${i.qtable} drop constraint ${i.con}`,
          create: `alter table ${i.qtable} add constraint ${i.con} ${i.condef}`,
        }
      : { table: i.tab, name: i.name, kind: 'index', drop: `drop index ${i.qname}`, create: i.def },
  );
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
      kind: 'constraint' as const,
      drop: `alter table ${f.qtable} drop constraint ${f.con}`,
      create: `alter table ${f.qtable} add constraint ${f.con} ${f.condef}`,
    })),
  ];
}

/**
 * Runs `load` in a transaction with the secondary indexes of `tables` dropped, then re-creates
 * them (indexes first, foreign keys last, with `maintenance_work_mem` raised for the builds) and
 * commits; on any failure rolls everything back, indexes included. Returns what it re-created.
 */
export async function withoutSecondaryIndexes<T>(
  db: SqlTarget,
  tables: readonly string[],
  options: { foreignKeys: boolean; maintenanceWorkMem: string; log: (s: string) => void },
  load: () => Promise<T>,
): Promise<{ result: T; definitions: Definition[]; rebuildSeconds: number }> {
  await db.query('begin');
  try {
    const definitions = await secondaryDefinitions(db, tables, options.foreignKeys);
    // Foreign keys first: a unique index may not be dropped while a constraint relies on it.
    for (const d of [...definitions].reverse()) await db.query(d.drop);
    options.log(`  dropped ${definitions.length} secondary indexes and constraints of ${tables.join(', ')}`);
    const result = await load();
    const t0 = performance.now();
    await db.query(`set local maintenance_work_mem = '${options.maintenanceWorkMem}'`);
    for (const d of definitions) {
      const t = performance.now();
      await db.query(d.create);
      options.log(`  re-created ${d.name} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
    await db.query('commit');
    return { result, definitions, rebuildSeconds: (performance.now() - t0) / 1000 };
  } catch (error) {
    await db.query('rollback').catch(() => {});
    throw error;
  }
}
