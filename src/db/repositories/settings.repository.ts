import type { Executor } from '../database.js';

/** Agency settings as JSON values by key; each service validates its own keys. */
export const settingsRepository = {
  async get(db: Executor, key: string): Promise<unknown> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  },

  async put(db: Executor, key: string, value: unknown, userId: string | null, now: Date): Promise<void> {
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json, updated_by: userId, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: userId, updated_at: now }))
      .execute();
  },
};
