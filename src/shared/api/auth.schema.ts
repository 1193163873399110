import { z } from 'zod';
import { ROLES, USER_KINDS } from '../roles.js';
import { IsoInstant } from './common.schema.js';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const RoleAssignment = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid().nullable().describe('The unit the role applies to; null means agency-wide'),
  unitName: z.string().nullable(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const Me = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    kind: z.enum(USER_KINDS),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    roles: z.array(RoleAssignment),
    mustChangePassword: z.boolean(),
    mfaEnabled: z.boolean(),
    mustEnrolMfa: z.boolean().describe('An administrator without a second factor must enrol one before anything else'),
    abilities: z.object({
      seeAllRequests: z.boolean(),
      fileOnBehalf: z.boolean(),
      assignRequests: z.boolean(),
      manageUsers: z.boolean(),
      manageSettings: z.boolean(),
      readAudit: z.boolean(),
      unlockAccounts: z.boolean(),
      /** Supervisors, administrators and auditors: the six-monthly account reviews. */
      reviewAccounts: z.boolean(),
      /** Supervisors and administrators decide account requests. */
      decideAccountRequests: z.boolean(),
      /** Issue 6: reads every item of the asset register (others read their units' items). */
      readAllAssets: z.boolean(),
      /** Issue 6: the data-centre administrator, the asset-register keeper and administrators keep the register. */
      manageAssets: z.boolean(),
    }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ user: Me, csrfToken: z.string() }).meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const SessionResponse = z.object({ user: Me, csrfToken: z.string().nullable() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});

export const ApiTokenCreate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export type ApiTokenCreate = z.input<typeof ApiTokenCreate>;

export const ApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to recognise it'),
    createdAt: IsoInstant,
    expiresAt: IsoInstant,
    lastUsedAt: IsoInstant.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenCreated = ApiToken.extend({
  token: z.string().describe('The secret, shown only this once; send it as `Authorization: Bearer …`'),
});
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;

/** SEC-1: the agency's password policy (004 參 defaults); the server enforces it. */
export const PasswordPolicy = z
  .strictObject({
    minLength: z.number().int().min(8).max(64),
    requireUpper: z.boolean(),
    requireLower: z.boolean(),
    requireDigit: z.boolean(),
    requireSymbol: z.boolean(),
    maxAgeDays: z.number().int().min(0).max(365),
    historyCount: z.number().int().min(0).max(24),
    lockoutThreshold: z.number().int().min(3).max(10),
  })
  .meta({ id: 'PasswordPolicy' });
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;
