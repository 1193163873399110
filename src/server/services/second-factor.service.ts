import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, hasRole, type Actor } from '../../domain/policies.js';
import type { Executor } from '../../db/database.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { mfaRepository } from '../../db/repositories/mfa.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import type { UserRow } from '../../db/schema.js';
import { verifyPassword } from '../auth/password.js';
import {
  acceptedStep,
  isRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
} from '../auth/totp.js';
import type { Origin, ServiceContext } from './context.js';
import type { SecuritySettingsService } from './security-settings.service.js';

const wrongCode = () =>
  DomainError.field('code', 'wrong_code', 'The code is wrong or was already used', '驗證碼錯誤或已使用過');

/** The optional second factor (SEC-1, issue 5): TOTP with recovery codes, required for administrators. */
export function secondFactorService(ctx: ServiceContext, deps: { settings: SecuritySettingsService }) {
  const { db } = ctx;

  async function userOf(executor: Executor, userId: string): Promise<UserRow> {
    const user = await organisationRepository.findUserById(executor, userId);
    if (!user) throw new DomainError('unauthenticated');
    return user;
  }

  /** Whether the agency requires this actor to use a second factor. */
  async function isRequired(actor: Pick<Actor, 'roles'>): Promise<boolean> {
    return (await deps.settings.get()).mfaRequiredForAdmins && hasRole(actor as Actor, ['admin']);
  }

  /** Replaces the recovery codes of a user; returns the new ones in clear, this once. */
  async function issueRecoveryCodes(executor: Executor, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await mfaRepository.replaceRecoveryCodes(executor, userId, codes.map(recoveryCodeHash));
    return codes;
  }

  return {
    isRequired,

    /**
     * Checks a code at sign-in: a TOTP code not used before, or an unused recovery code, which is
     * then spent. Runs in the caller's transaction.
     */
    async check(tx: Executor, user: UserRow, code: string): Promise<'totp' | 'recovery' | null> {
      if (!user.mfa_secret) return null;
      if (isRecoveryCode(code)) {
        return (await mfaRepository.spendRecoveryCode(tx, user.id, recoveryCodeHash(code), ctx.now()))
          ? 'recovery'
          : null;
      }
      const step = acceptedStep(user.mfa_secret, code.trim(), ctx.now(), user.mfa_last_step);
      if (step === null) return null;
      await mfaRepository.setLastStep(tx, user.id, step);
      return 'totp';
    },

    async status(actor: Actor) {
      const user = await userOf(db, actor.userId);
      return {
        enabled: user.mfa_enabled_at !== null,
        enabledAt: user.mfa_enabled_at,
        recoveryCodesLeft: await mfaRepository.unusedRecoveryCodes(db, actor.userId),
        required: await isRequired(actor),
      };
    },

    /** Starts enrolment: a new secret waits until a code from the app proves it was stored. */
    async setup(actor: Actor) {
      const secret = newTotpSecret();
      await mfaRepository.setPendingSecret(db, actor.userId, secret);
      return { secret, otpauthUri: otpauthUri(secret, actor.username) };
    },

    /** Turns the second factor on with the pending secret; returns the recovery codes. */
    async enable(actor: Actor, code: string, origin: Origin): Promise<string[]> {
      return db.transaction().execute(async (tx) => {
        const user = await userOf(tx, actor.userId);
        if (!user.mfa_pending_secret) {
          throw DomainError.field('code', 'no_setup', 'Start the set-up first', '請先開始設定');
        }
        const step = acceptedStep(user.mfa_pending_secret, code, ctx.now(), null);
        if (step === null) throw wrongCode();
        await mfaRepository.enable(tx, actor.userId, user.mfa_pending_secret, step, ctx.now());
        const codes = await issueRecoveryCodes(tx, actor.userId);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'user.mfa_enabled',
          objectType: 'user',
          objectId: actor.userId,
          ip: origin.ip,
        });
        return codes;
      });
    },

    /** New recovery codes, the old ones void; needs a current code. */
    async regenerateRecoveryCodes(actor: Actor, code: string, origin: Origin): Promise<string[]> {
      return db.transaction().execute(async (tx) => {
        const user = await userOf(tx, actor.userId);
        if (!user.mfa_secret) throw new DomainError('conflict');
        const step = acceptedStep(user.mfa_secret, code, ctx.now(), user.mfa_last_step);
        if (step === null) throw wrongCode();
        await mfaRepository.setLastStep(tx, user.id, step);
        const codes = await issueRecoveryCodes(tx, actor.userId);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'user.mfa_recovery_codes_renewed',
          objectType: 'user',
          objectId: actor.userId,
          ip: origin.ip,
        });
        return codes;
      });
    },

    /** Turns the second factor off (with the password); refused when the agency requires it. */
    async disable(actor: Actor, password: string, origin: Origin): Promise<void> {
      if (await isRequired(actor)) {
        throw new DomainError('conflict', {
          detail: {
            en: 'Administrators must keep a second factor',
            zh: '系統管理者必須使用雙因子驗證',
          },
        });
      }
      const user = await userOf(db, actor.userId);
      if (!(await verifyPassword(password, user.password_hash))) {
        throw DomainError.field('password', 'wrong_password', 'The password is wrong', '密碼不正確');
      }
      await db.transaction().execute(async (tx) => {
        await mfaRepository.disable(tx, actor.userId);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'user.mfa_disabled',
          objectType: 'user',
          objectId: actor.userId,
          ip: origin.ip,
        });
      });
    },

    /** An administrator removes someone's second factor (a lost phone); they enrol again. */
    async resetFor(actor: Actor, userId: string, origin: Origin): Promise<void> {
      if (!abilitiesOf(actor).manageUsers) throw new DomainError('forbidden');
      await db.transaction().execute(async (tx) => {
        if (!(await organisationRepository.findUserById(tx, userId))) throw new DomainError('not_found');
        await mfaRepository.disable(tx, userId);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'user.mfa_reset',
          objectType: 'user',
          objectId: userId,
          ip: origin.ip,
        });
      });
    },
  };
}
export type SecondFactorService = ReturnType<typeof secondFactorService>;
