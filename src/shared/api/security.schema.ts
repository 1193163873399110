import { z } from 'zod';
import { IsoInstant } from './common.schema.js';

/**
 * Second factor (TOTP, RFC 6238) with recovery codes, password reset by mailed token, and the
 * agency's account-security settings (SEC-1, SEC-2, SEC-3).
 */

/** A six-digit code from the authenticator app, or a recovery code (`xxxx-xxxx`). */
export const MfaCode = z
  .string()
  .trim()
  .regex(/^(\d{6}|[a-z0-9]{4}-?[a-z0-9]{4})$/i, 'A 6-digit code or a recovery code');

/** `POST /api/auth/login` answers 202 with this when the account has a second factor. */
export const MfaChallenge = z
  .object({
    mfaRequired: z.literal(true),
    challenge: z.string().describe('Send it back with the code to `POST /api/auth/login/mfa`'),
    expiresAt: IsoInstant,
  })
  .meta({ id: 'MfaChallenge' });
export type MfaChallenge = z.infer<typeof MfaChallenge>;

export const MfaLoginBody = z.strictObject({
  challenge: z.string().min(20).max(200),
  code: MfaCode,
});

export const MfaStatus = z
  .object({
    enabled: z.boolean(),
    enabledAt: IsoInstant.nullable(),
    recoveryCodesLeft: z.number().int(),
    required: z.boolean().describe('Administrators must use a second factor when the agency requires it'),
  })
  .meta({ id: 'MfaStatus' });
export type MfaStatus = z.infer<typeof MfaStatus>;

export const MfaSetup = z
  .object({
    secret: z.string().describe('Base32 secret, for typing into an authenticator app'),
    otpauthUri: z.string().describe('otpauth:// URI, for a QR code'),
  })
  .meta({ id: 'MfaSetup' });
export type MfaSetup = z.infer<typeof MfaSetup>;

export const MfaCodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'A 6-digit code'),
});
export const MfaDisableBody = z.strictObject({ password: z.string().min(1).max(200) });

export const RecoveryCodes = z
  .object({
    recoveryCodes: z.array(z.string()).describe('Shown only this once; each works once instead of a code'),
  })
  .meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const PasswordResetRequestBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
});
export const PasswordResetConfirmBody = z.strictObject({
  token: z.string().min(20).max(200),
  newPassword: z.string().min(8).max(200),
});

/** Agency settings for accounts and the audit trail. */
export const SecuritySettings = z
  .strictObject({
    mfaRequiredForAdmins: z.boolean().describe('Administrators must enrol a second factor before anything else'),
    passwordResetMinutes: z.number().int().min(10).max(1440).describe('How long a mailed reset link works'),
    externalAccountMaxDays: z
      .number()
      .int()
      .min(1)
      .max(366)
      .describe('Longest life of a vendor, contractor or company account (004 參: no long-lived accounts)'),
    accountReviewIntervalMonths: z.number().int().min(1).max(12).describe('004 參: account review every six months'),
    accountReviewDueWorkingDays: z.number().int().min(1).max(30),
    auditRetentionYears: z
      .number()
      .int()
      .min(3)
      .max(30)
      .describe('Audit records are kept at least this long (never below the 3-year legal minimum)'),
  })
  .meta({ id: 'SecuritySettings' });
export type SecuritySettings = z.infer<typeof SecuritySettings>;
