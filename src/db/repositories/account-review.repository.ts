import { sql } from 'kysely';
import type { Role } from '../../shared/roles.js';
import type { Executor } from '../database.js';

/** Account review campaigns (SEC-2) and their items, one per account. */
export const accountReviewRepository = {
  lastOpened(db: Executor) {
    return db.selectFrom('account_reviews').selectAll().orderBy('opened_at', 'desc').limit(1).executeTakeFirst();
  },

  openOne(db: Executor) {
    return db.selectFrom('account_reviews').selectAll().where('closed_at', 'is', null).executeTakeFirst();
  },

  insert(db: Executor, r: { title: string; openedAt: Date; dueAt: Date; openedBy: string | null }) {
    return db
      .insertInto('account_reviews')
      .values({ title: r.title, opened_at: r.openedAt, due_at: r.dueAt, opened_by: r.openedBy, last_chased_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async insertItems(
    db: Executor,
    reviewId: string,
    items: ReadonlyArray<{
      userId: string;
      unitId: string | null;
      roles: ReadonlyArray<{ role: Role; unitId: string | null }>;
      reviewerIds: readonly string[];
    }>,
  ): Promise<void> {
    if (items.length === 0) return;
    await db
      .insertInto('account_review_items')
      .values(
        items.map((i) => ({
          review_id: reviewId,
          user_id: i.userId,
          unit_id: i.unitId,
          roles: JSON.stringify(i.roles),
          reviewer_ids: JSON.stringify(i.reviewerIds),
        })),
      )
      .execute();
  },

  list(db: Executor) {
    return db
      .selectFrom('account_reviews as r')
      .leftJoin('users as u', 'u.id', 'r.opened_by')
      .selectAll('r')
      .select('u.display_name as opened_by_name')
      .orderBy('r.opened_at', 'desc')
      .execute();
  },

  find(db: Executor, id: string) {
    return db
      .selectFrom('account_reviews as r')
      .leftJoin('users as u', 'u.id', 'r.opened_by')
      .selectAll('r')
      .select('u.display_name as opened_by_name')
      .where('r.id', '=', id)
      .executeTakeFirst();
  },

  /** The items of reviews with the account's and decider's names, and the account's last sign-in. */
  items(db: Executor, reviewIds: readonly string[]) {
    if (reviewIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('account_review_items as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .leftJoin('units as unit', 'unit.id', 'i.unit_id')
      .leftJoin('users as d', 'd.id', 'i.decided_by')
      .selectAll('i')
      .select((eb) => [
        'u.username',
        'u.display_name',
        'u.kind',
        'u.expires_at',
        'unit.name as unit_name',
        'unit.sort_order as unit_order',
        'd.display_name as decided_by_name',
        eb
          .selectFrom('audit_log as a')
          .select((e) => e.fn.max('a.at').as('at'))
          // Sign-ins are recorded against the account (object), which is indexed.
          .where('a.object_type', '=', 'user')
          .where(sql<boolean>`a.object_id = i.user_id::text`)
          .where('a.action', '=', 'auth.login')
          .as('last_sign_in_at'),
      ])
      .where('i.review_id', 'in', reviewIds)
      .orderBy('unit.sort_order')
      .orderBy('unit.name')
      .orderBy('u.display_name')
      .execute();
  },

  lockItem(db: Executor, reviewId: string, itemId: string) {
    return db
      .selectFrom('account_review_items')
      .selectAll()
      .where('id', '=', itemId)
      .where('review_id', '=', reviewId)
      .forUpdate()
      .executeTakeFirst();
  },

  decide(db: Executor, itemId: string, d: { decision: 'keep' | 'revoke'; by: string; at: Date; note: string }) {
    return db
      .updateTable('account_review_items')
      .set({ decision: d.decision, decided_by: d.by, decided_at: d.at, note: d.note })
      .where('id', '=', itemId)
      .execute();
  },

  countPending(db: Executor, reviewId: string): Promise<number> {
    return db
      .selectFrom('account_review_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('review_id', '=', reviewId)
      .where('decision', 'is', null)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  close(db: Executor, id: string, at: Date): Promise<unknown> {
    return db.updateTable('account_reviews').set({ closed_at: at }).where('id', '=', id).execute();
  },

  /** Reviews past their due date still open, whose last reminder is older than `before`. */
  overdue(db: Executor, now: Date, before: Date) {
    return db
      .selectFrom('account_reviews')
      .selectAll()
      .where('closed_at', 'is', null)
      .where('due_at', '<=', now)
      .where((eb) => eb.or([eb('last_chased_at', 'is', null), eb('last_chased_at', '<=', before)]))
      .forUpdate()
      .execute();
  },

  pendingItems(db: Executor, reviewId: string) {
    return db
      .selectFrom('account_review_items')
      .select(['id', 'reviewer_ids'])
      .where('review_id', '=', reviewId)
      .where('decision', 'is', null)
      .execute();
  },

  async markChased(db: Executor, reviewId: string, itemIds: readonly string[], at: Date): Promise<void> {
    await db.updateTable('account_reviews').set({ last_chased_at: at }).where('id', '=', reviewId).execute();
    if (itemIds.length === 0) return;
    await db
      .updateTable('account_review_items')
      .set((eb) => ({ chased: eb('chased', '+', 1) }))
      .where('id', 'in', itemIds)
      .execute();
  },
};
