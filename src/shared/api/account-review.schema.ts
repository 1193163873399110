import { z } from 'zod';
import { USER_KINDS } from '../roles.js';
import { IsoInstant } from './common.schema.js';
import { RoleAssignment } from './auth.schema.js';

/**
 * SEC-2 (004 參 三(二)): every six months each unit's supervisor confirms or revokes every
 * account of the unit; unanswered items are chased; the result is kept as a printed report.
 */
export const REVIEW_DECISIONS = ['keep', 'revoke'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const AccountReviewSummary = z
  .object({
    id: z.uuid(),
    title: z.string().describe('e.g. 115 年下半年帳號清查'),
    openedAt: IsoInstant,
    dueAt: IsoInstant,
    closedAt: IsoInstant.nullable(),
    openedByName: z.string().nullable().describe('null when opened by the schedule'),
    total: z.number().int(),
    kept: z.number().int(),
    revoked: z.number().int(),
    pending: z.number().int(),
    pendingForMe: z.number().int(),
  })
  .meta({ id: 'AccountReviewSummary' });
export type AccountReviewSummary = z.infer<typeof AccountReviewSummary>;

export const AccountReviewItem = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    kind: z.enum(USER_KINDS),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    roles: z.array(RoleAssignment).describe('The roles the account held when the review opened'),
    expiresAt: IsoInstant.nullable(),
    lastSignInAt: IsoInstant.nullable(),
    reviewerNames: z.array(z.string()).describe('Who is asked to review this account'),
    decision: z.enum(REVIEW_DECISIONS).nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: IsoInstant.nullable(),
    note: z.string(),
    chased: z.number().int().describe('Reminders sent while the item was unanswered'),
    canDecide: z.boolean(),
  })
  .meta({ id: 'AccountReviewItem' });
export type AccountReviewItem = z.infer<typeof AccountReviewItem>;

export const AccountReviewDetail = AccountReviewSummary.extend({ items: z.array(AccountReviewItem) }).meta({
  id: 'AccountReviewDetail',
});
export type AccountReviewDetail = z.infer<typeof AccountReviewDetail>;

export const ReviewItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

export const ReviewDecisionBody = z.strictObject({
  decision: z.enum(REVIEW_DECISIONS),
  note: z.string().trim().max(500).default(''),
});
export type ReviewDecisionBody = z.input<typeof ReviewDecisionBody>;
