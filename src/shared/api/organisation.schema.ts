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
    roles: z.array(RoleAssignment),
    disabled: z.boolean(),
    locked: z.boolean().describe('Locked after consecutive failed sign-ins; a desk agent or administrator unlocks it'),
    createdAt: IsoInstant,
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(100).optional(),
});

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
  roles: z
    .array(z.strictObject({ role: z.enum(ROLES), unitId: z.uuid().nullable() }))
    .min(1)
    .max(30),
  password: z.string().min(8).max(200),
  reason: z.string().trim().min(1).max(500).describe('Why the account is created (SEC-2)'),
});
export type UserCreate = z.input<typeof UserCreate>;
