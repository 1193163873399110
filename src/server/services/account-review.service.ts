import { addWorkingDays } from '../../domain/calendar/working-time.js';
import { formatTaipeiInstant } from '../../domain/calendar/iso-duration.js';
import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, hasRole, type Actor } from '../../domain/policies.js';
import { reviewDue, reviewTitle, supervisorsOf } from '../../domain/supervision.js';
import type { Executor } from '../../db/database.js';
import { accountReviewRepository } from '../../db/repositories/account-review.repository.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { sessionRepository } from '../../db/repositories/session.repository.js';
import type { ReviewDecisionBody } from '../../shared/api/account-review.schema.js';
import type { CalendarService } from './calendar.service.js';
import type { Origin, ServiceContext } from './context.js';
import type { NotificationService } from './notification.service.js';
import type { SecuritySettingsService } from './security-settings.service.js';

const DAY_MS = 86_400_000;
const others = (ids: readonly string[], self: string) =>
  ids.some((id) => id !== self) ? ids.filter((id) => id !== self) : [...ids];
type ItemRow = Awaited<ReturnType<typeof accountReviewRepository.items>>[number];

const dueText = (at: Date) => {
  const text = formatTaipeiInstant(at.getTime()).slice(0, 16).replace('T', ' ');
  return { 'zh-TW': text, en: text };
};

/**
 * The account review every six months (SEC-2, 004 參 三(二)): GovDesk opens a campaign with one
 * item per usable account; each unit's supervisor keeps or revokes the accounts of the unit;
 * unanswered items are chased every day after the due date; the campaign closes when all are
 * answered and stays as the printable record.
 */
export function accountReviewService(
  ctx: ServiceContext,
  deps: { settings: SecuritySettingsService; calendar: CalendarService; notifications: NotificationService },
) {
  const { db } = ctx;

  /** Its reviewers decide an item, and any administrator but the account's holder (unless they are its only reviewer). */
  const canDecide = (actor: Actor, item: Pick<ItemRow, 'reviewer_ids' | 'user_id' | 'decision'>, open: boolean) =>
    open &&
    item.decision === null &&
    (item.reviewer_ids.includes(actor.userId) || (hasRole(actor, ['admin']) && item.user_id !== actor.userId));

  const seesAll = (actor: Actor) => abilitiesOf(actor).manageUsers || abilitiesOf(actor).readAudit;

  async function open(tx: Executor, openedBy: string | null, ip: string | null) {
    const now = ctx.now();
    const settings = await deps.settings.get();
    const { calendar, hours } = await deps.calendar.load(tx);
    const dueAt = new Date(addWorkingDays(calendar, hours, now.getTime(), settings.accountReviewDueWorkingDays));
    const review = await accountReviewRepository.insert(tx, {
      title: reviewTitle(now),
      openedAt: now,
      dueAt,
      openedBy,
    });
    const users = await organisationRepository.listActiveUsers(tx, now);
    const roles = await organisationRepository.rolesOf(
      tx,
      users.map((u) => u.id),
    );
    const units = (await organisationRepository.listUnits(tx)).map((u) => ({ id: u.id, parentId: u.parent_id }));
    const supervisorRoles = await organisationRepository.supervisorRoles(tx, now);
    const admins = await deps.notifications.holdersOf(tx, ['admin']);
    const items = users.map((u) => {
      const reviewers = supervisorsOf(u.unit_id, units, supervisorRoles, u.id);
      return {
        userId: u.id,
        unitId: u.unit_id,
        roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role, unitId: r.unit_id })),
        // Accounts no supervisor answers for (the agency's own, the top supervisors) go to the administrators.
        // A sole administrator reviews their own account: someone must answer for every account.
        reviewerIds: reviewers.length > 0 ? reviewers : others(admins, u.id),
      };
    });
    await accountReviewRepository.insertItems(tx, review.id, items);
    await auditRepository.append(tx, {
      actorId: openedBy,
      action: 'account_review.opened',
      objectType: 'account_review',
      objectId: review.id,
      ip,
      data: { title: review.title, accounts: items.length, dueAt: dueAt.toISOString() },
    });
    const reviewers = [...new Set(items.flatMap((i) => i.reviewerIds))];
    await deps.notifications.notify(tx, reviewers, 'account_review', null, {
      number: '帳號清查',
      title: review.title,
      due: dueText(dueAt),
    });
    return review;
  }

  function presentItem(
    actor: Actor,
    item: ItemRow,
    reviewOpen: boolean,
    names: Map<string, string>,
    unitNames: Map<string, string>,
  ) {
    return {
      item,
      roles: item.roles.map((r) => ({ ...r, unitName: r.unitId ? (unitNames.get(r.unitId) ?? null) : null })),
      reviewerNames: item.reviewer_ids.map((id) => names.get(id) ?? '—'),
      canDecide: canDecide(actor, item, reviewOpen),
    };
  }

  async function detail(executor: Executor, actor: Actor, id: string) {
    const review = await accountReviewRepository.find(executor, id);
    if (!review) throw new DomainError('not_found');
    const all = await accountReviewRepository.items(executor, [id]);
    const visible = seesAll(actor) ? all : all.filter((i) => i.reviewer_ids.includes(actor.userId));
    if (!seesAll(actor) && visible.length === 0) throw new DomainError('not_found');
    const names = new Map((await organisationRepository.listUsers(executor, {})).map((u) => [u.id, u.display_name]));
    const unitNames = new Map((await organisationRepository.listUnits(executor)).map((u) => [u.id, u.name]));
    return {
      review,
      counts: countsOf(all, actor),
      items: visible.map((i) => presentItem(actor, i, review.closed_at === null, names, unitNames)),
    };
  }

  function countsOf(items: readonly ItemRow[], actor: Actor) {
    return {
      total: items.length,
      kept: items.filter((i) => i.decision === 'keep').length,
      revoked: items.filter((i) => i.decision === 'revoke').length,
      pending: items.filter((i) => i.decision === null).length,
      pendingForMe: items.filter((i) => i.decision === null && i.reviewer_ids.includes(actor.userId)).length,
    };
  }

  return {
    async list(actor: Actor) {
      if (!abilitiesOf(actor).reviewAccounts) throw new DomainError('forbidden');
      const reviews = await accountReviewRepository.list(db);
      const items = await accountReviewRepository.items(
        db,
        reviews.map((r) => r.id),
      );
      return reviews
        .map((review) => {
          const own = items.filter((i) => i.review_id === review.id);
          return { review, counts: countsOf(own, actor), mine: own.some((i) => i.reviewer_ids.includes(actor.userId)) };
        })
        .filter((r) => seesAll(actor) || r.mine);
    },

    detail: (actor: Actor, id: string) => {
      if (!abilitiesOf(actor).reviewAccounts) throw new DomainError('forbidden');
      return detail(db, actor, id);
    },

    /** An administrator opens a review now (one at a time). */
    async openNow(actor: Actor, origin: Origin) {
      if (!abilitiesOf(actor).manageUsers) throw new DomainError('forbidden');
      const review = await db.transaction().execute(async (tx) => {
        if (await accountReviewRepository.openOne(tx)) {
          throw new DomainError('conflict', {
            detail: { en: 'A review is still open', zh: '尚有進行中的帳號清查' },
          });
        }
        return open(tx, actor.userId, origin.ip);
      });
      return detail(db, actor, review.id);
    },

    /** Keeps or revokes one account; revoking disables it at once. The last answer closes the review. */
    async decide(actor: Actor, reviewId: string, itemId: string, input: ReviewDecisionBody, origin: Origin) {
      if (!abilitiesOf(actor).reviewAccounts) throw new DomainError('forbidden');
      const note = input.note ?? '';
      await db.transaction().execute(async (tx) => {
        const review = await accountReviewRepository.find(tx, reviewId);
        const item = await accountReviewRepository.lockItem(tx, reviewId, itemId);
        if (!review || !item) throw new DomainError('not_found');
        if (!canDecide(actor, item, review.closed_at === null)) {
          const sees = seesAll(actor) || item.reviewer_ids.includes(actor.userId);
          throw new DomainError(sees ? 'forbidden' : 'not_found');
        }
        if (input.decision === 'revoke' && note.trim() === '') {
          throw DomainError.field('note', 'required', 'Say why the account is revoked', '請說明停用理由');
        }
        const now = ctx.now();
        await accountReviewRepository.decide(tx, itemId, { decision: input.decision, by: actor.userId, at: now, note });
        if (input.decision === 'revoke') {
          await organisationRepository.updateUser(tx, item.user_id, { disabled_at: now }, now);
          await sessionRepository.deleteSessionsOfUser(tx, item.user_id);
          await sessionRepository.revokeTokensOf(tx, item.user_id, now);
        }
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: input.decision === 'revoke' ? 'user.revoked_by_review' : 'account_review.kept',
          objectType: 'user',
          objectId: item.user_id,
          ip: origin.ip,
          data: { reviewId, itemId, note },
        });
        if ((await accountReviewRepository.countPending(tx, reviewId)) === 0) {
          await accountReviewRepository.close(tx, reviewId, now);
          await auditRepository.append(tx, {
            actorId: actor.userId,
            action: 'account_review.closed',
            objectType: 'account_review',
            objectId: reviewId,
            ip: origin.ip,
          });
        }
      });
      const { items } = await detail(db, actor, reviewId);
      const shown = items.find((i) => i.item.id === itemId);
      if (!shown) throw new DomainError('not_found');
      return shown;
    },

    /**
     * The worker's pass: opens the review when the interval has passed since the last (or since
     * the agency began), and chases the reviewers of overdue items once a day. Each step commits
     * with its mark, so a restart neither skips nor repeats one.
     */
    async sweep(): Promise<{ opened: number; chased: number }> {
      const now = ctx.now();
      const settings = await deps.settings.get();
      let opened = 0;
      let chased = 0;
      await db.transaction().execute(async (tx) => {
        const last = await accountReviewRepository.lastOpened(tx);
        const agency = (await organisationRepository.listUnits(tx)).find((u) => u.kind === 'agency');
        const since = last?.opened_at ?? agency?.created_at;
        if (!since || !reviewDue(since, settings.accountReviewIntervalMonths, now)) return;
        if (await accountReviewRepository.openOne(tx)) return;
        await open(tx, null, null);
        opened++;
      });
      await db.transaction().execute(async (tx) => {
        for (const review of await accountReviewRepository.overdue(tx, now, new Date(now.getTime() - DAY_MS))) {
          const pending = await accountReviewRepository.pendingItems(tx, review.id);
          const reviewers = [...new Set(pending.flatMap((i) => i.reviewer_ids))];
          await deps.notifications.notify(tx, reviewers, 'account_review', null, {
            number: '帳號清查',
            title: review.title,
            due: dueText(review.due_at),
            chase: true,
          });
          await accountReviewRepository.markChased(
            tx,
            review.id,
            pending.map((i) => i.id),
            now,
          );
          await auditRepository.append(tx, {
            actorId: null,
            action: 'account_review.chased',
            objectType: 'account_review',
            objectId: review.id,
            data: { pending: pending.length, reviewers: reviewers.length },
          });
          chased += reviewers.length;
        }
      });
      return { opened, chased };
    },
  };
}
export type AccountReviewService = ReturnType<typeof accountReviewService>;
