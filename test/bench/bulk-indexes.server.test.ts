import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTarget, type SqlTarget } from '../../bench/lib/sql-target.js';
import { dropServerDatabase, freshServerDatabaseUrl } from '../helpers/database.js';
import { catalogue, createFixture, finish, journal, loadChildren, rebuild } from './bulk-indexes.fixture.js';

/**
 * Issue 7: on a PostgreSQL server the bench's bulk load commits its rows with a journal of the
 * indexes and constraints it dropped, and re-creates them on several connections at once; a
 * rebuild that stops half-way is finished from the journal. Runs in the suite's PostgreSQL pass.
 */
describe('a bulk load without its indexes, re-created on two connections', () => {
  let url: string;
  let db: SqlTarget;
  beforeEach(async () => {
    url = (await freshServerDatabaseUrl())!;
    db = await openTarget(url);
    await createFixture(db);
  });
  afterEach(async () => {
    await db.close();
    await dropServerDatabase(url);
  });

  /** The client connections to this database other than `db`'s own, once the closed ones are gone. */
  const otherClients = async () => {
    const list = () =>
      db.query<{ query: string }>(
        `select query from pg_stat_activity
          where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
    // A backend leaves the list a moment after its client has closed the socket.
    for (let tries = 0; tries < 50 && (await list()).length > 0; tries++) await new Promise((r) => setTimeout(r, 20));
    return list();
  };

  it('re-creates every index and constraint as the catalogue had it, on a second connection too', async () => {
    const before = await catalogue(db);
    const seen: string[] = [];
    const connectAgain = db.connectAgain!;
    // Record what the extra connection runs.
    db.connectAgain = async () => {
      const other = await connectAgain();
      return { ...other, query: (text, params) => (seen.push(text), other.query(text, params)) };
    };

    const { definitions } = await rebuild(db, 2, async () => {
      // The journal is written in the load's transaction, before the first drop.
      expect(await db.query(`select key from settings`)).toEqual([{ key: 'bench.pending_index_rebuild' }]);
      return loadChildren(db, 5_000);
    });

    expect(definitions).toHaveLength(5);
    expect(await catalogue(db)).toEqual(before);
    expect(seen.some((s) => /^create (unique )?index /i.test(s) || / validate constraint /.test(s))).toBe(true);
    expect(await journal(db)).toBe(0);
    expect(await otherClients()).toEqual([]);
    await expect(db.query(`insert into children values (9001, 999, 'x', '{}', false)`)).rejects.toThrow(
      /children_parent_id_fkey/,
    );
  });

  it('rolls back the rows and the dropped definitions together when the load fails', async () => {
    const before = await catalogue(db);
    await expect(
      rebuild(db, 2, async () => {
        await loadChildren(db, 100);
        throw new Error('the generator stopped');
      }),
    ).rejects.toThrow('the generator stopped');
    expect(await catalogue(db)).toEqual(before);
    expect(await db.query(`select id from children`)).toEqual([]);
    expect(await journal(db)).toBe(0);
  });

  it('leaves a journal when the rebuild stops, and the next call finishes it', async () => {
    const before = await catalogue(db);
    // Two rows share a code: the unique index cannot be built, as if the rebuild had been killed.
    await expect(rebuild(db, 2, () => loadChildren(db, 3_000, true))).rejects.toThrow(/children_code_key/);

    expect(await journal(db)).toBe(1);
    expect((await db.query(`select id from children`)).length).toBe(3_000);
    const left = await catalogue(db);
    expect(left).not.toContain('constraint children_code_key: UNIQUE (code)');
    // The foreign key came back with the rows, to be validated with the indexes.
    expect(left.filter((d) => d.startsWith('constraint children_parent_id_fkey'))).toHaveLength(1);

    await db.query(`delete from children where id = 3000`);
    expect(await finish(db, 2)).toBe(true);
    expect(await catalogue(db)).toEqual(before);
    expect(await journal(db)).toBe(0);
    expect(await finish(db, 2)).toBe(false);
  });
});
