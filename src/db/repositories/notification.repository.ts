import { sql } from 'kysely';
import type { Executor } from '../database.js';

/** A notice in the app, as rendered, to the users it goes to. */
export type NoticeToUsers = {
  userIds: readonly string[];
  kind: string;
  requestId: string | null;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  at: Date;
};

/** The mail that carries a notice to those of its users who get it by mail. */
export type NoticeMail = { subject: string; body: string; status: 'pending' | 'kept' };

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

/** In-app notifications, mail preferences and the mail outbox. */
export const notificationRepository = {
  /**
   * A notice to users, in the app and by mail, in one statement: each user gets it in the app,
   * and by mail when they have an address and did not turn this kind off. A notice is often
   * written while a lock is held to the commit (a filing's number, the audit chain), and each
   * statement is a round trip: who gets it by mail was a statement of its own until the
   * thirteenth round (issue 7). The text is the same whoever the users are, so it is prepared once.
   */
  async notify(db: Executor, notice: NoticeToUsers, mail: NoticeMail): Promise<void> {
    if (notice.userIds.length === 0) return;
    const { kind, at } = notice;
    await sql`with recipients as (
        select r.user_id::uuid as user_id, r.ord
        from json_array_elements_text(${JSON.stringify(notice.userIds)}::json) with ordinality as r(user_id, ord)),
      mailed as (insert into mail_outbox (to_address, to_user_id, subject, body, status, created_at, next_attempt_at)
        select u.email, u.id, ${mail.subject}::text, ${mail.body}::text, ${mail.status}::text,
          ${at}::timestamptz, ${at}::timestamptz
        from recipients r join users u on u.id = r.user_id
        where u.email is not null
          and not exists (select from notification_preferences p
            where p.user_id = u.id and p.kind = ${kind}::text and p.by_mail = false)
        order by r.ord
        returning id)
      insert into notifications (user_id, kind, request_id, title, title_en, body, body_en, created_at)
      select r.user_id, ${kind}::text, ${notice.requestId}::uuid, ${notice.title.zh}::text, ${notice.title.en}::text,
        ${notice.body.zh}::text, ${notice.body.en}::text, ${at}::timestamptz
      from recipients r
      order by r.ord`.execute(db);
  },

  /** Queues mail that is not an in-app notice (a reset link, a public applicant's notice). */
  async queueMail(db: Executor, mails: ReadonlyArray<MailRow>): Promise<void> {
    if (mails.length > 0) await db.insertInto('mail_outbox').values(mails.map(outboxRow)).execute();
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
