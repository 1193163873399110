import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedPerCall } from '../../src/db/preparable.js';
import { PreparingPool } from '../../src/db/prepared-pool.js';
import { dropServerDatabase, freshServerDatabaseUrl } from '../helpers/database.js';

type Prepared = { name: string; statement: string; generic_plans: number; custom_plans: number };

/**
 * Issue 7: statements go to a PostgreSQL server as named prepared statements, parsed and planned
 * once per connection. Runs in the suite's PostgreSQL pass (a `*.server.test.ts`).
 */
describe('prepared statements on a PostgreSQL server', () => {
  let url: string;
  let pool: pg.Pool;
  let db: Kysely<Record<string, Record<string, unknown>>>;

  beforeAll(async () => {
    url = (await freshServerDatabaseUrl())!;
    pool = new pg.Pool({ connectionString: url, max: 2 });
    db = new Kysely({ dialect: new PostgresDialect({ pool: new PreparingPool(pool, 5) }) });
    await sql`create table things (id int primary key, name text)`.execute(db);
    await sql`insert into things values (1, 'one'), (2, 'two'), (3, 'three')`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    await dropServerDatabase(url);
  });

  /** The statements the connection of a transaction has prepared, after running `work` on it. */
  const preparedAfter = (work: (tx: Kysely<Record<string, Record<string, unknown>>>) => Promise<unknown>) =>
    db.transaction().execute(async (tx) => {
      await work(tx);
      return (
        await sql<Prepared>`select name, statement, generic_plans, custom_plans from pg_prepared_statements`.execute(tx)
      ).rows;
    });

  it('prepares a statement once per connection and runs it again by name, with new values each time', async () => {
    const names: string[] = [];
    const prepared = await preparedAfter(async (tx) => {
      for (const id of [1, 2, 3, 1, 2, 3, 1]) {
        const row = await tx.selectFrom('things').select('name').where('id', '=', id).executeTakeFirstOrThrow();
        names.push(row.name as string);
      }
    });
    expect(names).toEqual(['one', 'two', 'three', 'one', 'two', 'three', 'one']);
    const mine = prepared.filter((p) => p.statement.includes('from "things" where "id" = $1'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.name).toMatch(/^gd_/);
    // Seven runs of one prepared statement: after five custom plans the server may use a generic one.
    expect(Number(mine[0]!.generic_plans) + Number(mine[0]!.custom_plans)).toBe(7);
    // Transaction control is not prepared.
    expect(prepared.some((p) => /^\s*(begin|commit)/i.test(p.statement))).toBe(false);
  });

  it('plans a statement marked as planned per call at each call, never preparing it', async () => {
    const prepared = await preparedAfter(async (tx) => {
      for (const term of ['%o%', '%hre%', '%o%']) {
        const rows = await tx
          .selectFrom('things')
          .select('id')
          .where('name', 'like', term)
          .orderBy('id')
          .modifyEnd(plannedPerCall)
          .execute();
        expect(rows.length).toBeGreaterThan(0);
      }
    });
    expect(prepared.filter((p) => p.statement.includes('like'))).toEqual([]);
  });

  it('prepares at most its limit of texts on a connection and runs the rest unprepared', async () => {
    const prepared = await preparedAfter(async (tx) => {
      for (let n = 1; n <= 8; n++) await sql`select ${n}::int + ${sql.lit(n)} as x`.execute(tx);
      const last = await sql<{ x: number }>`select ${8}::int + ${sql.lit(8)} as x`.execute(tx);
      expect(last.rows).toEqual([{ x: 16 }]);
    });
    expect(prepared.length).toBeLessThanOrEqual(5);
    expect(prepared.filter((p) => p.statement.includes('::int + 8'))).toHaveLength(0);
  });

  it('runs a statement again after another connection changed its table’s columns', async () => {
    // One connection with room to prepare: the server refuses its kept plan once the table changes.
    const one = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new PostgresDialect({ pool: new PreparingPool(new pg.Pool({ connectionString: url, max: 1 })) }),
    });
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const read = (on: typeof one = one) => on.selectFrom('things').selectAll().where('id', '=', 1).execute();
      expect(await read()).toEqual([{ id: 1, name: 'one' }]);
      await other.query(`alter table things add column colour text default 'red'`);
      expect(await read()).toEqual([{ id: 1, name: 'one', colour: 'red' }]);
      expect(await read()).toEqual([{ id: 1, name: 'one', colour: 'red' }]);
      // Inside a transaction the refusal aborts it; the statement is prepared afresh for the next.
      await other.query(`alter table things drop column colour`);
      await expect(one.transaction().execute((tx) => read(tx))).rejects.toThrow(
        /cached plan must not change result type/,
      );
      expect(await one.transaction().execute((tx) => read(tx))).toEqual([{ id: 1, name: 'one' }]);
    } finally {
      await other.end();
      await one.destroy();
    }
  });
});
