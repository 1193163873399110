import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { fixedStatement, type Slots } from '../../src/db/fixed-statement.js';
import { freshDatabase } from '../helpers/database.js';

/** Issue 7: a statement of fixed shape is built once and runs with each call's own values. */
describe('fixedStatement', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await freshDatabase();
    await database.db
      .insertInto('settings')
      .values([
        { key: 'fixed.a', value: JSON.stringify('first') },
        { key: 'fixed.b', value: JSON.stringify('second') },
      ])
      .execute();
  });
  afterAll(() => database.close());

  it('builds once and binds each call’s values, in and out of a transaction', async () => {
    let builds = 0;
    const setting = fixedStatement((db, v: Slots<{ key: string; since: Date }>) => {
      builds++;
      return db
        .selectFrom('settings')
        .select(['key', 'value', sql<string>`${v.since}::timestamptz::text`.as('since')])
        .where('key', '=', v.key);
    });
    const db = database.db;
    const a = await setting(db, { key: 'fixed.a', since: new Date('2026-01-02T03:04:05Z') });
    const b = await setting(db, { key: 'fixed.b', since: new Date('2027-06-07T08:09:10Z') });
    const none = await setting(db, { key: 'fixed.none', since: new Date() });
    const inTx = await db.transaction().execute((tx) => setting(tx, { key: 'fixed.a', since: new Date(0) }));

    expect([a, b, none, inTx].map((rows) => rows.map((r) => r.key))).toEqual([
      ['fixed.a'],
      ['fixed.b'],
      [],
      ['fixed.a'],
    ]);
    expect(a[0]!.value).toBe('first');
    // The same value is bound wherever the builder used it, each call its own.
    expect(new Date(a[0]!.since).toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(new Date(b[0]!.since).toISOString()).toBe('2027-06-07T08:09:10.000Z');
    expect(builds).toBe(1);
  });

  it('builds a statement written as a template once too', async () => {
    let builds = 0;
    const pair = fixedStatement((db, v: Slots<{ word: string; count: number }>) => {
      builds++;
      return sql<{ word: string; twice: number }>`select ${v.word}::text as word, ${v.count}::int * 2 as twice`;
    });
    const db = database.db;
    expect(await pair(db, { word: '印表機', count: 2 })).toEqual([{ word: '印表機', twice: 4 }]);
    expect(await db.transaction().execute((tx) => pair(tx, { word: '網路', count: 21 }))).toEqual([
      { word: '網路', twice: 42 },
    ]);
    expect(builds).toBe(1);
  });

  it('refuses a call that lacks one of its values, naming it', async () => {
    const setting = fixedStatement((db, v: Slots<{ key: string }>) =>
      db.selectFrom('settings').select('key').where('key', '=', v.key),
    );
    await expect(setting(database.db, {} as { key: string })).rejects.toThrow('no value for "key"');
  });
});
