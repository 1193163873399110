import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type Session } from '../helpers/test-app.js';

/** Issue 5 / SEC-2, VEN-4: account rules, changes recorded field by field, transfer and leaving. */
describe('account lifecycle', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.signedIn('lifecycle-admin', { roles: ['admin'] });
  });
  afterAll(() => t.stop());

  const create = (body: Record<string, unknown>) =>
    t.inject({
      method: 'POST',
      url: '/api/users',
      as: admin,
      payload: {
        displayName: '廠商工程師',
        unitId: admin.user.unitId,
        roles: [{ role: 'vendor_engineer', unitId: null }],
        password: 'Initial-pass-1!',
        reason: '維護合約',
        ...body,
      },
    });

  it('requires an expiry of at most 180 days for vendor accounts and never gives them administrator rights', async () => {
    const noExpiry = await create({ username: 'vendor-a', kind: 'vendor' });
    expect(noExpiry.statusCode).toBe(400);
    expect(noExpiry.json().errors.map((e: { field: string }) => e.field)).toEqual(['expiresOn']);
    const admin_ = await create({
      username: 'vendor-b',
      kind: 'vendor',
      expiresOn: '2027-01-31',
      roles: [{ role: 'admin', unitId: null }],
    });
    expect(admin_.statusCode).toBe(400);
    expect(admin_.json().errors[0]).toMatchObject({ field: 'roles.0.role', code: 'staff_only_role' });
    // Today is 2026-11-23 in the test clock: 180 days ahead is 2027-05-22.
    const tooLong = await create({ username: 'vendor-c', kind: 'contractor', expiresOn: '2027-05-23' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].code).toBe('too_long');
    const ok = await create({ username: 'vendor-d', kind: 'vendor', expiresOn: '2027-05-22' });
    expect(ok.statusCode).toBe(201);
    // The account works through its last day, Asia/Taipei.
    expect(ok.json().expiresAt).toBe('2027-05-22T16:00:00.000Z');
  });

  it('stops an expired vendor account the moment it expires, sessions included', async () => {
    const created = await create({ username: 'vendor-e', kind: 'vendor', expiresOn: '2026-11-30' });
    expect(created.statusCode).toBe(201);
    // 2026-11-30 is its last day: it ends at 2026-11-30T16:00Z.
    t.clock.current = new Date('2026-11-30T15:59:00Z');
    const login = () =>
      t.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'vendor-e', password: 'Initial-pass-1!' },
      });
    const first = await login();
    expect(first.statusCode).toBe(200);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    t.clock.current = new Date('2026-11-30T15:59:59Z');
    expect((await me()).statusCode).toBe(200);
    t.clock.current = new Date('2026-11-30T16:00:00Z');
    expect((await me()).statusCode).toBe(401);
    expect((await login()).statusCode).toBe(401);
    t.clock.current = new Date('2026-11-23T02:00:00Z');
    // Signing in at the later time ended the sessions that had expired by then.
    admin = await t.login(admin.user);
  });

  it('records every changed field of an account with its old and new value', async () => {
    const target = await t.user('changing', { roles: ['requester'] });
    const other = await t.unit('new-home');
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      as: admin,
      payload: {
        phone: '04-2565-0000',
        unitId: other,
        roles: [{ role: 'it_officer', unitId: null }],
        reason: '職務調整',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '04-2565-0000', unitId: other, roles: [{ role: 'it_officer' }] });
    const record = await t.database.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'user.updated')
      .where('object_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(record.data).toEqual({
      reason: '職務調整',
      changes: {
        phone: { before: null, after: '04-2565-0000' },
        unitId: { before: target.unitId, after: other },
        roles: { before: [{ role: 'requester', unitId: null }], after: [{ role: 'it_officer', unitId: null }] },
      },
    });
    const noReason = await t.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      as: admin,
      payload: { phone: '1' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
  });

  it('on leaving disables the account, ends its sessions and tokens, and lists what the person still holds', async () => {
    const leaver = await t.signedIn('leaver', { roles: ['desk_agent'] });
    const filed = await t.fileRequest(leaver);
    await t.inject({
      method: 'POST',
      url: `/api/requests/${filed.id}/assign`,
      as: admin,
      payload: { assigneeId: leaver.user.id },
    });
    await t.inject({ method: 'POST', url: '/api/me/tokens', as: leaver, payload: { name: 'script' } });
    const holdings = await t.inject({ method: 'GET', url: `/api/users/${leaver.user.id}/holdings`, as: admin });
    expect(holdings.json()).toMatchObject({
      assignedRequests: [{ id: filed.id }],
      filedRequests: [{ id: filed.id }],
      activeSessions: 1,
      apiTokens: 1,
    });
    const left = await t.inject({
      method: 'POST',
      url: `/api/users/${leaver.user.id}/offboard`,
      as: admin,
      payload: { mode: 'leave', reason: '離職' },
    });
    expect(left.statusCode).toBe(200);
    expect(left.json().user).toMatchObject({ disabled: true, roles: [] });
    expect(left.json().holdings).toMatchObject({
      assignedRequests: [{ number: filed.number }],
      activeSessions: 0,
      apiTokens: 0,
    });
    expect((await t.inject({ method: 'GET', url: '/api/me', as: leaver })).statusCode).toBe(401);
    const self = await t.inject({
      method: 'POST',
      url: `/api/users/${admin.user.id}/offboard`,
      as: admin,
      payload: { mode: 'leave', reason: '離職' },
    });
    expect(self.statusCode).toBe(409);
  });

  it('on transfer removes every role and moves the account to its new unit as a requester', async () => {
    const mover = await t.signedIn('mover', { roles: ['it_officer', 'desk_agent'] });
    const target = await t.unit('transfer-target');
    const moved = await t.inject({
      method: 'POST',
      url: `/api/users/${mover.user.id}/offboard`,
      as: admin,
      payload: { mode: 'transfer', unitId: target, reason: '調職' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().user).toMatchObject({ unitId: target, disabled: false, roles: [{ role: 'requester' }] });
    const missingUnit = await t.inject({
      method: 'POST',
      url: `/api/users/${mover.user.id}/offboard`,
      as: admin,
      payload: { mode: 'transfer', reason: '調職' },
    });
    expect(missingUnit.statusCode).toBe(400);
    expect(missingUnit.json().errors[0].field).toBe('unitId');
  });
});
