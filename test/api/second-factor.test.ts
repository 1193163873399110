import { afterEach, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/server/auth/totp.js';
import { TestApp, type Session } from '../helpers/test-app.js';

/** Issue 5 / SEC-1: the optional second factor (TOTP, RFC 6238) with recovery codes, required for administrators. */
describe('second factor', () => {
  let t: TestApp;
  afterEach(() => t.stop());

  async function enrol(session: Session): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await t.inject({ method: 'POST', url: '/api/me/mfa/setup', as: session });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json<{ secret: string; otpauthUri: string }>();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/GovDesk:.+\?.*secret=/);
    const enable = await t.inject({
      method: 'POST',
      url: '/api/me/mfa/enable',
      as: session,
      payload: { code: currentCode(secret, t.clock.now()) },
    });
    expect(enable.statusCode).toBe(200);
    return { secret, recoveryCodes: enable.json<{ recoveryCodes: string[] }>().recoveryCodes };
  }

  const login = (username: string, password = 'Test-pass-2026!') =>
    t.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const secondStep = (challenge: string, code: string) =>
    t.inject({ method: 'POST', url: '/api/auth/login/mfa', payload: { challenge, code } });

  it('enrols with a code from the app, then asks for a code at sign-in; a code works once', async () => {
    t = await TestApp.start();
    const session = await t.signedIn('mfa-user');
    const wrongFirst = await t.inject({
      method: 'POST',
      url: '/api/me/mfa/enable',
      as: session,
      payload: { code: '123456' },
    });
    expect(wrongFirst.statusCode).toBe(400);
    const { secret, recoveryCodes } = await enrol(session);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const status = await t.inject({ method: 'GET', url: '/api/me/mfa', as: session });
    expect(status.json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: false });

    t.clock.advance(60_000);
    const first = await login('mfa-user');
    expect(first.statusCode).toBe(202);
    expect(first.headers['set-cookie']).toBeUndefined();
    const { challenge } = first.json<{ challenge: string }>();
    expect((await secondStep(challenge, '000000')).statusCode).toBe(401);
    const code = currentCode(secret, t.clock.now());
    const ok = await secondStep(challenge, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.username).toBe('mfa-user');
    expect(String(ok.headers['set-cookie'])).toContain('govdesk_session=');

    // The same code again, with a fresh password step, is refused: it was used.
    const again = await login('mfa-user');
    const reused = await secondStep(again.json<{ challenge: string }>().challenge, code);
    expect(reused.statusCode).toBe(401);
    // The spent challenge cannot be replayed either.
    expect((await secondStep(challenge, currentCode(secret, t.clock.now()))).statusCode).toBe(401);
  });

  it('accepts each recovery code once instead of a code, and counts wrong codes towards the lock-out', async () => {
    t = await TestApp.start();
    const session = await t.signedIn('mfa-recovery');
    const { recoveryCodes } = await enrol(session);
    const challengeOf = async () => (await login('mfa-recovery')).json<{ challenge: string }>().challenge;
    expect((await secondStep(await challengeOf(), recoveryCodes[0]!.toUpperCase())).statusCode).toBe(200);
    expect((await secondStep(await challengeOf(), recoveryCodes[0]!)).statusCode).toBe(401);
    const status = await t.inject({ method: 'GET', url: '/api/me/mfa', as: session });
    expect(status.json().recoveryCodesLeft).toBe(9);

    // Two more wrong codes make three consecutive failures: the account locks (SEC-1).
    expect((await secondStep(await challengeOf(), '111111')).statusCode).toBe(401);
    expect((await secondStep(await challengeOf(), '222222')).statusCode).toBe(401);
    expect((await login('mfa-recovery')).statusCode).toBe(401);
  });

  it('makes an administrator enrol before anything else when the agency requires it (the default)', async () => {
    t = await TestApp.start({}, { requireAdminMfa: true });
    const admin = await t.signedIn('mfa-admin', { roles: ['admin'] });
    const me = await t.inject({ method: 'GET', url: '/api/me', as: admin });
    expect(me.json()).toMatchObject({ mustEnrolMfa: true, mfaEnabled: false });
    const blocked = await t.inject({ method: 'GET', url: '/api/users', as: admin });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('mfa_enrolment_required');
    await enrol(admin);
    expect((await t.inject({ method: 'GET', url: '/api/users', as: admin })).statusCode).toBe(200);
    const off = await t.inject({
      method: 'POST',
      url: '/api/me/mfa/disable',
      as: admin,
      payload: { password: 'Test-pass-2026!' },
    });
    expect(off.statusCode).toBe(409);
    // Staff are not required to.
    const staff = await t.signedIn('mfa-staff');
    expect((await t.inject({ method: 'GET', url: '/api/me', as: staff })).json().mustEnrolMfa).toBe(false);
  });

  it('lets a user turn it off with their password, and an administrator reset it, both audited', async () => {
    t = await TestApp.start();
    const user = await t.signedIn('mfa-off');
    await enrol(user);
    const wrong = await t.inject({
      method: 'POST',
      url: '/api/me/mfa/disable',
      as: user,
      payload: { password: 'nope' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('password');
    const off = await t.inject({
      method: 'POST',
      url: '/api/me/mfa/disable',
      as: user,
      payload: { password: 'Test-pass-2026!' },
    });
    expect(off.statusCode).toBe(204);
    expect((await login('mfa-off')).statusCode).toBe(200);

    await enrol(user);
    const admin = await t.signedIn('mfa-resetter', { roles: ['admin'] });
    const reset = await t.inject({ method: 'POST', url: `/api/users/${user.user.id}/mfa/reset`, as: admin });
    expect(reset.statusCode).toBe(204);
    expect((await login('mfa-off')).statusCode).toBe(200);
    const audit = await t.inject({ method: 'GET', url: `/api/audit?objectId=${user.user.id}`, as: admin });
    const actions = audit.json<Array<{ action: string }>>().map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.mfa_enabled', 'user.mfa_disabled', 'user.mfa_reset']));
  });
});
