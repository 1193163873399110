import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkerOnce } from '../../src/server/worker.js';
import { TestApp, type Session } from '../helpers/test-app.js';

/** A real SMTP server in this process, keeping what it receives. */
async function startSmtp(): Promise<{ port: number; received: ParsedMail[]; close: () => Promise<void> }> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('mail through a real SMTP server (issue 4: notifications)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let requester: Session;
  let desk: Session;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await TestApp.start({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'GovDesk <govdesk@agency.example>',
      publicUrl: 'https://govdesk.agency.example',
    });
    requester = await t.signedIn('requester');
    desk = await t.signedIn('desk', { roles: ['desk_agent'] });
    await t.database.db
      .updateTable('users')
      .set({ email: 'desk@agency.example' })
      .where('id', '=', desk.user.id)
      .execute();
  });
  afterAll(async () => {
    await t.stop();
    await smtp.close();
  });

  it('delivers the new-request notice to the desk, in Chinese with English below and a link', async () => {
    const r = await t.fileRequest(requester, { title: '網路斷線' });
    expect(await runWorkerOnce(t.app.services)).toMatchObject({ mailSent: 1 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe(`【GovDesk】${r.number} 新申請案件`);
    expect(mail.from?.text).toContain('govdesk@agency.example');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('desk@agency.example');
    expect(mail.text).toContain('新案件「網路斷線」待服務台受理。');
    expect(mail.text).toContain('A new request "網路斷線" waits for the desk.');
    expect(mail.text).toContain(`https://govdesk.agency.example/requests/${r.id}`);
    // Sent once: a second pass finds nothing to send.
    expect(await runWorkerOnce(t.app.services)).toMatchObject({ mailSent: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('sends no mail of a kind the user turned off, but still notifies in the app', async () => {
    const put = await t.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      as: desk,
      payload: { preferences: [{ kind: 'request_new', byMail: false }] },
    });
    expect(put.json().preferences).toContainEqual({ kind: 'request_new', byMail: false });
    expect(put.json().preferences).toContainEqual({ kind: 'sla_breach', byMail: true });
    const before = (await t.inject({ method: 'GET', url: '/api/notifications/unread-count', as: desk })).json().unread;
    await t.fileRequest(requester);
    await runWorkerOnce(t.app.services);
    expect(smtp.received).toHaveLength(1);
    expect((await t.inject({ method: 'GET', url: '/api/notifications/unread-count', as: desk })).json().unread).toBe(
      before + 1,
    );
  });

  it('writes one notice to several users: each in the app once, by mail those with an address who want it', async () => {
    const [withMail, withoutMail, mailOff] = await Promise.all(
      ['several-a', 'several-b', 'several-c'].map((name) => t.signedIn(name)),
    );
    const db = t.database.db;
    for (const s of [withMail!, mailOff!]) {
      await db
        .updateTable('users')
        .set({ email: `${s.user.username}@agency.example` })
        .where('id', '=', s.user.id)
        .execute();
    }
    await db
      .insertInto('notification_preferences')
      .values({ user_id: mailOff!.user.id, kind: 'request_new', by_mail: false })
      .execute();
    const ids = [withMail!, withoutMail!, mailOff!].map((s) => s.user.id);
    const r = await t.fileRequest(requester, { title: '分送測試' });
    await db.transaction().execute((tx) =>
      t.app.services.notifications.notify(tx, [...ids, ids[0]!], 'request_new', r.id, {
        number: r.number,
        title: '分送測試',
      }),
    );
    const notices = await db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('request_id', '=', r.id)
      .where('user_id', 'in', ids)
      .execute();
    expect(notices.map((n) => n.user_id).sort()).toEqual([...ids].sort());
    expect(notices.every((n) => n.title === `【GovDesk】${r.number} 新申請案件`)).toBe(true);
    const mails = await db
      .selectFrom('mail_outbox')
      .select(['to_address', 'to_user_id', 'subject', 'status'])
      .where('to_user_id', 'in', ids)
      .execute();
    expect(mails).toEqual([
      {
        to_address: 'several-a@agency.example',
        to_user_id: withMail!.user.id,
        subject: `【GovDesk】${r.number} 新申請案件`,
        status: 'pending',
      },
    ]);
  });

  it('marks notifications read', async () => {
    const list = (await t.inject({ method: 'GET', url: '/api/notifications?unread=true', as: desk })).json();
    expect(list.length).toBeGreaterThan(0);
    const res = await t.inject({
      method: 'POST',
      url: '/api/notifications/read',
      as: desk,
      payload: { ids: [list[0].id] },
    });
    expect(res.json()).toEqual({ marked: 1 });
    await t.inject({ method: 'POST', url: '/api/notifications/read', as: desk, payload: {} });
    expect((await t.inject({ method: 'GET', url: '/api/notifications/unread-count', as: desk })).json()).toEqual({
      unread: 0,
    });
  });

  it('retries mail the server refuses, and records the error', async () => {
    const down = await TestApp.start({ smtpUrl: 'smtp://127.0.0.1:9' });
    try {
      const s = await down.signedIn('someone');
      const d = await down.signedIn('desk2', { roles: ['desk_agent'] });
      await down.database.db
        .updateTable('users')
        .set({ email: 'd@agency.example' })
        .where('id', '=', d.user.id)
        .execute();
      await down.fileRequest(s);
      expect(await runWorkerOnce(down.app.services)).toMatchObject({ mailSent: 0 });
      const row = await down.database.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.last_error).toBeTruthy();
      expect(row.next_attempt_at.getTime()).toBeGreaterThan(down.clock.now().getTime());
    } finally {
      await down.stop();
    }
  });
});
