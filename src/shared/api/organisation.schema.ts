import { z } from 'zod';
import { ROLES, UNIT_KINDS, USER_KINDS } from '../roles.js';
import { IsoInstant } from './common.schema.js';
import { RoleAssignment } from './auth.schema.js';

export const Unit = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    kind: z.enum(UNIT_KINDS),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const UnitCreate = z.strictObject({
  parentId: z.uuid().nullable(),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  kind: z.enum(UNIT_KINDS),
});
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UserSummary = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    kind: z.enum(USER_KINDS),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    roles: z.array(RoleAssignment),
    disabled: z.boolean(),
    expiresAt: IsoInstant.nullable().describe('The account stops working at this instant (vendors, contractors)'),
    mfaEnabled: z.boolean(),
    locked: z.boolean().describe('Locked after consecutive failed sign-ins; a desk agent or administrator unlocks it'),
    createdAt: IsoInstant,
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(100).optional(),
});

export const RoleGrant = z.strictObject({ role: z.enum(ROLES), unitId: z.uuid().nullable() });
/** The last day an account works (Asia/Taipei); required for vendors, contractors and companies. */
export const ExpiresOn = z.iso.date().nullable().describe('Last day the account works (Asia/Taipei)');

export const UserCreate = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{3,50}$/),
  displayName: z.string().trim().min(1).max(100),
  email: z.email().max(200).nullable().default(null),
  phone: z.string().trim().max(30).nullable().default(null),
  unitId: z.uuid(),
  kind: z.enum(USER_KINDS).default('staff'),
  expiresOn: ExpiresOn.default(null),
  roles: z.array(RoleGrant).min(1).max(30),
  password: z.string().min(8).max(200),
  reason: z.string().trim().min(1).max(500).describe('Why the account is created (SEC-2)'),
});
export type UserCreate = z.input<typeof UserCreate>;

/** Changes to an account; every changed field is recorded with its old and new value. */
export const UserUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  unitId: z.uuid().optional(),
  kind: z.enum(USER_KINDS).optional(),
  expiresOn: ExpiresOn.optional(),
  roles: z.array(RoleGrant).max(30).optional().describe('Replaces every role of the account'),
  reason: z.string().trim().min(1).max(500).describe('Why the account changes (SEC-2)'),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const RequestRef = z.object({ id: z.uuid(), number: z.string(), title: z.string(), status: z.string() });

/** What a person still holds, listed when they transfer or leave (SEC-2, VEN-4). */
export const Holdings = z
  .object({
    assignedRequests: z.array(RequestRef).describe('Open requests assigned to them'),
    filedRequests: z.array(RequestRef).describe('Open requests they filed or applied for'),
    activeSessions: z.number().int(),
    apiTokens: z.number().int(),
  })
  .meta({ id: 'Holdings' });
export type Holdings = z.infer<typeof Holdings>;

/** Transfer: every role removed, the account moves to the new unit as a requester. Leave: disabled. */
export const OffboardBody = z.strictObject({
  mode: z.enum(['transfer', 'leave']),
  unitId: z.uuid().optional().describe('The new unit (transfer only)'),
  reason: z.string().trim().min(1).max(500),
});
export type OffboardBody = z.infer<typeof OffboardBody>;

export const OffboardResult = z.object({ user: UserSummary, holdings: Holdings }).meta({ id: 'OffboardResult' });
export type OffboardResult = z.infer<typeof OffboardResult>;
