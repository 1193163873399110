import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { newId } from '../../src/db/ids.js';
import { freshDatabase } from '../helpers/database.js';

// Issue 7: new rows' keys are time-ordered UUIDs (RFC 9562 version 7), so that a new row's
// index entries go to the end of each index rather than to a random page.
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const millisecondsOf = (id: string) => parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe('keys made in the code (newId)', () => {
  it('are version 7 keys carrying the time they were made', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(id).toMatch(V7);
    expect(millisecondsOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisecondsOf(id)).toBeLessThanOrEqual(after);
  });

  it('sort in the order they were made, within one millisecond too', () => {
    const ids = Array.from({ length: 2_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('carry a given instant for a row of the past', () => {
    const at = new Date('2022-03-04T05:06:07.089Z');
    const id = newId(at);
    expect(id).toMatch(V7);
    expect(millisecondsOf(id)).toBe(at.getTime());
  });
});

describe('keys made by the database (govdesk_uuid7)', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
  });
  afterAll(() => h.close());

  it('are version 7 keys carrying the time they were made, and later ones sort later', async () => {
    // One statement after another, on the database's own clock.
    const now = async () =>
      Number(
        (
          await sql<{ ms: string }>`select floor(extract(epoch from clock_timestamp()) * 1000)::text as ms`.execute(
            h.db,
          )
        ).rows[0]!.ms,
      );
    const key = async () => (await sql<{ id: string }>`select govdesk_uuid7()::text as id`.execute(h.db)).rows[0]!.id;
    const before = await now();
    const first = await key();
    await new Promise((resolve) => setTimeout(resolve, 3));
    const second = await key();
    const after = await now();
    for (const id of [first, second]) {
      expect(id).toMatch(V7);
      expect(millisecondsOf(id)).toBeGreaterThanOrEqual(before);
      expect(millisecondsOf(id)).toBeLessThanOrEqual(after);
    }
    expect(second > first).toBe(true);
  });

  it('are the default of every generated UUID key', async () => {
    const { rows } = await sql<{ table: string; default: string }>`
      select table_name as table, column_default as default from information_schema.columns
      where table_schema = 'public' and data_type = 'uuid' and column_default is not null
      order by table_name`.execute(h.db);
    expect(rows.length).toBeGreaterThanOrEqual(16);
    expect(rows.filter((r) => r.default !== 'govdesk_uuid7()')).toEqual([]);
  });

  it('key the rows inserted without one', async () => {
    const { rows } = await sql<{ id: string }>`
      insert into calendar_sources (year, file_name, origin, revision, sha256, day_count, holiday_count, active)
      values (2030, 'keys-test.csv', 'imported', 1, 'x', 0, 0, false) returning id`.execute(h.db);
    expect(rows[0]!.id).toMatch(V7);
  });
});
