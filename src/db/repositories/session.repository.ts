import type { Executor } from '../database.js';

/** Browser sessions and personal API tokens; both are stored only as hashes of their secrets. */
export const sessionRepository = {
  insertSession(
    db: Executor,
    s: {
      idHash: string;
      userId: string;
      csrfToken: string;
      createdAt: Date;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    },
  ): Promise<unknown> {
    return db
      .insertInto('sessions')
      .values({
        id: s.idHash,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        last_seen_at: s.createdAt,
        expires_at: s.expiresAt,
        ip: s.ip,
        user_agent: s.userAgent,
      })
      .execute();
  },

  touchSession(db: Executor, idHash: string, now: Date, expiresAt: Date): Promise<unknown> {
    return db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id', '=', idHash)
      .execute();
  },

  deleteSession(db: Executor, idHash: string): Promise<unknown> {
    return db.deleteFrom('sessions').where('id', '=', idHash).execute();
  },

  /** Ends every session of a user ("sign out everywhere"); returns how many. */
  deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
    return db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .executeTakeFirst()
      .then((r) => Number(r.numDeletedRows));
  },

  recordLoginFailure(db: Executor, ip: string | null, username: string, at: Date): Promise<unknown> {
    return db
      .insertInto('login_failures')
      .values({ ip, username: username.slice(0, 100), at })
      .execute();
  },

  /** Failed sign-ins from one address since an instant: throttling across accounts. */
  countLoginFailuresFrom(db: Executor, ip: string | null, since: Date): Promise<number> {
    return db
      .selectFrom('login_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', ip === null ? 'is' : '=', ip)
      .where('at', '>', since)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  pruneLoginFailures(db: Executor, before: Date): Promise<unknown> {
    return db.deleteFrom('login_failures').where('at', '<', before).execute();
  },

  deleteExpiredSessions(db: Executor, now: Date): Promise<unknown> {
    return db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  },

  countSessionsOf(db: Executor, userId: string, now: Date): Promise<number> {
    return db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  /** Revokes every live token of a user (leaving); returns how many. */
  revokeTokensOf(db: Executor, userId: string, now: Date): Promise<number> {
    return db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
      .then((r) => Number(r.numUpdatedRows));
  },

  insertToken(
    db: Executor,
    t: { userId: string; name: string; prefix: string; tokenHash: string; createdAt: Date; expiresAt: Date },
  ) {
    return db
      .insertInto('api_tokens')
      .values({
        user_id: t.userId,
        name: t.name,
        prefix: t.prefix,
        token_hash: t.tokenHash,
        created_at: t.createdAt,
        expires_at: t.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  markTokenUsed(db: Executor, id: string, now: Date): Promise<unknown> {
    return db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  },

  listTokens(db: Executor, userId: string) {
    return db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
  },

  revokeToken(db: Executor, userId: string, id: string, now: Date): Promise<boolean> {
    return db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
      .then((r) => Number(r.numUpdatedRows) > 0);
  },
};
