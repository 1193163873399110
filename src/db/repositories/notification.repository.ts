import { sql } from 'kysely';
import type { Executor } from '../database.js';

/** A notice in the app, as rendered for one user. */
export type NoticeRow = {
  userId: string;
  kind: string;
  requestId: string | null;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  at: Date;
};

/** A mail for the outbox; `kept` without SMTP, for an administrator to read. */
export type MailRow = {
  to: string;
  userId: string | null;
  subject: string;
  body: string;
  status: 'pending' | 'kept';
  at: Date;
};

const outboxRow = (m: MailRow) => ({
  to_address: m.to,
  to_user_id: m.userId,
  subject: m.subject,
  body: m.body,
  status: m.status,
  created_at: m.at,
  next_attempt_at: m.at,
});

const notificationRow = (r: NoticeRow) => ({
  user_id: r.userId,
  kind: r.kind,
  request_id: r.requestId,
  title: r.title.zh,
  title_en: r.title.en,
  body: r.body.zh,
  body_en: r.body.en,
  created_at: r.at,
});

/** In-app notifications, mail preferences and the mail outbox. */
export const notificationRepository = {
  /**
   * Writes notices in the app and the mail that carries them in one statement (the mail as a
   * data-modifying `with`): a notice is often written while a lock is held to the commit (a
   * filing's number, the audit chain), and each statement is a round trip.
   */
  async write(db: Executor, notices: ReadonlyArray<NoticeRow>, mails: ReadonlyArray<MailRow>): Promise<void> {
    if (notices.length === 0 && mails.length === 0) return;
    if (notices.length === 0) {
      await db.insertInto('mail_outbox').values(mails.map(outboxRow)).execute();
    } else if (mails.length === 0) {
      await db.insertInto('notifications').values(notices.map(notificationRow)).execute();
    } else {
      await db
        .with('mailed', (qb) => qb.insertInto('mail_outbox').values(mails.map(outboxRow)).returning('id'))
        .insertInto('notifications')
        .values(notices.map(notificationRow))
        .execute();
    }
  },

  list(db: Executor, userId: string, options: { unreadOnly: boolean; limit: number }) {
    let q = db
      .selectFrom('notifications as n')
      .leftJoin('requests as r', 'r.id', 'n.request_id')
      .selectAll('n')
      .select('r.number as request_number')
      .where('n.user_id', '=', userId);
    if (options.unreadOnly) q = q.where('n.read_at', 'is', null);
    return q.orderBy('n.created_at', 'desc').limit(options.limit).execute();
  },

  unreadCount(db: Executor, userId: string): Promise<number> {
    return db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  markRead(db: Executor, userId: string, ids: readonly string[] | 'all', at: Date) {
    let q = db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids !== 'all') q = q.where('id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
    return q.executeTakeFirst().then((r) => Number(r.numUpdatedRows));
  },

  preferences(db: Executor, userIds: readonly string[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds).execute();
  },

  /**
   * The users who get a notice of this kind by mail: those with an address who did not turn the
   * kind's mail off. One statement, however many recipients.
   */
  mailRecipients(
    db: Executor,
    userIds: readonly string[],
    kind: string,
  ): Promise<Array<{ id: string; email: string }>> {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users as u')
      .select(['u.id', sql<string>`u.email`.as('email')])
      .where('u.id', 'in', userIds)
      .where('u.email', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('notification_preferences as p')
              .select('p.user_id')
              .whereRef('p.user_id', '=', 'u.id')
              .where('p.kind', '=', kind)
              .where('p.by_mail', '=', false),
          ),
        ),
      )
      .execute();
  },

  async setPreferences(
    db: Executor,
    userId: string,
    prefs: ReadonlyArray<{ kind: string; byMail: boolean }>,
  ): Promise<void> {
    await db.deleteFrom('notification_preferences').where('user_id', '=', userId).execute();
    if (prefs.length === 0) return;
    await db
      .insertInto('notification_preferences')
      .values(prefs.map((p) => ({ user_id: userId, kind: p.kind, by_mail: p.byMail })))
      .execute();
  },

  queueMail(db: Executor, mails: ReadonlyArray<MailRow>): Promise<void> {
    return notificationRepository.write(db, [], mails);
  },

  /**
   * Leases mail due for sending until `leaseUntil`: another sender (or this one after a crash)
   * takes it again only when the lease runs out without the mail being marked.
   */
  leaseMail(db: Executor, now: Date, leaseUntil: Date, limit: number) {
    return db
      .updateTable('mail_outbox')
      .set((eb) => ({ next_attempt_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('mail_outbox')
          .select('id')
          // A literal, so that the prepared statement's generic plan can use the partial index
          // `mail_outbox_pending_idx` (test/db/statement-plans.test.ts).
          .where('status', '=', sql.lit('pending'))
          .where('next_attempt_at', '<=', now)
          .orderBy('next_attempt_at')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
  },

  markMail(
    db: Executor,
    id: string,
    outcome: { status: 'sent' | 'pending' | 'failed'; at: Date; error?: string; retryAt?: Date },
  ) {
    return db
      .updateTable('mail_outbox')
      .set(() => ({
        status: outcome.status,
        sent_at: outcome.status === 'sent' ? outcome.at : null,
        last_error: outcome.error ?? null,
        next_attempt_at: outcome.retryAt ?? outcome.at,
      }))
      .where('id', '=', id)
      .execute();
  },

  outbox(db: Executor, limit: number) {
    return db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
  },
};
