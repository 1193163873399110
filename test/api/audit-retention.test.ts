import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkerOnce } from '../../src/server/worker.js';
import { TestApp, type Session } from '../helpers/test-app.js';

const DAY = 86_400_000;

/** Issue 5 / SEC-3: audit records are kept three years at least; the purge removes only older ones and is itself audited. */
describe('audit retention', () => {
  let t: TestApp;
  let auditor: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    // Audit records carry the server's real time, not the test clock: the purge's three years are
    // counted from today, so the clock starts today (from a fixed date the test broke a day later).
    t.clock.current = new Date();
    auditor = await t.signedIn('retention-auditor', { roles: ['auditor'] });
  });
  afterAll(() => t.stop());

  const count = async () => (await t.database.db.selectFrom('audit_log').select('id').execute()).length;
  const verify = () => t.inject({ method: 'GET', url: '/api/audit/verify', as: auditor }).then((r) => r.json());

  it('removes nothing younger than three years, then only what is older, and the chain still checks', async () => {
    for (let i = 0; i < 3; i++) await t.login(auditor.user);
    const before = await count();
    expect(before).toBeGreaterThan(2);
    t.clock.advance(3 * 365 * DAY - 2 * DAY);
    expect((await runWorkerOnce(t.app.services)).auditPurged).toBe(0);
    // Once a day: the next pass does not run the purge again.
    expect((await runWorkerOnce(t.app.services)).auditPurged).toBeNull();

    t.clock.advance(4 * DAY);
    const purged = (await runWorkerOnce(t.app.services)).auditPurged;
    expect(purged).toBeGreaterThan(before - 1);
    const purgeRecord = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('action', '=', 'audit.purged')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(purgeRecord.data).toMatchObject({ removed: purged });

    t.clock.current = new Date(); // back to today, so the auditor's session is live
    auditor = await t.login(auditor.user);
    expect(await verify()).toMatchObject({ firstBreak: null });

    // A record removed without a purge is still caught.
    const first = await t.database.db.selectFrom('audit_log').select('id').orderBy('id').executeTakeFirstOrThrow();
    await t.database.db.deleteFrom('audit_log').where('id', '=', first.id).execute();
    expect((await verify()).firstBreak).toMatchObject({ reason: 'missing_record' });
  });

  it('never keeps records for less than the legal three years', async () => {
    const admin = await t.signedIn('retention-admin', { roles: ['admin'] });
    const current = await t.inject({ method: 'GET', url: '/api/settings/security', as: admin });
    const res = await t.inject({
      method: 'PUT',
      url: '/api/settings/security',
      as: admin,
      payload: { ...current.json<Record<string, unknown>>(), auditRetentionYears: 2 },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe('auditRetentionYears');
  });
});
