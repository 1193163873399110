import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/audit-chain.js';
import { auditRepository } from '../../src/db/repositories/audit.repository.js';
import { TestApp, type Session } from '../helpers/test-app.js';

describe('the tamper-evident audit trail (SEC-3)', () => {
  let t: TestApp;
  let auditor: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    auditor = await t.signedIn('auditor', { roles: ['auditor'] });
    staff = await t.signedIn('staff');
    for (let i = 0; i < 3; i++) await t.fileRequest(staff, { title: `稽核 ${i}` });
  });
  afterAll(() => t.stop());

  const verify = async () => (await t.inject({ method: 'GET', url: '/api/audit/verify', as: auditor })).json();

  it('chains every record to the one before it', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['id', 'prev_hash', 'hash'])
      .orderBy('id')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(5);
    rows.forEach((r, i) => {
      expect(r.id).toBe(i + 1);
      expect(r.prev_hash).toBe(i === 0 ? null : rows[i - 1]!.hash);
    });
    expect(await verify()).toMatchObject({ intact: true, firstBreak: null });
  });

  it('keeps the chain whole under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 15 }, (_, i) => t.fileRequest(staff, { title: `並行稽核 ${i}` })));
    expect(await auditRepository.verify(t.database.db, 7)).toMatchObject({ firstBreak: null });
  });

  it('records a filing with the number its numbering statement gave it, hashed as the check hashes it', async () => {
    const filed = await t.fileRequest(staff, { title: '稽核編號' });
    const record = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'object_type', 'data'])
      .where('object_id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(record).toEqual({
      action: 'request.created',
      actor_id: staff.user.id,
      object_type: 'request',
      data: { number: filed.number },
    });
    expect(await verify()).toMatchObject({ intact: true, firstBreak: null });
  });

  it('hashes in the database what the check hashes again, whatever the text (one call per record)', async () => {
    const odd = ['引號 " 與 \\ 反斜線', 'line\nbreak\ttab', '𠀋 outside the BMP 👍', '\u0001 control', ''];
    // Outside a transaction too: the call is one statement.
    for (const [i, text] of odd.entries()) {
      await auditRepository.append(t.database.db, {
        actorId: i % 2 ? staff.user.id : null,
        action: `test.${text}`,
        objectType: i % 2 ? undefined : text,
        objectId: text,
        ip: i % 2 ? '2001:db8::1' : null,
        data: { text, nested: { list: [text, i, null, true], 'key "quoted"': 1.5 }, when: new Date(0) },
      });
    }
    await Promise.all(
      odd.map((text) =>
        auditRepository.append(t.database.db, { actorId: null, action: 'test.concurrent', data: { text } }),
      ),
    );
    const rows = await t.database.db.selectFrom('audit_log').select(['id', 'at']).orderBy('id').execute();
    // The instant is taken under the chain's lock: it never falls as the ids rise.
    rows.slice(1).forEach((r, i) => expect(r.at.getTime()).toBeGreaterThanOrEqual(rows[i]!.at.getTime()));
    expect(await auditRepository.verify(t.database.db, 4)).toMatchObject({ firstBreak: null });
  });

  it('names the first record altered directly in the database', async () => {
    const target = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'request.created')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update audit_log set data = jsonb_set(data, '{number}', '"CTSP-115-99999"') where id = ${target.id}`.execute(
      t.database.db,
    );
    const result = await verify();
    expect(result).toMatchObject({
      intact: false,
      firstBreak: { id: target.id, reason: 'hash_mismatch' },
      checked: target.id - 1,
    });
  });

  it('notices a record removed from the middle', async () => {
    const h = await TestApp.start();
    try {
      const s = await h.signedIn('someone');
      await h.fileRequest(s);
      await h.fileRequest(s);
      const ids = (await h.database.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
      const middle = ids[Math.floor(ids.length / 2)]!;
      await h.database.db.deleteFrom('audit_log').where('id', '=', middle).execute();
      expect((await auditRepository.verify(h.database.db)).firstBreak).toEqual({
        id: middle + 1,
        reason: 'missing_record',
      });
    } finally {
      await h.stop();
    }
  });

  it('refuses the check to everyone but auditors and administrators', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/audit/verify', as: staff })).statusCode).toBe(403);
  });

  it('hashes a canonical form that does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('lets an auditor search by action prefix and export CSV, and records the export', async () => {
    const found = (
      await t.inject({ method: 'GET', url: '/api/audit?action=request.created&limit=5', as: auditor })
    ).json();
    expect(found.length).toBe(5);
    expect(
      found.every(
        (r: { action: string; actor: { username: string } }) =>
          r.action === 'request.created' && r.actor.username === 'staff',
      ),
    ).toBe(true);
    expect(found[0].id).toBeGreaterThan(found[1].id);
    const csv = await t.inject({ method: 'GET', url: '/api/audit?action=auth.login&format=csv', as: auditor });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toContain('時間 time (Asia/Taipei)');
    expect(csv.body).toContain(',auth.login,');
    const exported = (await t.inject({ method: 'GET', url: '/api/audit?action=audit.exported', as: auditor })).json();
    expect(exported).toHaveLength(1);
    expect((await t.inject({ method: 'GET', url: '/api/audit', as: staff })).statusCode).toBe(403);
  });
});
