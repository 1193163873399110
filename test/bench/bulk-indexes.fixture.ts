import { completeRebuild, withoutSecondaryIndexes } from '../../bench/lib/bulk-indexes.js';
import type { SqlTarget } from '../../bench/lib/sql-target.js';

/**
 * Two tables with every kind of definition the bench's loader drops and re-creates (a plain and a
 * partial B-tree index, a GIN index, a unique constraint, a foreign key, the primary keys it keeps)
 * and the `settings` table that holds a rebuild's journal.
 */
export async function createFixture(db: SqlTarget): Promise<void> {
  for (const sql of [
    `create table settings (key text primary key, value jsonb not null, updated_at timestamptz not null, updated_by text)`,
    `create table parents (id int primary key, name text not null)`,
    `create table children (
       id int primary key,
       parent_id int not null references parents (id),
       code text not null constraint children_code_key unique,
       tags text[] not null,
       closed boolean not null)`,
    `create index children_parent_idx on children (parent_id, id desc)`,
    `create index children_open_idx on children (code) where not closed`,
    `create index children_tags_idx on children using gin (tags)`,
    `insert into parents select i, 'parent ' || i from generate_series(1, 50) i`,
  ])
    await db.query(sql);
}

/** The indexes and constraints of the two tables as the catalogue shows them, validity included. */
export async function catalogue(db: SqlTarget): Promise<string[]> {
  const rows = await db.query<{ d: string }>(
    `select 'index ' || indexname || ': ' || indexdef as d from pg_indexes
      where schemaname = current_schema() and tablename in ('parents', 'children')
     union all
     select 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) || case when convalidated then '' else ' (not valid)' end
       from pg_constraint
      -- PostgreSQL 18 (PGlite) lists NOT NULL as constraints too: the loader leaves them alone.
      where conrelid in ('parents'::regclass, 'children'::regclass) and contype <> 'n'
      order by 1`,
  );
  return rows.map((r) => r.d);
}

/** Loads `count` children (each `code` once unless `duplicate` repeats the first) with one insert. */
export async function loadChildren(db: SqlTarget, count: number, duplicate = false): Promise<number> {
  await db.query(
    `insert into children
     select i, 1 + i % 50, 'c-' || case when $2 and i = $1 then 1 else i end, array['t' || i % 7, 'u' || i % 3], i % 4 = 0
       from generate_series(1, $1::int) i`,
    [count, duplicate],
  );
  return count;
}

export const rebuild = (db: SqlTarget, connections: number, load: () => Promise<number>) =>
  withoutSecondaryIndexes(
    db,
    ['children'],
    { foreignKeys: true, maintenanceWorkMem: '64MB', log: () => {}, connections },
    load,
  );

export const finish = (db: SqlTarget, connections: number) =>
  completeRebuild(db, { maintenanceWorkMem: '64MB', log: () => {}, connections });

export const journal = async (db: SqlTarget) =>
  Number((await db.query<{ n: string | number }>(`select count(*) as n from settings`))[0]!.n);
