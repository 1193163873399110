import nodemailer, { type Transporter } from 'nodemailer';
import { NOTICE_KINDS, renderNotice, type NoticeKind, type NoticeParams } from '../../domain/notices.js';
import type { Executor } from '../../db/database.js';
import { notificationRepository } from '../../db/repositories/notification.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import type { Role } from '../../shared/roles.js';
import type { ServiceContext } from './context.js';

const MAX_ATTEMPTS = 6;
const LEASE_MS = 5 * 60_000;

/** Notices in the app and by mail (issue 4): written with the change that causes them. */
export function notificationService(ctx: ServiceContext) {
  const { db, config } = ctx;
  let transport: Transporter | undefined;

  /**
   * Writes a notice to users in the app, and by mail to those who have an address and did not
   * turn its kind off, in one statement.
   */
  async function send(
    executor: Executor,
    userIds: readonly string[],
    kind: NoticeKind,
    requestId: string | null,
    params: NoticeParams,
  ): Promise<void> {
    if (userIds.length === 0) return;
    const notice = renderNotice(kind, params);
    const link = requestId ? `\n\n${config.publicUrl}/requests/${requestId}` : '';
    await notificationRepository.notify(
      executor,
      {
        userIds: [...new Set(userIds)],
        kind,
        requestId,
        title: { zh: notice.title['zh-TW'], en: notice.title.en },
        body: { zh: notice.body['zh-TW'], en: notice.body.en },
        at: ctx.now(),
      },
      {
        subject: notice.title['zh-TW'],
        body: `${notice.body['zh-TW']}${link}\n\n——\n${notice.title.en}\n${notice.body.en}${link}\n`,
        status: config.smtpUrl ? 'pending' : 'kept',
      },
    );
  }

  return {
    /** Holders of any of the roles, for notices addressed to a role (the desk, a tier). */
    holdersOf(executor: Executor, roles: readonly Role[]): Promise<string[]> {
      return organisationRepository.usableHoldersOf(executor, roles);
    },

    /**
     * Notifies users in the app, and by mail unless they turned that kind off; runs inside the
     * caller's transaction, so a notice exists exactly when its cause does. One statement.
     */
    notify: send,

    /** A notice by mail only, to someone without an account (a public application's applicant). */
    async mailNotice(executor: Executor, to: string, kind: NoticeKind, params: NoticeParams): Promise<void> {
      const notice = renderNotice(kind, params);
      await notificationRepository.queueMail(executor, [
        {
          to,
          userId: null,
          subject: notice.title['zh-TW'],
          body: `${notice.body['zh-TW']}\n\n——\n${notice.title.en}\n${notice.body.en}\n`,
          status: config.smtpUrl ? 'pending' : 'kept',
          at: ctx.now(),
        },
      ]);
    },

    /**
     * Queues one mail that is not a notice (a reset link, a new account's welcome), in the
     * caller's transaction; without SMTP it is kept in the outbox for an administrator.
     */
    async mail(executor: Executor, m: { to: string; userId: string | null; subject: string; body: string }) {
      await notificationRepository.queueMail(executor, [
        { ...m, status: config.smtpUrl ? 'pending' : 'kept', at: ctx.now() },
      ]);
    },

    /** Sends mail that is due, retrying failures with growing pauses; returns how many were sent. */
    async deliverMail(limit = 20): Promise<number> {
      if (!config.smtpUrl) return 0;
      transport ??= nodemailer.createTransport(config.smtpUrl);
      const now = ctx.now();
      const batch = await notificationRepository.leaseMail(db, now, new Date(now.getTime() + LEASE_MS), limit);
      let sent = 0;
      for (const mail of batch) {
        try {
          await transport.sendMail({
            from: config.mailFrom,
            to: mail.to_address,
            subject: mail.subject,
            text: mail.body,
          });
          await notificationRepository.markMail(db, mail.id, { status: 'sent', at: ctx.now() });
          sent++;
        } catch (error) {
          const giveUp = mail.attempts >= MAX_ATTEMPTS;
          await notificationRepository.markMail(db, mail.id, {
            status: giveUp ? 'failed' : 'pending',
            at: ctx.now(),
            error: (error as Error).message.slice(0, 500),
            retryAt: new Date(ctx.now().getTime() + 60_000 * 2 ** mail.attempts),
          });
        }
      }
      return sent;
    },

    list(userId: string, unreadOnly: boolean) {
      return notificationRepository.list(db, userId, { unreadOnly, limit: 100 });
    },

    unreadCount(userId: string) {
      return notificationRepository.unreadCount(db, userId);
    },

    markRead(userId: string, ids: readonly string[] | 'all') {
      return notificationRepository.markRead(db, userId, ids, ctx.now());
    },

    /** Every kind with whether it reaches the user by mail (default: yes). */
    async preferences(userId: string) {
      const stored = new Map((await notificationRepository.preferences(db, [userId])).map((p) => [p.kind, p.by_mail]));
      return NOTICE_KINDS.map((kind) => ({ kind, byMail: stored.get(kind) ?? true }));
    },

    async setPreferences(userId: string, prefs: ReadonlyArray<{ kind: NoticeKind; byMail: boolean }>) {
      await db.transaction().execute((tx) => notificationRepository.setPreferences(tx, userId, prefs));
    },

    outbox(limit = 200) {
      return notificationRepository.outbox(db, limit);
    },

    close() {
      transport?.close();
    },
  };
}
export type NotificationService = ReturnType<typeof notificationService>;
