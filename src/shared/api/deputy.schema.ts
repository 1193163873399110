import { z } from 'zod';
import { ROLES, type Role } from '../roles.js';
import { IsoInstant } from './common.schema.js';

/**
 * Deputies (ORG-3, 職務代理人; 004 壹一): for a set time a deputy acts with one role of an absent
 * holder, for the unit the holder has it for.
 */

/** Roles nobody acts for: administration and audit stay personal; requesters and companies act for themselves. */
export const NON_DEPUTISABLE_ROLES: readonly Role[] = ['admin', 'auditor', 'requester', 'company_admin'];

/** The longest a deputyship may run. */
export const MAX_DEPUTYSHIP_DAYS = 366;

export const DEPUTYSHIP_STATES = ['scheduled', 'active', 'ended', 'revoked'] as const;
export type DeputyshipState = (typeof DEPUTYSHIP_STATES)[number];

const Person = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  unitName: z.string().nullable(),
});

export const Deputyship = z
  .object({
    id: z.uuid(),
    principal: Person.describe('The role holder the deputy acts for'),
    deputy: Person,
    role: z.enum(ROLES),
    unit: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('The unit the role is held for'),
    startsAt: IsoInstant,
    endsAt: IsoInstant,
    reason: z.string(),
    createdBy: z.string().nullable(),
    createdAt: IsoInstant,
    revokedAt: IsoInstant.nullable(),
    state: z.enum(DEPUTYSHIP_STATES),
    effective: z
      .boolean()
      .describe(
        'The deputy acts with the role now: active, the deputy can sign in, the principal still holds the role',
      ),
    canRevoke: z.boolean(),
  })
  .meta({ id: 'Deputyship' });
export type Deputyship = z.infer<typeof Deputyship>;

export const DeputyshipCreate = z
  .strictObject({
    principalId: z.uuid().describe('The role holder (oneself, unless an administrator appoints)'),
    deputyId: z.uuid(),
    role: z.enum(ROLES),
    unitId: z
      .uuid()
      .nullable()
      .optional()
      .describe('The unit the principal holds the role for; needed only when they hold it for several'),
    startsAt: IsoInstant,
    endsAt: IsoInstant,
    reason: z.string().trim().min(1).max(500).describe('e.g. 休假、出差、公假'),
  })
  .meta({ id: 'DeputyshipCreate' });
export type DeputyshipCreate = z.infer<typeof DeputyshipCreate>;

/** Someone who may be appointed a deputy: a usable staff account. */
export const DeputyCandidate = z
  .object({ id: z.uuid(), username: z.string(), displayName: z.string(), unitName: z.string().nullable() })
  .meta({ id: 'DeputyCandidate' });
export type DeputyCandidate = z.infer<typeof DeputyCandidate>;

export const DeputyCandidateQuery = z.strictObject({ q: z.string().trim().max(100).optional() });
