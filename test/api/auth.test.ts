import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, TestApp, type TestUser } from '../helpers/test-app.js';

describe('signing in, sessions and API tokens', () => {
  let t: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    t = await TestApp.start({ sessionIdleMinutes: 30, sessionMaxHours: 12 });
    alice = await t.user('alice', { unit: 'investment' });
  });
  afterAll(() => t.stop());

  it('signs in with a session cookie that is HttpOnly and SameSite, and returns a CSRF token', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'Alice', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = [res.headers['set-cookie']].flat().join('\n');
    expect(cookie).toMatch(/govdesk_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user).toMatchObject({ username: 'alice', unitName: '單位 investment' });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: PASSWORD },
    });
    const wrong = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'alice', password: 'Wrong-pass-1!' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json()).toMatchObject({
      code: 'invalid_credentials',
      title_zh: '帳號或密碼錯誤，或帳號已鎖定（請洽服務台解鎖）',
    });
  });

  it('refuses a state change made with the cookie but without the CSRF token', async () => {
    const s = await t.login(alice);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: { cookie: s.cookie },
      payload: t.requestBody(s),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) },
      payload: t.requestBody(s),
    });
    expect(wrongToken.statusCode).toBe(403);
  });

  it('ends a session after the idle time and on sign-out', async () => {
    const s = await t.login(alice);
    expect((await t.inject({ method: 'GET', url: '/api/me', as: s })).statusCode).toBe(200);
    t.clock.advance(29 * 60 * 1000);
    expect((await t.inject({ method: 'GET', url: '/api/me', as: s })).statusCode).toBe(200);
    t.clock.advance(31 * 60 * 1000);
    expect((await t.inject({ method: 'GET', url: '/api/me', as: s })).statusCode).toBe(401);

    const s2 = await t.login(alice);
    expect((await t.inject({ method: 'POST', url: '/api/auth/logout', as: s2 })).statusCode).toBe(204);
    expect((await t.inject({ method: 'GET', url: '/api/me', as: s2 })).statusCode).toBe(401);
  });

  it('restores the session and its CSRF token for a reloaded page', async () => {
    const s = await t.login(alice);
    const res = await t.inject({ method: 'GET', url: '/api/auth/session', as: s });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ csrfToken: s.csrf, user: { username: 'alice' } });
    expect((await t.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('lets an integration act with a personal API token, without CSRF, until it is revoked', async () => {
    const s = await t.login(alice);
    const created = await t.inject({
      method: 'POST',
      url: '/api/me/tokens',
      as: s,
      payload: { name: '公文系統介接', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^gdk_/);
    expect(token.startsWith(prefix)).toBe(true);

    const bearer = { authorization: `Bearer ${token}` };
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: bearer,
      payload: t.requestBody(s),
    });
    expect(filed.statusCode).toBe(201);

    const list = await t.inject({ method: 'GET', url: '/api/me/tokens', as: s });
    expect(list.json()).toEqual([
      expect.objectContaining({ id, name: '公文系統介接', lastUsedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(list.json())).not.toContain(token);

    expect((await t.inject({ method: 'DELETE', url: `/api/me/tokens/${id}`, as: s })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('refuses an expired API token', async () => {
    const s = await t.login(alice);
    const { token } = (
      await t.inject({ method: 'POST', url: '/api/me/tokens', as: s, payload: { name: 'short', expiresInDays: 1 } })
    ).json();
    t.clock.advance(25 * 60 * 60 * 1000);
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
  });

  it('changes a password only with the current one, and signs in with the new one', async () => {
    const bob = await t.user('bob');
    const s = await t.login(bob);
    const wrong = await t.inject({
      method: 'POST',
      url: '/api/me/password',
      as: s,
      payload: { currentPassword: 'nope', newPassword: 'New-pass-2026!' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'currentPassword', message_zh: '目前密碼不正確' });
    const ok = await t.inject({
      method: 'POST',
      url: '/api/me/password',
      as: s,
      payload: { currentPassword: PASSWORD, newPassword: 'New-pass-2026!' },
    });
    expect(ok.statusCode).toBe(204);
    await expect(t.login(bob)).rejects.toThrow(/401/);
    await expect(t.login(bob, 'New-pass-2026!')).resolves.toBeTruthy();
    // The new password is stored with the application's scrypt cost (OWASP: N=2^15, r=8, p=3),
    // whatever lighter cost the test's fixture accounts were made with.
    const stored = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', bob.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$3\$[\w+/]+={0,2}\$[\w+/]+={0,2}$/);
  });

  it('records sign-ins and failures in the audit trail without the password', async () => {
    await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'alice', password: 'Secret-guess-9!' },
    });
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'in', ['auth.login', 'auth.login_failed'])
      .execute();
    expect(rows.some((r) => r.action === 'auth.login' && r.actor_id === alice.id)).toBe(true);
    expect(rows.some((r) => r.action === 'auth.login_failed' && r.data['username'] === 'alice')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('Secret-guess-9!');
  });
});
