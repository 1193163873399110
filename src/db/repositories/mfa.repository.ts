import type { Executor } from '../database.js';

/** Second-factor secrets, recovery codes (as hashes) and pending sign-in challenges. */
export const mfaRepository = {
  setPendingSecret(db: Executor, userId: string, secret: string): Promise<unknown> {
    return db.updateTable('users').set({ mfa_pending_secret: secret }).where('id', '=', userId).execute();
  },

  enable(db: Executor, userId: string, secret: string, step: number, now: Date): Promise<unknown> {
    return db
      .updateTable('users')
      .set({ mfa_secret: secret, mfa_pending_secret: null, mfa_enabled_at: now, mfa_last_step: step })
      .where('id', '=', userId)
      .execute();
  },

  async disable(db: Executor, userId: string): Promise<void> {
    await db
      .updateTable('users')
      .set({ mfa_secret: null, mfa_pending_secret: null, mfa_enabled_at: null, mfa_last_step: null })
      .where('id', '=', userId)
      .execute();
    await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  },

  setLastStep(db: Executor, userId: string, step: number): Promise<unknown> {
    return db.updateTable('users').set({ mfa_last_step: step }).where('id', '=', userId).execute();
  },

  async replaceRecoveryCodes(db: Executor, userId: string, hashes: readonly string[]): Promise<void> {
    await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await db
      .insertInto('mfa_recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
      .execute();
  },

  /** Marks an unused recovery code used; false when there is none. */
  spendRecoveryCode(db: Executor, userId: string, hash: string, now: Date): Promise<boolean> {
    return db
      .updateTable('mfa_recovery_codes')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst()
      .then((r) => Number(r.numUpdatedRows) > 0);
  },

  unusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
    return db
      .selectFrom('mfa_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  insertChallenge(
    db: Executor,
    c: {
      idHash: string;
      userId: string;
      createdAt: Date;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    },
  ): Promise<unknown> {
    return db
      .insertInto('mfa_challenges')
      .values({
        id: c.idHash,
        user_id: c.userId,
        created_at: c.createdAt,
        expires_at: c.expiresAt,
        ip: c.ip,
        user_agent: c.userAgent,
      })
      .execute();
  },

  findLiveChallenge(db: Executor, idHash: string, now: Date) {
    return db
      .selectFrom('mfa_challenges')
      .selectAll()
      .where('id', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  },

  async deleteChallenge(db: Executor, idHash: string, now: Date): Promise<void> {
    await db
      .deleteFrom('mfa_challenges')
      .where((eb) => eb.or([eb('id', '=', idHash), eb('expires_at', '<=', now)]))
      .execute();
  },
};
