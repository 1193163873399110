import { DomainError } from '../../domain/errors.js';
import {
  DEFAULT_PASSWORD_POLICY,
  passwordExpired,
  passwordProblems,
  type PasswordPolicy,
} from '../../domain/password-policy.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import { settingsRepository } from '../../db/repositories/settings.repository.js';
import { PasswordPolicy as PasswordPolicySchema } from '../../shared/api/auth.schema.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { deputyRepository } from '../../db/repositories/deputy.repository.js';
import { mfaRepository } from '../../db/repositories/mfa.repository.js';
import { callerRepository, type Caller } from '../../db/repositories/caller.repository.js';
import { sessionRepository } from '../../db/repositories/session.repository.js';
import type { Executor } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password.js';
import { API_TOKEN_PREFIX, newSecret, secretHash } from '../auth/secrets.js';
import type { Origin, ServiceContext } from './context.js';
import type { SecondFactorService } from './second-factor.service.js';

export type AuthenticatedActor = Actor & {
  mustChangePassword: boolean;
  /** An administrator without a second factor while the agency requires one (issue 5). */
  mustEnrolMfa: boolean;
  /** Set when signed in by cookie: state changes must echo it in X-CSRF-Token. */
  csrfToken: string | null;
  via: 'session' | 'token';
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions and tokens record their use at most this often (bench/README.md: a write per call costs). */
const TOUCH_EVERY_MS = 60_000;
/** How long the second step of a sign-in may wait for its code. */
const CHALLENGE_MS = 5 * 60 * 1000;

export type LoginOutcome =
  | { kind: 'session'; secret: string; csrfToken: string; actor: Actor }
  | { kind: 'second_factor'; challenge: string; expiresAt: Date };
const POLICY_KEY = 'password_policy';
/** Failed sign-ins from one address within the window after which it must wait (any accounts). */
const THROTTLE_FAILURES = 10;
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export { PasswordPolicySchema };

/** A default or reset password, or one older than the policy allows, must be changed now. */
function mustChange(user: UserRow, now: Date, policy: PasswordPolicy): boolean {
  return user.must_change_password || passwordExpired(user.password_changed_at, now, policy);
}

function isUsable(user: UserRow, now: Date): boolean {
  return user.disabled_at === null && (user.expires_at === null || user.expires_at > now);
}

/**
 * Builds the actor of a user: who they are and which roles they hold where, with the roles they act
 * in at `now` as someone's deputy (ORG-3). Built anew for every call, so a deputyship counts from
 * the instant it starts until the instant it ends or is revoked.
 */
export async function loadActor(db: Executor, user: UserRow, now: Date): Promise<Actor> {
  const roles = (await organisationRepository.rolesOf(db, [user.id])).map((r) => ({ role: r.role, unitId: r.unit_id }));
  return actorFrom({ user, roles, acting: await deputyRepository.rolesActedBy(db, user.id, now) });
}

/** The actor of a user with the roles they hold and those they act in as a deputy. */
function actorFrom({ user, roles, acting }: Caller): Actor {
  const all = [...roles];
  for (const a of acting) {
    if (!all.some((r) => r.role === a.role && r.unitId === a.unitId)) all.push(a);
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    kind: user.kind,
    unitId: user.unit_id,
    roles: all,
  };
}

/** Sign-in, sessions, passwords and personal API tokens. */
export function accountService(ctx: ServiceContext, deps: { secondFactor: SecondFactorService }) {
  const { db, config } = ctx;
  const idleMs = config.sessionIdleMinutes * 60 * 1000;
  const maxMs = config.sessionMaxHours * 60 * 60 * 1000;

  let policyCache: { policy: PasswordPolicy; at: number } | undefined;
  /** The agency's password policy (004 defaults), re-read at most every 30 seconds. */
  async function passwordPolicy(): Promise<PasswordPolicy> {
    if (policyCache && Date.now() - policyCache.at < 30_000) return policyCache.policy;
    const stored = PasswordPolicySchema.safeParse(await settingsRepository.get(db, POLICY_KEY));
    const policy = stored.success ? stored.data : DEFAULT_PASSWORD_POLICY;
    policyCache = { policy, at: Date.now() };
    return policy;
  }

  /** Refuses a password the policy does not accept, naming each thing it lacks. */
  async function requireAcceptablePassword(password: string, field: string): Promise<void> {
    const problems = passwordProblems(password, await passwordPolicy());
    if (problems.length === 0) return;
    throw new DomainError('validation_failed', {
      detail: {
        en: `${field}: ${problems.map((p) => p.en).join(', ')}`,
        zh: `${field}：${problems.map((p) => p.zh).join('、')}`,
      },
      fields: problems.map((p) => ({ field, in: 'body' as const, code: p.code, message: p.en, message_zh: p.zh })),
    });
  }

  /** An address with many recent failures waits, whatever account it tries (SEC-1). */
  async function refuseThrottled(origin: Origin, now: Date): Promise<void> {
    const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
    if ((await sessionRepository.countLoginFailuresFrom(db, origin.ip, since)) >= THROTTLE_FAILURES) {
      throw new DomainError('rate_limited');
    }
  }

  /** Records a failed sign-in; a wrong secret counts towards the account's lock-out. */
  async function recordFailure(
    user: UserRow | undefined,
    username: string,
    wrongSecret: boolean,
    origin: Origin,
    policy: PasswordPolicy,
    data: Record<string, unknown>,
  ): Promise<void> {
    const now = ctx.now();
    await db.transaction().execute(async (tx) => {
      await sessionRepository.recordLoginFailure(tx, origin.ip, username, now);
      // The attempted name helps spot guessing; the password is never recorded.
      await auditRepository.append(tx, {
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        objectType: 'user',
        ip: origin.ip,
        data: { username: username.slice(0, 100), ...data },
      });
      if (user && user.locked_at === null && wrongSecret) {
        const failures = await organisationRepository.recordFailedAttempt(tx, user.id);
        if (failures >= policy.lockoutThreshold) {
          await organisationRepository.lock(tx, user.id, now);
          await auditRepository.append(tx, {
            actorId: null,
            action: 'user.locked',
            objectType: 'user',
            objectId: user.id,
            ip: origin.ip,
            data: { failures },
          });
        }
      }
    });
  }

  async function openSession(user: UserRow, origin: Origin, data: Record<string, unknown>): Promise<LoginOutcome> {
    const now = ctx.now();
    const secret = newSecret();
    const csrfToken = newSecret(24);
    await db.transaction().execute(async (tx) => {
      if (user.failed_attempts > 0) await organisationRepository.clearFailures(tx, user.id, false);
      await sessionRepository.insertSession(tx, {
        idHash: secretHash(secret),
        userId: user.id,
        csrfToken,
        createdAt: now,
        expiresAt: new Date(now.getTime() + Math.min(idleMs, maxMs)),
        ip: origin.ip,
        userAgent: origin.userAgent?.slice(0, 300) ?? null,
      });
      await auditRepository.append(tx, {
        actorId: user.id,
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        ip: origin.ip,
        data,
      });
      await sessionRepository.deleteExpiredSessions(tx, now);
      await sessionRepository.pruneLoginFailures(tx, new Date(now.getTime() - THROTTLE_WINDOW_MS));
    });
    return { kind: 'session', secret, csrfToken, actor: await loadActor(db, user, now) };
  }

  /** The actor of a live user, with what they must do before anything else. */
  async function authenticated(caller: Caller, csrfToken: string | null, via: 'session' | 'token') {
    const actor = actorFrom(caller);
    return {
      ...actor,
      mustChangePassword: mustChange(caller.user, ctx.now(), await passwordPolicy()),
      mustEnrolMfa: caller.user.mfa_enabled_at === null && (await deps.secondFactor.isRequired(actor)),
      csrfToken,
      via,
    };
  }

  /** Refuses a new password the policy does not accept or that repeats one of the last few (SEC-1). */
  async function requireNewPassword(user: UserRow, next: string, field: string): Promise<void> {
    await requireAcceptablePassword(next, field);
    const n = (await passwordPolicy()).historyCount;
    const previous = [user.password_hash, ...(await organisationRepository.passwordHistory(db, user.id, n - 1))];
    for (const hash of n > 0 ? previous : []) {
      if (await verifyPassword(next, hash)) {
        throw DomainError.field(
          field,
          'reused_password',
          `The new password must differ from your last ${n}`,
          `新密碼不能與前 ${n} 次使用過的密碼相同`,
        );
      }
    }
  }

  return {
    /**
     * Checks the password and opens a session (SEC-1). An unknown user, a wrong password and a
     * locked account get the same answer; the account locks after the policy's consecutive
     * failures; an address with many recent failures is slowed down whatever account it tries.
     */
    async login(username: string, password: string, origin: Origin): Promise<LoginOutcome> {
      const now = ctx.now();
      await refuseThrottled(origin, now);
      const policy = await passwordPolicy();
      const user = await organisationRepository.findUserByUsername(db, username);
      const ok = user
        ? await verifyPassword(password, user.password_hash)
        : await verifyPassword(password, await decoyHash());
      if (!user || !ok || !isUsable(user, now) || user.locked_at !== null) {
        await recordFailure(user, username, !ok, origin, policy, {});
        throw new DomainError('invalid_credentials');
      }
      if (user.mfa_secret) {
        // The password was right; the session waits for the second factor.
        const challenge = newSecret();
        const expiresAt = new Date(now.getTime() + CHALLENGE_MS);
        await mfaRepository.insertChallenge(db, {
          idHash: secretHash(challenge),
          userId: user.id,
          createdAt: now,
          expiresAt,
          ip: origin.ip,
          userAgent: origin.userAgent?.slice(0, 300) ?? null,
        });
        return { kind: 'second_factor', challenge, expiresAt };
      }
      return openSession(user, origin, {});
    },

    /** The second step of a sign-in with a second factor: a code from the app or a recovery code. */
    async loginWithSecondFactor(challenge: string, code: string, origin: Origin): Promise<LoginOutcome> {
      const now = ctx.now();
      await refuseThrottled(origin, now);
      const idHash = secretHash(challenge);
      const pending = await mfaRepository.findLiveChallenge(db, idHash, now);
      const user = pending ? await organisationRepository.findUserById(db, pending.user_id) : undefined;
      if (!pending || !user || !isUsable(user, now) || user.locked_at !== null) {
        throw new DomainError('invalid_credentials', {
          detail: { en: 'The sign-in has expired; start again', zh: '登入已逾時，請重新登入' },
        });
      }
      const method = await db.transaction().execute(async (tx) => {
        const used = await deps.secondFactor.check(tx, user, code);
        if (used) await mfaRepository.deleteChallenge(tx, idHash, now);
        return used;
      });
      if (!method) {
        await recordFailure(user, user.username, true, origin, await passwordPolicy(), { secondFactor: true });
        throw new DomainError('invalid_credentials', {
          detail: { en: 'The code is wrong or was already used', zh: '驗證碼錯誤或已使用過' },
        });
      }
      return openSession(user, origin, { secondFactor: method });
    },

    /** The actor of a session cookie, sliding the idle timeout; null when it is unknown or expired. */
    async fromSession(secret: string): Promise<AuthenticatedActor | null> {
      const now = ctx.now();
      const idHash = secretHash(secret);
      const caller = await callerRepository.bySession(db, idHash, now);
      if (!caller || !isUsable(caller.user, now)) return null;
      const hardEnd = caller.createdAt.getTime() + maxMs;
      // The idle timeout slides by the minute: a burst of calls writes once, not once per call.
      if (now.getTime() - caller.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await sessionRepository.touchSession(db, idHash, now, new Date(Math.min(now.getTime() + idleMs, hardEnd)));
      }
      return authenticated(caller, caller.csrfToken, 'session');
    },

    /** The actor of a personal API token (`Authorization: Bearer gdk_…`). */
    async fromToken(token: string): Promise<AuthenticatedActor | null> {
      if (!token.startsWith(API_TOKEN_PREFIX)) return null;
      const now = ctx.now();
      const caller = await callerRepository.byToken(db, secretHash(token), now);
      if (!caller || !isUsable(caller.user, now)) return null;
      if (!caller.lastUsedAt || now.getTime() - caller.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
        await sessionRepository.markTokenUsed(db, caller.tokenId, now);
      }
      return authenticated(caller, null, 'token');
    },

    /** The actor's own account, unit and roles. */
    async profile(actor: Actor) {
      const user = await organisationRepository.findUserById(db, actor.userId);
      if (!user) throw new DomainError('unauthenticated');
      const unit = user.unit_id ? await organisationRepository.findUnit(db, user.unit_id) : undefined;
      const roles = await organisationRepository.rolesOf(db, [user.id]);
      return {
        user,
        unitName: unit?.name ?? null,
        roles,
        mustChangePassword: mustChange(user, ctx.now(), await passwordPolicy()),
        mustEnrolMfa: user.mfa_enabled_at === null && (await deps.secondFactor.isRequired(actor)),
      };
    },

    /** Ends every session of the actor, on every device. */
    async logoutEverywhere(actor: Actor, origin: Origin): Promise<number> {
      return db.transaction().execute(async (tx) => {
        const ended = await sessionRepository.deleteSessionsOfUser(tx, actor.userId);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'auth.logout_everywhere',
          objectType: 'user',
          objectId: actor.userId,
          ip: origin.ip,
          data: { sessions: ended },
        });
        return ended;
      });
    },

    /** The actor's recent sign-ins and failed attempts. */
    async signIns(actor: Actor) {
      return auditRepository.signInsOf(db, actor.userId, 20);
    },

    passwordPolicy,
    requireAcceptablePassword,

    async setPasswordPolicy(actor: Actor, policy: PasswordPolicy, origin: Origin): Promise<PasswordPolicy> {
      if (!abilitiesOf(actor).manageSettings) throw new DomainError('forbidden');
      await db.transaction().execute(async (tx) => {
        const before = await passwordPolicy();
        await settingsRepository.put(tx, POLICY_KEY, policy, actor.userId, ctx.now());
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'settings.changed',
          objectType: 'setting',
          objectId: POLICY_KEY,
          ip: origin.ip,
          data: { before, after: policy },
        });
      });
      policyCache = undefined;
      return policy;
    },

    async logout(secret: string, actor: Actor, origin: Origin): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await sessionRepository.deleteSession(tx, secretHash(secret));
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'auth.logout',
          objectType: 'user',
          objectId: actor.userId,
          ip: origin.ip,
        });
      });
    },

    async changePassword(actor: Actor, current: string, next: string, origin: Origin): Promise<void> {
      const user = await organisationRepository.findUserById(db, actor.userId);
      if (!user || !(await verifyPassword(current, user.password_hash))) {
        throw DomainError.field('currentPassword', 'wrong_password', 'The current password is wrong', '目前密碼不正確');
      }
      await requireNewPassword(user, next, 'newPassword');
      const hash = await hashPassword(next);
      await db.transaction().execute(async (tx) => {
        await organisationRepository.updatePassword(tx, actor.userId, hash, ctx.now());
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'user.password_changed',
          objectType: 'user',
          objectId: actor.userId,
          ip: origin.ip,
        });
      });
    },

    requireNewPassword,

    listTokens(actor: Actor) {
      return sessionRepository.listTokens(db, actor.userId);
    },

    async createToken(actor: Actor, name: string, expiresInDays: number, origin: Origin) {
      const token = `${API_TOKEN_PREFIX}${newSecret()}`;
      const now = ctx.now();
      const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS);
      const row = await db.transaction().execute(async (tx) => {
        const created = await sessionRepository.insertToken(tx, {
          userId: actor.userId,
          name,
          prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
          tokenHash: secretHash(token),
          createdAt: now,
          expiresAt,
        });
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'api_token.created',
          objectType: 'api_token',
          objectId: created.id,
          ip: origin.ip,
          data: { name },
        });
        return created;
      });
      return { row, token };
    },

    async revokeToken(actor: Actor, id: string, origin: Origin): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const revoked = await sessionRepository.revokeToken(tx, actor.userId, id, ctx.now());
        if (!revoked) throw new DomainError('not_found');
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'api_token.revoked',
          objectType: 'api_token',
          objectId: id,
          ip: origin.ip,
        });
      });
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
