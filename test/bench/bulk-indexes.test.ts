import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTarget, type SqlTarget } from '../../bench/lib/sql-target.js';
import { catalogue, createFixture, finish, journal, loadChildren, rebuild } from './bulk-indexes.fixture.js';

/**
 * Issue 7: the bench's bulk load on PGlite (one connection) drops the loaded table's secondary
 * indexes and constraints, and re-creates them in the load's own transaction.
 */
describe('a bulk load without its indexes, on PGlite', () => {
  let db: SqlTarget;
  beforeEach(async () => {
    db = await openTarget('memory://');
    await createFixture(db);
  });
  afterEach(() => db.close());

  it('re-creates every index and constraint as the catalogue had it, and keeps the rows', async () => {
    const before = await catalogue(db);
    expect(before.length).toBe(10);

    let during: string[] = [];
    const { definitions } = await rebuild(db, 4, async () => {
      during = await catalogue(db);
      return loadChildren(db, 2_000);
    });

    expect(definitions.map((d) => d.name).sort()).toEqual([
      'children_code_key',
      'children_open_idx',
      'children_parent_id_fkey',
      'children_parent_idx',
      'children_tags_idx',
    ]);
    // Only the primary keys stay during the load.
    expect(during).toEqual([
      'constraint children_pkey: PRIMARY KEY (id)',
      'constraint parents_pkey: PRIMARY KEY (id)',
      'index children_pkey: CREATE UNIQUE INDEX children_pkey ON public.children USING btree (id)',
      'index parents_pkey: CREATE UNIQUE INDEX parents_pkey ON public.parents USING btree (id)',
    ]);
    expect(await catalogue(db)).toEqual(before);
    expect((await db.query(`select id from children where tags @> array['t3']`)).length).toBe(286);
    await expect(db.query(`insert into children values (9001, 999, 'x', '{}', false)`)).rejects.toThrow(
      /children_parent_id_fkey/,
    );
    // PGlite cannot open a second connection: nothing was journalled.
    expect(await journal(db)).toBe(0);
    expect(await finish(db, 2)).toBe(false);
  });

  it('rolls back the rows and the dropped definitions together when the rebuild fails', async () => {
    const before = await catalogue(db);
    await expect(rebuild(db, 1, () => loadChildren(db, 500, true))).rejects.toThrow(/children_code_key/);
    expect(await catalogue(db)).toEqual(before);
    expect(await db.query(`select id from children`)).toEqual([]);
  });
});
