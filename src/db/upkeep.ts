import { sql } from 'kysely';
import type { Executor } from './database.js';

/**
 * The tables of GovDesk's schema, smallest first, so the pass is soon done with the many small
 * ones and API calls wait behind one large table at a time.
 */
export async function upkeepTables(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
    order by pg_relation_size(c.oid), c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * `VACUUM (ANALYZE)` of one table: its dead rows made reusable, its pages marked all-visible (so an
 * index-only scan stops visiting the table), and its statistics for the planner brought up to date.
 * A statement of its own, outside any transaction (PostgreSQL refuses it inside one).
 */
export async function vacuumAnalyze(db: Executor, table: string): Promise<void> {
  await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
}
