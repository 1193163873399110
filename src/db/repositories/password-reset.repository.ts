import type { Executor } from '../database.js';

/** One-time password links (stored as hashes) and the requests for them, for throttling. */
export const passwordResetRepository = {
  insert(
    db: Executor,
    r: {
      idHash: string;
      userId: string;
      purpose: 'reset' | 'new_account';
      createdAt: Date;
      expiresAt: Date;
      ip: string | null;
    },
  ): Promise<unknown> {
    return db
      .insertInto('password_resets')
      .values({
        id: r.idHash,
        user_id: r.userId,
        purpose: r.purpose,
        created_at: r.createdAt,
        expires_at: r.expiresAt,
        ip: r.ip,
      })
      .execute();
  },

  findLive(db: Executor, idHash: string, now: Date) {
    return db
      .selectFrom('password_resets')
      .selectAll()
      .where('id', '=', idHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  },

  /** Marks a live link used; false when it was spent meanwhile. */
  spend(db: Executor, idHash: string, now: Date): Promise<boolean> {
    return db
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('id', '=', idHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst()
      .then((r) => Number(r.numUpdatedRows) > 0);
  },
};
