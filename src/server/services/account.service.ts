import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../../domain/policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { sessionRepository } from '../../db/repositories/session.repository.js';
import type { Executor } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password.js';
import { API_TOKEN_PREFIX, newSecret, secretHash } from '../auth/secrets.js';
import type { Origin, ServiceContext } from './context.js';

export type AuthenticatedActor = Actor & {
  mustChangePassword: boolean;
  /** Set when signed in by cookie: state changes must echo it in X-CSRF-Token. */
  csrfToken: string | null;
  via: 'session' | 'token';
};

const DAY_MS = 24 * 60 * 60 * 1000;

function isUsable(user: UserRow, now: Date): boolean {
  return user.disabled_at === null && (user.expires_at === null || user.expires_at > now);
}

/** Builds the actor of a user: who they are and which roles they hold where. */
export async function loadActor(db: Executor, user: UserRow): Promise<Actor> {
  const roles = await organisationRepository.rolesOf(db, [user.id]);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    kind: user.kind,
    unitId: user.unit_id,
    roles: roles.map((r) => ({ role: r.role, unitId: r.unit_id })),
  };
}

/** Sign-in, sessions, passwords and personal API tokens. */
export function accountService(ctx: ServiceContext) {
  const { db, config } = ctx;
  const idleMs = config.sessionIdleMinutes * 60 * 1000;
  const maxMs = config.sessionMaxHours * 60 * 60 * 1000;

  return {
    /** Checks the password and opens a session; the same answer for an unknown user and a wrong password. */
    async login(username: string, password: string, origin: Origin) {
      const user = await organisationRepository.findUserByUsername(db, username);
      const ok = user
        ? await verifyPassword(password, user.password_hash)
        : await verifyPassword(password, await decoyHash());
      const now = ctx.now();
      if (!user || !ok || !isUsable(user, now)) {
        await auditRepository.append(db, {
          actorId: user?.id ?? null,
          action: 'auth.login_failed',
          objectType: 'user',
          ip: origin.ip,
          // The attempted name helps spot guessing; the password is never recorded.
          data: { username: username.slice(0, 100) },
        });
        throw new DomainError('invalid_credentials');
      }
      const secret = newSecret();
      const csrfToken = newSecret(24);
      await db.transaction().execute(async (tx) => {
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
        });
        await sessionRepository.deleteExpiredSessions(tx, now);
      });
      const actor = await loadActor(db, user);
      return { secret, csrfToken, actor, mustChangePassword: user.must_change_password };
    },

    /** The actor of a session cookie, sliding the idle timeout; null when it is unknown or expired. */
    async fromSession(secret: string): Promise<AuthenticatedActor | null> {
      const now = ctx.now();
      const idHash = secretHash(secret);
      const session = await sessionRepository.findLiveSession(db, idHash, now);
      if (!session) return null;
      const user = await organisationRepository.findUserById(db, session.user_id);
      if (!user || !isUsable(user, now)) return null;
      const hardEnd = session.created_at.getTime() + maxMs;
      await sessionRepository.touchSession(db, idHash, now, new Date(Math.min(now.getTime() + idleMs, hardEnd)));
      const actor = await loadActor(db, user);
      return { ...actor, mustChangePassword: user.must_change_password, csrfToken: session.csrf_token, via: 'session' };
    },

    /** The actor of a personal API token (`Authorization: Bearer gdk_…`). */
    async fromToken(token: string): Promise<AuthenticatedActor | null> {
      if (!token.startsWith(API_TOKEN_PREFIX)) return null;
      const now = ctx.now();
      const row = await sessionRepository.findLiveToken(db, secretHash(token), now);
      if (!row) return null;
      const user = await organisationRepository.findUserById(db, row.user_id);
      if (!user || !isUsable(user, now)) return null;
      await sessionRepository.markTokenUsed(db, row.id, now);
      const actor = await loadActor(db, user);
      return { ...actor, mustChangePassword: user.must_change_password, csrfToken: null, via: 'token' };
    },

    /** The actor's own account, unit and roles. */
    async profile(actor: Actor) {
      const user = await organisationRepository.findUserById(db, actor.userId);
      if (!user) throw new DomainError('unauthenticated');
      const unit = user.unit_id ? await organisationRepository.findUnit(db, user.unit_id) : undefined;
      const roles = await organisationRepository.rolesOf(db, [user.id]);
      return { user, unitName: unit?.name ?? null, roles };
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
      if (current === next) {
        throw DomainError.field(
          'newPassword',
          'same_password',
          'The new password must differ from the current one',
          '新密碼不能與目前密碼相同',
        );
      }
      const hash = await hashPassword(next);
      await db.transaction().execute(async (tx) => {
        await organisationRepository.updatePassword(tx, actor.userId, hash);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'user.password_changed',
          objectType: 'user',
          objectId: actor.userId,
          ip: origin.ip,
        });
      });
    },

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
