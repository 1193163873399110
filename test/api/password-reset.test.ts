import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationRepository } from '../../src/db/repositories/organisation.repository.js';
import { TestApp } from '../helpers/test-app.js';

/** Issue 5: password reset by a one-time, time-limited link sent by mail. */
describe('password reset by mailed link', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.stop());

  const ask = (username: string, remoteAddress = '192.0.2.1') =>
    t.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { username }, remoteAddress });
  const confirm = (token: string, newPassword: string) =>
    t.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword } });

  async function mailsTo(address: string) {
    return t.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'body', 'status'])
      .where('to_address', '=', address)
      .orderBy('id')
      .execute();
  }
  const tokenIn = (body: string) => /reset-password\?token=([\w-]+)/.exec(body)?.[1] ?? '';

  async function userWithMail(username: string) {
    const user = await t.user(username);
    await organisationRepository.updateUser(
      t.database.db,
      user.id,
      { email: `${username}@example.invalid` },
      t.clock.now(),
    );
    return user;
  }

  it('mails a link that sets a new password once, ends the sessions, and is audited', async () => {
    const user = await userWithMail('forgetful');
    const before = await t.login(user);
    const asked = await ask('forgetful');
    expect(asked.statusCode).toBe(202);
    const [mail] = await mailsTo('forgetful@example.invalid');
    expect(mail?.subject).toContain('密碼重設');
    expect(mail?.status).toBe('kept'); // no SMTP configured: kept in the outbox
    const token = tokenIn(mail!.body);
    expect(token.length).toBeGreaterThan(30);

    const weak = await confirm(token, 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const reused = await confirm(token, 'Test-pass-2026!');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0].code).toBe('reused_password');

    expect((await confirm(token, 'Brand-new-pass-9?')).statusCode).toBe(204);
    expect((await t.inject({ method: 'GET', url: '/api/me', as: before })).statusCode).toBe(401);
    await t.login(user, 'Brand-new-pass-9?');
    const again = await confirm(token, 'Another-new-pass-8?');
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('token');

    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', user.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.password_reset_requested', 'user.password_reset']),
    );
  });

  it('answers the same for an unknown account and sends nothing', async () => {
    const outboxBefore = await t.database.db.selectFrom('mail_outbox').select('id').execute();
    const asked = await ask('nobody-here', '192.0.2.2');
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ accepted: true });
    const outboxAfter = await t.database.db.selectFrom('mail_outbox').select('id').execute();
    expect(outboxAfter.length).toBe(outboxBefore.length);
  });

  it('refuses a link after its 30 minutes', async () => {
    await userWithMail('slow-reader');
    await ask('slow-reader', '192.0.2.3');
    const [mail] = await mailsTo('slow-reader@example.invalid');
    t.clock.advance(31 * 60_000);
    const late = await confirm(tokenIn(mail!.body), 'Brand-new-pass-9?');
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0].code).toBe('invalid_token');
  });

  it('slows down an address that keeps asking', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await ask(`someone-${i}`, '192.0.2.99')).statusCode);
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
  });
});
