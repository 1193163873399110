import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type Session } from '../helpers/test-app.js';

/** Issue 5 / SEC-2 (004 參 三(一)1): an account is asked for, approved by the supervisor, created by an administrator. */
describe('account requests', () => {
  let t: TestApp;
  let staff: Session;
  let chief: Session;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    staff = await t.signedIn('asker', { unit: 'section-a' });
    chief = await t.signedIn('chief-a', { unit: 'section-a', roles: [{ role: 'section_chief', unit: 'section-a' }] });
    admin = await t.signedIn('accounts-admin', { roles: ['admin'] });
  });
  afterAll(() => t.stop());

  const ask = (body: Record<string, unknown> = {}) =>
    t.inject({
      method: 'POST',
      url: '/api/account-requests',
      as: staff,
      payload: {
        username: 'newcomer',
        displayName: '新同仁',
        email: 'newcomer@example.invalid',
        unitId: staff.user.unitId,
        roles: [{ role: 'it_officer', unitId: null }],
        reason: '新進資訊承辦人',
        ...body,
      },
    });
  const decide = (as: Session, id: string, decision: 'approve' | 'reject', note = '') =>
    t.inject({ method: 'POST', url: `/api/account-requests/${id}/decision`, as, payload: { decision, note } });

  it('goes from the requester to the unit supervisor to an administrator, who creates the account and mails its link', async () => {
    const asked = await ask();
    expect(asked.statusCode).toBe(201);
    const id = asked.json().id as string;
    expect(asked.json()).toMatchObject({
      status: 'pending_supervisor',
      canDecide: false,
      requestedByName: '使用者 asker',
    });

    // Only the supervisor of the unit takes the first step: not the requester, not an administrator.
    expect((await decide(staff, id, 'approve')).statusCode).toBe(403);
    expect((await decide(admin, id, 'approve')).statusCode).toBe(403);
    const chiefList = await t.inject({ method: 'GET', url: '/api/account-requests', as: chief });
    expect(chiefList.json()).toEqual([expect.objectContaining({ id, canDecide: true })]);
    const supervised = await decide(chief, id, 'approve', '同意');
    expect(supervised.json()).toMatchObject({
      status: 'pending_admin',
      supervisorDecision: { byName: '使用者 chief-a', note: '同意' },
    });
    const notices = await t.inject({ method: 'GET', url: '/api/notifications', as: admin });
    expect(JSON.stringify(notices.json())).toContain('newcomer');

    const created = await decide(admin, id, 'approve');
    expect(created.json()).toMatchObject({ status: 'approved', adminDecision: { byName: '使用者 accounts-admin' } });
    const userId = created.json().createdUserId as string;
    const user = await t.inject({ method: 'GET', url: `/api/users/${userId}`, as: admin });
    expect(user.json()).toMatchObject({
      username: 'newcomer',
      unitId: staff.user.unitId,
      roles: [{ role: 'it_officer' }],
    });

    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('body')
      .where('to_address', '=', 'newcomer@example.invalid')
      .executeTakeFirstOrThrow();
    const token = /reset-password\?token=([\w-]+)/.exec(mail.body)![1]!;
    const set = await t.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, newPassword: 'First-own-pass-7!' },
    });
    expect(set.statusCode).toBe(204);
    await t.login({ id: userId, username: 'newcomer', unitId: staff.user.unitId }, 'First-own-pass-7!');

    const trail = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', 'in', [id, userId])
      .orderBy('id')
      .execute();
    expect(trail.map((r) => r.action)).toEqual([
      'account_request.created',
      'account_request.approved',
      'user.created',
      'account_request.approved',
      'user.first_password_set',
      'auth.login',
    ]);
  });

  it('refuses with a reason, and checks the account rules when asked', async () => {
    const asked = await ask({ username: 'not-needed' });
    const id = asked.json().id as string;
    const silent = await decide(chief, id, 'reject');
    expect(silent.statusCode).toBe(400);
    expect(silent.json().errors[0].field).toBe('note');
    const refused = await decide(chief, id, 'reject', '非業務必要');
    expect(refused.json()).toMatchObject({ status: 'rejected', supervisorDecision: { note: '非業務必要' } });
    expect((await decide(admin, id, 'approve')).statusCode).toBe(403);

    const vendor = await ask({ username: 'vendor-x', kind: 'vendor' });
    expect(vendor.statusCode).toBe(400);
    expect(vendor.json().errors[0].field).toBe('expiresOn');
    const taken = await ask({ username: 'chief-a' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0]).toMatchObject({ field: 'username', code: 'duplicate' });
  });
});
