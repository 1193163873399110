import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlitePool } from '../../src/db/pglite-pool.js';
import { plannedPerCall } from '../../src/db/preparable.js';

type Prepared = { name: string; statement: string; generic_plans: number; custom_plans: number };
type Things = {
  things: {
    id: number;
    name: string;
    tags: string[] | null;
    data: unknown;
    at: Date | null;
    on: string | null;
    n: number | null;
  };
};

/**
 * Issue 7: the embedded database runs queries as named prepared statements, parsed and described
 * once, then bound and executed in one round trip, with the results PGlite's own `query()` gives.
 */
describe('prepared statements on the embedded database', () => {
  let pglite: PGlite;
  let db: Kysely<Things>;

  beforeAll(async () => {
    pglite = await PGlite.create('memory://', {
      parsers: { [types.DATE]: (v: string) => v, [types.INT8]: (v: string) => Number(v) },
    });
    db = new Kysely<Things>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite, 5) }) });
    await sql`create table things (id int primary key, name text not null, tags text[], data jsonb,
                 at timestamptz, "on" date, n bigint)`.execute(db);
    await sql`insert into things values
      (1, 'one', '{a,"b c"}', '{"k": [1, "二"]}', '2026-11-23T08:00:00Z', '2026-11-23', 9007199254740991),
      (2, 'two', '{}', null, null, null, null), (3, '三', null, '[]', '2020-02-29T23:59:59.5Z', '2020-02-29', 0)`.execute(
      db,
    );
  });
  afterAll(() => db.destroy());

  const prepared = async () =>
    (await pglite.query<Prepared>(`select name, statement, generic_plans, custom_plans from pg_prepared_statements`))
      .rows;

  it('gives the rows PGlite’s own query gives, every type parsed the same, parameters of every type', async () => {
    const text = `select * from things where id = any($1) and (name <> $2 or $3::jsonb is not null) order by id`;
    const own = await pglite.query(text, [[1, 2, 3], 'none', { k: '值' }]);
    const mine = await sql`select * from things where id = any(${[1, 2, 3]}) and (name <> ${'none'}
      or ${{ k: '值' }}::jsonb is not null) order by id`.execute(db);
    expect(mine.rows).toEqual(own.rows);
    const kysely = await db.selectFrom('things').selectAll().where('id', 'in', [1, 2, 3]).orderBy('id').execute();
    expect(kysely).toEqual(own.rows);
    expect(kysely[0]).toEqual({
      id: 1,
      name: 'one',
      tags: ['a', 'b c'],
      data: { k: [1, '二'] },
      at: new Date('2026-11-23T08:00:00Z'),
      on: '2026-11-23',
      n: 9007199254740991,
    });
    const when = await db
      .selectFrom('things')
      .select('id')
      .where('at', '<', new Date('2026-01-01T00:00:00Z'))
      .where('tags', 'is', null)
      .execute();
    expect(when).toEqual([{ id: 3 }]);
  });

  it('prepares a statement once and runs it again by name, with new values each time', async () => {
    const names: string[] = [];
    for (const id of [1, 2, 3, 1, 2, 3, 1]) {
      const row = await db.selectFrom('things').select('name').where('id', '=', id).executeTakeFirstOrThrow();
      names.push(row.name);
    }
    expect(names).toEqual(['one', 'two', '三', 'one', 'two', '三', 'one']);
    const mine = (await prepared()).filter((p) => p.statement.includes('from "things" where "id" = $1'));
    expect(mine).toHaveLength(1);
    expect(Number(mine[0]!.generic_plans) + Number(mine[0]!.custom_plans)).toBe(7);
  });

  it('counts the rows a write changed, and returns the rows it returns', async () => {
    const updated = await db.updateTable('things').set({ n: 5 }).where('id', 'in', [2, 3]).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const inserted = await db
      .insertInto('things')
      .values({ id: 4, name: 'four', tags: ['x'], data: { a: 1 }, at: new Date(0), on: '1970-01-01', n: 4 })
      .returning(['id', 'n', 'at'])
      .execute();
    expect(inserted).toEqual([{ id: 4, n: 4, at: new Date(0) }]);
    expect((await db.deleteFrom('things').where('id', '=', 4).executeTakeFirst()).numDeletedRows).toBe(1n);
  });

  it('reports a refused write with its code, and keeps working, in a transaction and out of one', async () => {
    const duplicate = () => db.insertInto('things').values({ id: 1, name: 'again' }).execute();
    await expect(duplicate()).rejects.toMatchObject({ code: '23505' });
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto('things').values({ id: 5, name: 'five' }).execute();
        await tx.insertInto('things').values({ id: 1, name: 'again' }).execute();
      }),
    ).rejects.toMatchObject({ code: '23505', query: expect.stringContaining('insert into "things"') });
    expect(await db.selectFrom('things').select('id').where('id', '=', 5).execute()).toEqual([]);
    expect(pglite.isInTransaction()).toBe(false);
    await expect(sql`select * from nowhere where id = ${1}`.execute(db)).rejects.toMatchObject({ code: '42P01' });
    expect((await db.selectFrom('things').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('begins, commits and rolls back with one message each, and reports a refusal at the commit', async () => {
    await sql`create table pairs (id int primary key, partner int unique deferrable initially deferred)`.execute(db);
    const begun = await db.transaction().execute(async (tx) => {
      await sql`insert into pairs values (1, 10), (2, 20)`.execute(tx);
      return pglite.isInTransaction();
    });
    expect(begun).toBe(true);
    // The unique check is deferred to the commit, which the database refuses.
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`insert into pairs values (3, 10)`.execute(tx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(pglite.isInTransaction()).toBe(false);
    expect((await sql<{ id: number }>`select id from pairs order by id`.execute(db)).rows).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
  });

  it('plans a statement marked as planned per call at every call, with the rows of its values, never preparing it', async () => {
    const like = (term: string) =>
      db
        .selectFrom('things')
        .select('id')
        .where('name', 'like', term)
        .orderBy('id')
        .modifyEnd(plannedPerCall)
        .execute();
    for (const [term, ids] of [
      ['%o%', [1, 2]],
      ['三', [3]],
      ['%o%', [1, 2]],
      ['none', []],
    ] as const) {
      expect((await like(term)).map((r) => r.id)).toEqual(ids);
    }
    await db.transaction().execute((tx) => sql`create temporary table scratch (x int)`.execute(tx));
    const statements = (await prepared()).map((p) => p.statement);
    expect(statements.filter((s) => /^\s*(begin|commit|create)/i.test(s) || s.includes('like'))).toEqual([]);
  });

  it('prepares at most its limit of texts and runs the rest through PGlite’s query', async () => {
    for (let n = 1; n <= 8; n++) {
      const { rows } = await sql<{ x: number }>`select ${n}::int + ${sql.lit(n)} as x`.execute(db);
      expect(rows).toEqual([{ x: 2 * n }]);
    }
    expect((await prepared()).length).toBe(5);
  });

  it('reads a reply of several megabytes, which reaches it in more than one chunk', async () => {
    const big = new Kysely<Things>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
    const text = `select n, repeat(chr(0x7db2 + n), $1::int) as s from generate_series(1, 3) n`;
    const own = await pglite.query<{ n: number; s: string }>(text, [700_000]);
    const mine = await sql<{ n: number; s: string }>`select n, repeat(chr(0x7db2 + n), ${700_000}::int) as s
      from generate_series(1, 3) n`.execute(big);
    expect(mine.rows.map((r) => r.s.length)).toEqual([700_000, 700_000, 700_000]);
    expect(mine.rows).toEqual(own.rows);
  });

  it('runs a statement again after a schema change altered its columns, and aborts a transaction it was in', async () => {
    const other = new Kysely<Things>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
    const read = (on: Kysely<Things> = other) => on.selectFrom('things').selectAll().where('id', '=', 2).execute();
    const fresh = () =>
      other.selectFrom('things').selectAll().where('id', '=', 2).modifyEnd(plannedPerCall).executeTakeFirstOrThrow();
    const before = await read();
    expect(Object.keys(before[0]!)).not.toContain('colour');
    expect(Object.keys(await fresh())).not.toContain('colour');
    await sql`alter table things add column colour text default 'red'`.execute(other);
    expect((await read())[0]).toMatchObject({ id: 2, colour: 'red' });
    expect(await fresh()).toMatchObject({ id: 2, colour: 'red' });
    await sql`alter table things drop column colour`.execute(other);
    await expect(other.transaction().execute((tx) => read(tx))).rejects.toThrow(
      /cached plan must not change result type/,
    );
    expect(Object.keys((await other.transaction().execute((tx) => read(tx)))[0]!)).not.toContain('colour');
  });
});
