import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { newId } from '../../src/db/ids.js';
import { organisationRepository } from '../../src/db/repositories/organisation.repository.js';
import { freshDatabase } from '../helpers/database.js';

// Issue 7: a filing stores its request's row last, with its number, after its history and clocks
// (migration 20261124T2200). So every reference to a request is checked at the commit.
describe('references to a request', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
  });
  afterAll(() => h.close());

  it('are all checked at the commit, but a request’s own reference to the one it applies again for', async () => {
    const { rows } = await sql<{ tbl: string; conname: string; deferrable: boolean; deferred: boolean }>`
      select conrelid::regclass::text as tbl, conname, condeferrable as deferrable, condeferred as deferred
      from pg_constraint where contype = 'f' and confrelid = 'requests'::regclass
      order by 1, 2`.execute(h.db);
    const others = rows.filter((r) => r.tbl !== 'requests');
    expect(others.map((r) => r.tbl)).toEqual(
      expect.arrayContaining(['attachments', 'comments', 'notifications', 'request_clocks', 'request_events']),
    );
    expect(others.filter((r) => !r.deferrable || !r.deferred)).toEqual([]);
    expect(rows.filter((r) => r.tbl === 'requests').map((r) => [r.conname, r.deferred])).toEqual([
      ['requests_previous_request_id_fkey', false],
    ]);
  });

  it('let a transaction write a request’s history before its row', async () => {
    const unit = await organisationRepository.insertUnit(h.db, {
      parentId: null,
      code: 'ref-test',
      name: '測試機關',
      nameEn: 'Test agency',
      kind: 'agency',
    });
    const id = newId();
    await h.db.transaction().execute(async (tx) => {
      await sql`insert into request_events (request_id, seq, kind, at, data)
        values (${id}, 1, 'created', now(), '{}')`.execute(tx);
      await sql`insert into requests (id, number, type, channel, status, unit_id, applicant_name, applicant_phone,
          application_date, wished_date, title, description, created_at, updated_at, form, workflow_data)
        values (${id}, 'REF-TEST-1', 'general', 'web', 'submitted', ${unit.id}, '王小明', '1234', current_date,
          current_date, 't', 'd', now(), now(), '{}', '{}')`.execute(tx);
    });
    const events = await h.db.selectFrom('request_events').select('kind').where('request_id', '=', id).execute();
    expect(events).toEqual([{ kind: 'created' }]);
  });

  it('still fail the transaction, at its commit, when the request never comes', async () => {
    const id = newId();
    const committed = h.db.transaction().execute(async (tx) => {
      await sql`insert into request_events (request_id, seq, kind, at, data)
        values (${id}, 1, 'created', now(), '{}')`.execute(tx);
    });
    await expect(committed).rejects.toMatchObject({ code: '23503' });
    const events = await h.db.selectFrom('request_events').select('kind').where('request_id', '=', id).execute();
    expect(events).toEqual([]);
  });
});
