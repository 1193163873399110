import { z } from 'zod';
import { USER_KINDS } from '../roles.js';
import { IsoInstant } from './common.schema.js';
import { ExpiresOn, RoleGrant } from './organisation.schema.js';

/**
 * SEC-2 (004 參 三(一)1): an account, or a change of its roles, is asked for, approved by the
 * responsible supervisor, and then carried out by an administrator, who creates the account.
 */
export const ACCOUNT_REQUEST_STATUSES = ['pending_supervisor', 'pending_admin', 'approved', 'rejected'] as const;
export type AccountRequestStatus = (typeof ACCOUNT_REQUEST_STATUSES)[number];

export const ACCOUNT_REQUEST_STATUS_LABELS: Record<AccountRequestStatus, { 'zh-TW': string; en: string }> = {
  pending_supervisor: { 'zh-TW': '待主管核可', en: 'Awaiting the supervisor' },
  pending_admin: { 'zh-TW': '待系統管理者建立', en: 'Awaiting the administrator' },
  approved: { 'zh-TW': '已建立帳號', en: 'Account created' },
  rejected: { 'zh-TW': '未核准', en: 'Refused' },
};

export const AccountRequestCreate = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{3,50}$/),
  displayName: z.string().trim().min(1).max(100),
  email: z.email().max(200).describe('Where the new account’s set-password link is sent'),
  phone: z.string().trim().max(30).nullable().default(null),
  unitId: z.uuid().describe('The owner unit of the account'),
  kind: z.enum(USER_KINDS).default('staff'),
  expiresOn: ExpiresOn.default(null),
  roles: z.array(RoleGrant).min(1).max(30),
  reason: z.string().trim().min(1).max(500).describe('Why the person needs the account (least privilege)'),
});
export type AccountRequestCreate = z.input<typeof AccountRequestCreate>;

export const AccountRequestDecision = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).default(''),
});
export type AccountRequestDecision = z.input<typeof AccountRequestDecision>;

const Step = z.object({
  decision: z.enum(['approve', 'reject']),
  byName: z.string(),
  at: IsoInstant,
  note: z.string(),
});

export const AccountRequest = z
  .object({
    id: z.uuid(),
    status: z.enum(ACCOUNT_REQUEST_STATUSES),
    username: z.string(),
    displayName: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string(),
    kind: z.enum(USER_KINDS),
    expiresOn: z.string().nullable(),
    roles: z.array(RoleGrant),
    reason: z.string(),
    requestedByName: z.string(),
    requestedAt: IsoInstant,
    supervisorDecision: Step.nullable(),
    adminDecision: Step.nullable(),
    createdUserId: z.uuid().nullable(),
    canDecide: z.boolean().describe('Whether the caller may take the decision this request waits for'),
  })
  .meta({ id: 'AccountRequest' });
export type AccountRequest = z.infer<typeof AccountRequest>;

export const AccountRequestListQuery = z.strictObject({
  status: z.enum(ACCOUNT_REQUEST_STATUSES).optional(),
});
