import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, TestApp, type Session } from '../helpers/test-app.js';

const login = (t: TestApp, username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sign-in protection (SEC-1, 004 參)', () => {
  let t: TestApp;
  let desk: Session;
  let admin: Session;

  beforeAll(async () => {
    t = await TestApp.start({ sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 });
    desk = await t.signedIn('desk', { roles: ['desk_agent'] });
    admin = await t.signedIn('admin', { roles: ['admin'] });
  });
  afterAll(() => t.stop());

  it('locks an account after 3 consecutive failures, refuses the right password on the 4th, and a desk agent unlocks it', async () => {
    const victim = await t.user('victim');
    for (let i = 0; i < 3; i++) expect((await login(t, 'victim', 'Wrong-pass-1!', '10.0.1.1')).statusCode).toBe(401);
    const fourth = await login(t, 'victim', PASSWORD, '10.0.1.2');
    expect(fourth.statusCode).toBe(401);
    // The same answer as a wrong password or an unknown user: nothing tells an attacker the account exists.
    expect(fourth.json()).toEqual((await login(t, 'nobody-here', PASSWORD, '10.0.1.3')).json());

    const users = (await t.inject({ method: 'GET', url: '/api/users?q=victim', as: desk })).json();
    expect(users[0]).toMatchObject({ username: 'victim', locked: true });
    expect(
      (await t.inject({ method: 'POST', url: `/api/users/${victim.id}/unlock`, as: desk, payload: {} })).statusCode,
    ).toBe(204);
    expect((await login(t, 'victim', PASSWORD, '10.0.1.4')).statusCode).toBe(200);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('object_id', '=', victim.id)
      .where('action', 'in', ['user.locked', 'user.unlocked'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'user.locked', actor_id: null },
      { action: 'user.unlocked', actor_id: desk.user.id },
    ]);
  });

  it('counts only consecutive failures: a success in between starts again', async () => {
    await t.user('careful');
    await login(t, 'careful', 'Wrong-pass-1!', '10.0.2.1');
    await login(t, 'careful', 'Wrong-pass-1!', '10.0.2.1');
    expect((await login(t, 'careful', PASSWORD, '10.0.2.1')).statusCode).toBe(200);
    await login(t, 'careful', 'Wrong-pass-1!', '10.0.2.1');
    await login(t, 'careful', 'Wrong-pass-1!', '10.0.2.1');
    expect((await login(t, 'careful', PASSWORD, '10.0.2.1')).statusCode).toBe(200);
  });

  it('slows down an address that keeps failing, whichever accounts it tries', async () => {
    for (let i = 0; i < 10; i++) await login(t, `guess-${i}`, 'Wrong-pass-1!', '10.0.3.1');
    const blocked = await login(t, 'desk', PASSWORD, '10.0.3.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({
      code: 'rate_limited',
      title_zh: '此位址登入失敗次數過多，請 15 分鐘後再試',
    });
    // Another address is not affected, and the wait ends.
    expect((await login(t, 'desk', PASSWORD, '10.0.3.2')).statusCode).toBe(200);
    t.clock.advance(16 * 60 * 1000);
    expect((await login(t, 'desk', PASSWORD, '10.0.3.1')).statusCode).toBe(200);
  });

  it('refuses a password that breaks the policy, naming each rule', async () => {
    const s = await t.signedIn('weak');
    const res = await t.inject({
      method: 'POST',
      url: '/api/me/password',
      as: s,
      payload: { currentPassword: PASSWORD, newPassword: 'abcdefgh' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { code: string }) => e.code)).toEqual(['no_upper', 'no_digit', 'no_symbol']);
    expect(res.json().errors[0].message_zh).toBe('需包含大寫英文字母');
  });

  it('refuses any of the last three passwords', async () => {
    const u = await t.user('rotator');
    let s = await t.login(u);
    const change = (from: string, to: string) =>
      t.inject({ method: 'POST', url: '/api/me/password', as: s, payload: { currentPassword: from, newPassword: to } });
    expect((await change(PASSWORD, 'Second-pass-2!')).statusCode).toBe(204);
    s = await t.login(u, 'Second-pass-2!');
    expect((await change('Second-pass-2!', 'Third-pass-3!')).statusCode).toBe(204);
    s = await t.login(u, 'Third-pass-3!');
    const reuse = await change('Third-pass-3!', PASSWORD);
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'reused_password' });
    expect((await change('Third-pass-3!', 'Fourth-pass-4!')).statusCode).toBe(204);
    s = await t.login(u, 'Fourth-pass-4!');
    // The first password is now four back: allowed again.
    expect((await change('Fourth-pass-4!', PASSWORD)).statusCode).toBe(204);
  });

  it('makes a user change a password older than three months before doing anything else', async () => {
    const u = await t.user('stale');
    await t.database.db
      .updateTable('users')
      .set({ password_changed_at: new Date(t.clock.now().getTime() - 91 * 86_400_000) })
      .where('id', '=', u.id)
      .execute();
    const s = await t.login(u);
    expect((await t.inject({ method: 'GET', url: '/api/me', as: s })).json().mustChangePassword).toBe(true);
    const blocked = await t.inject({ method: 'GET', url: '/api/requests', as: s });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/me/password',
          as: s,
          payload: { currentPassword: PASSWORD, newPassword: 'Fresh-pass-2026!' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.inject({ method: 'GET', url: '/api/requests', as: s })).statusCode).toBe(200);
  });

  it('makes an account an administrator created change its password at first use', async () => {
    const created = await t.inject({
      method: 'POST',
      url: '/api/users',
      as: admin,
      payload: {
        username: 'newbie',
        displayName: '新人',
        unitId: admin.user.unitId,
        roles: [{ role: 'requester', unitId: null }],
        password: 'Initial-pass-1!',
        reason: '新進',
      },
    });
    expect(created.statusCode).toBe(201);
    const s = await t.login(
      { id: created.json().id, username: 'newbie', unitId: admin.user.unitId },
      'Initial-pass-1!',
    );
    expect((await t.inject({ method: 'GET', url: '/api/me', as: s })).json().mustChangePassword).toBe(true);
    expect((await t.inject({ method: 'GET', url: '/api/units', as: s })).statusCode).toBe(403);
    const weak = await t.inject({
      method: 'POST',
      url: '/api/users',
      as: admin,
      payload: {
        username: 'weakling',
        displayName: '弱',
        unitId: admin.user.unitId,
        roles: [{ role: 'requester', unitId: null }],
        password: 'password',
        reason: '新進',
      },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('password');
  });

  it('signs out everywhere and shows the user their recent sign-ins', async () => {
    const u = await t.user('traveller');
    const a = await t.login(u);
    const b = await t.login(u);
    await login(t, 'traveller', 'Wrong-pass-1!', '10.0.9.9');
    const history = (await t.inject({ method: 'GET', url: '/api/me/sign-ins', as: a })).json();
    expect(history.slice(0, 3).map((h: { success: boolean }) => h.success)).toEqual([false, true, true]);
    expect(history[0].ip).toBe('10.0.9.9');
    expect((await t.inject({ method: 'POST', url: '/api/auth/logout-all', as: a, payload: {} })).json()).toEqual({
      ended: 2,
    });
    expect((await t.inject({ method: 'GET', url: '/api/me', as: b })).statusCode).toBe(401);
  });

  it('lets an administrator tighten the policy', async () => {
    const res = await t.inject({
      method: 'PUT',
      url: '/api/settings/password-policy',
      as: admin,
      payload: {
        minLength: 12,
        requireUpper: true,
        requireLower: true,
        requireDigit: true,
        requireSymbol: true,
        maxAgeDays: 90,
        historyCount: 3,
        lockoutThreshold: 3,
      },
    });
    expect(res.statusCode).toBe(200);
    const s = await t.signedIn('policy-tester');
    const short = await t.inject({
      method: 'POST',
      url: '/api/me/password',
      as: s,
      payload: { currentPassword: PASSWORD, newPassword: 'Short-pw-1!' },
    });
    expect(short.json().errors[0]).toMatchObject({ code: 'too_short', message_zh: '至少 12 個字元' });
    const tooLoose = await t.inject({
      method: 'PUT',
      url: '/api/settings/password-policy',
      as: admin,
      payload: { ...res.json<Record<string, unknown>>(), minLength: 4 },
    });
    expect(tooLoose.statusCode).toBe(400);
  });
});
