import { DomainError } from '../../domain/errors.js';
import type { Executor } from '../../db/database.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { passwordResetRepository } from '../../db/repositories/password-reset.repository.js';
import { sessionRepository } from '../../db/repositories/session.repository.js';
import { throttleRepository } from '../../db/repositories/throttle.repository.js';
import type { UserRow } from '../../db/schema.js';
import { hashPassword } from '../auth/password.js';
import { newSecret, secretHash } from '../auth/secrets.js';
import type { AccountService } from './account.service.js';
import type { Origin, ServiceContext } from './context.js';
import type { NotificationService } from './notification.service.js';
import type { SecuritySettingsService } from './security-settings.service.js';

/** Requests for reset links from one address within this window, after which it must wait. */
const THROTTLE_REQUESTS = 5;
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const THROTTLED_AS = '(password reset)';
/** A new account's set-password link works for three days. */
const NEW_ACCOUNT_LINK_MS = 72 * 60 * 60 * 1000;

const invalidLink = () =>
  DomainError.field(
    'token',
    'invalid_token',
    'The link is invalid, expired or already used; ask for a new one',
    '連結無效、已逾期或已使用過，請重新申請',
  );

/**
 * Password reset by a one-time, time-limited link sent by mail (issue 5), and the link with which
 * a newly created account sets its first password. Links are stored as hashes only.
 */
export function passwordResetService(
  ctx: ServiceContext,
  deps: { accounts: AccountService; settings: SecuritySettingsService; notifications: NotificationService },
) {
  const { db, config } = ctx;

  async function issue(
    tx: Executor,
    user: UserRow & { email: string },
    purpose: 'reset' | 'new_account',
    validMs: number,
    ip: string | null,
  ): Promise<void> {
    const token = newSecret();
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + validMs);
    await passwordResetRepository.insert(tx, {
      idHash: secretHash(token),
      userId: user.id,
      purpose,
      createdAt: now,
      expiresAt,
      ip,
    });
    const link = `${config.publicUrl}/reset-password?token=${token}`;
    const minutes = Math.round(validMs / 60_000);
    const body =
      purpose === 'reset'
        ? `${user.display_name} 您好：\n\n有人（希望是您）申請重設 GovDesk 帳號「${user.username}」的密碼。請在 ${minutes} 分鐘內開啟下列連結設定新密碼；連結只能使用一次：\n\n${link}\n\n若您沒有提出申請，請忽略本信，密碼不會變更。\n\n——\nSomeone (hopefully you) asked to reset the password of the GovDesk account "${user.username}". Open this link within ${minutes} minutes to set a new password; it works once:\n\n${link}\n\nIf you did not ask, ignore this mail; your password stays as it is.\n`
        : `${user.display_name} 您好：\n\n您的 GovDesk 帳號「${user.username}」已依核准之帳號申請建立。請於 3 日內開啟下列連結設定密碼（僅能使用一次）；密碼請勿轉知他人：\n\n${link}\n\n——\nYour GovDesk account "${user.username}" was created as approved. Open this link within 3 days to set your password (it works once); never share your password:\n\n${link}\n`;
    await deps.notifications.mail(tx, {
      to: user.email,
      userId: user.id,
      subject:
        purpose === 'reset'
          ? '【GovDesk】密碼重設 / Password reset'
          : '【GovDesk】帳號已建立，請設定密碼 / Your account is ready',
      body,
    });
  }

  return {
    /**
     * Mails a reset link when the account exists, works and has an address. The answer is the
     * same either way, so the form does not reveal which accounts exist.
     */
    async request(username: string, origin: Origin): Promise<void> {
      const now = ctx.now();
      const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
      if ((await throttleRepository.countFrom(db, origin.ip, THROTTLED_AS, since)) >= THROTTLE_REQUESTS) {
        throw new DomainError('rate_limited');
      }
      const user = await organisationRepository.findUserByUsername(db, username);
      const usable =
        user && user.disabled_at === null && (user.expires_at === null || user.expires_at > now) && user.email;
      await db.transaction().execute(async (tx) => {
        await throttleRepository.record(tx, origin.ip, THROTTLED_AS, now);
        await auditRepository.append(tx, {
          actorId: user?.id ?? null,
          action: 'auth.password_reset_requested',
          objectType: 'user',
          objectId: user?.id,
          ip: origin.ip,
          data: { username: username.slice(0, 100), sent: Boolean(usable) },
        });
        if (user && usable) {
          const minutes = (await deps.settings.get()).passwordResetMinutes;
          await issue(tx, { ...user, email: user.email! }, 'reset', minutes * 60_000, origin.ip);
        }
      });
    },

    /** Sets the new password with a mailed link; the link is spent and every session ends. */
    async confirm(token: string, newPassword: string, origin: Origin): Promise<void> {
      const now = ctx.now();
      const idHash = secretHash(token);
      const link = await passwordResetRepository.findLive(db, idHash, now);
      const user = link ? await organisationRepository.findUserById(db, link.user_id) : undefined;
      if (!link || !user || user.disabled_at !== null || (user.expires_at !== null && user.expires_at <= now)) {
        throw invalidLink();
      }
      await deps.accounts.requireNewPassword(user, newPassword, 'newPassword');
      const hash = await hashPassword(newPassword);
      await db.transaction().execute(async (tx) => {
        // Spending the link first makes a second use in a race find nothing to spend.
        if (!(await passwordResetRepository.spend(tx, idHash, now))) throw invalidLink();
        await organisationRepository.updatePassword(tx, user.id, hash, now);
        const ended = await sessionRepository.deleteSessionsOfUser(tx, user.id);
        await auditRepository.append(tx, {
          actorId: user.id,
          action: link.purpose === 'reset' ? 'user.password_reset' : 'user.first_password_set',
          objectType: 'user',
          objectId: user.id,
          ip: origin.ip,
          data: { sessionsEnded: ended },
        });
      });
    },

    /** Mails a new account its set-password link (in the transaction that creates it). */
    async sendNewAccountLink(tx: Executor, user: UserRow & { email: string }, ip: string | null): Promise<void> {
      await issue(tx, user, 'new_account', NEW_ACCOUNT_LINK_MS, ip);
    },
  };
}
export type PasswordResetService = ReturnType<typeof passwordResetService>;
