import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { freshDatabase } from '../helpers/database.js';

describe('the database layer', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
    await sql`create table counter (id int primary key, n int not null)`.execute(h.db);
    await sql`insert into counter values (1, 0)`.execute(h.db);
  });
  afterAll(() => h.close());

  it('keeps concurrent read-modify-write transactions apart', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        h.db.transaction().execute(async (tx) => {
          const row = await sql<{ n: number }>`select n from counter where id = 1 for update`.execute(tx);
          await new Promise((r) => setTimeout(r, 1));
          await sql`update counter set n = ${row.rows[0]!.n + 1} where id = 1`.execute(tx);
        }),
      ),
    );
    const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(h.db);
    expect(rows[0]!.n).toBe(20);
  });

  it('rolls a failed transaction back entirely and stays usable', async () => {
    await expect(
      h.db.transaction().execute(async (tx) => {
        await sql`update counter set n = -1 where id = 1`.execute(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(h.db);
    expect(rows[0]!.n).toBe(20);
  });

  it('reads dates as YYYY-MM-DD text and bigints as numbers on either database', async () => {
    const { rows } = await sql<{
      d: unknown;
      b: unknown;
    }>`select date '2026-02-08' as d, 9007199254740::bigint as b`.execute(h.db);
    expect(rows[0]).toEqual({ d: '2026-02-08', b: 9007199254740 });
  });
});
