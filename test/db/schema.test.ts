import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import {
  REQUEST_CHANNELS,
  REQUEST_EVENT_KINDS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from '../../src/shared/request-vocabulary.js';
import { ROLES, UNIT_KINDS, USER_KINDS } from '../../src/shared/roles.js';
import { freshDatabase } from '../helpers/database.js';

describe('the schema', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
  });
  afterAll(() => h.close());

  it.each([
    ['requests', 'status', REQUEST_STATUSES],
    ['requests', 'type', REQUEST_TYPES],
    ['requests', 'channel', REQUEST_CHANNELS],
    ['request_events', 'kind', REQUEST_EVENT_KINDS],
    ['role_assignments', 'role', ROLES],
    ['users', 'kind', USER_KINDS],
    ['units', 'kind', UNIT_KINDS],
  ])('constrains %s.%s to exactly the vocabulary the code knows', async (table, column, values) => {
    const { rows } = await sql<{ def: string }>`
      select pg_get_constraintdef(c.oid) as def from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      where t.relname = ${table} and c.contype = 'c' and pg_get_constraintdef(c.oid) like ${`%${column}%`}`.execute(
      h.db,
    );
    expect(rows).toHaveLength(1);
    const allowed = [...rows[0]!.def.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]).sort();
    expect(allowed).toEqual([...values].sort());
  });

  it('migrates an up-to-date database without change', async () => {
    expect(await migrateToLatest(h.db)).toEqual([]);
  });

  it('refuses a database a newer release has migrated further', async () => {
    const newer = '29991231T0000-from-a-newer-release';
    await sql`insert into kysely_migration (name, timestamp) values (${newer}, now())`.execute(h.db);
    try {
      await expect(migrateToLatest(h.db)).rejects.toThrow(newer);
    } finally {
      await sql`delete from kysely_migration where name = ${newer}`.execute(h.db);
    }
    expect(await migrateToLatest(h.db)).toEqual([]);
  });
});

describe('the embedded database on disk', () => {
  it('keeps its data across a restart', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'govdesk-pglite-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await migrateToLatest(first.db);
      await first.db
        .insertInto('units')
        .values({ parent_id: null, code: 'kept', name: '保留', name_en: 'Kept', kind: 'agency' })
        .execute();
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      expect(await migrateToLatest(second.db)).toEqual([]);
      const unit = await second.db.selectFrom('units').select('name').where('code', '=', 'kept').executeTakeFirst();
      await second.close();
      expect(unit).toEqual({ name: '保留' });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
