import type { Executor } from '../database.js';
import type { RequestClocksTable } from '../schema.js';
import type { Insertable, Selectable, Updateable } from 'kysely';

export type ClockRow = Selectable<RequestClocksTable>;

/** Service-level clocks; a clock with `next_check_at` set is also the job that checks it. */
export const clockRepository = {
  insert(db: Executor, rows: ReadonlyArray<Insertable<RequestClocksTable>>): Promise<unknown> {
    if (rows.length === 0) return Promise.resolve();
    return db.insertInto('request_clocks').values(rows).execute();
  },

  ofRequest(db: Executor, requestId: string): Promise<ClockRow[]> {
    return db
      .selectFrom('request_clocks')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('started_at')
      .orderBy('target_key')
      .execute();
  },

  update(db: Executor, id: string, changes: Updateable<RequestClocksTable>): Promise<unknown> {
    return db.updateTable('request_clocks').set(changes).where('id', '=', id).execute();
  },

  /**
   * Clocks whose next check is due, locked for this transaction; other workers skip them. The
   * worker reads each clock's request when it handles it, under the request's lock: joining
   * `requests` here would hash the whole table when many clocks are due (bench/README.md).
   */
  claimDue(db: Executor, now: Date, limit: number) {
    return db
      .selectFrom('request_clocks as c')
      .selectAll('c')
      .where('c.next_check_at', '<=', now)
      .orderBy('c.next_check_at')
      .limit(limit)
      .forUpdate('c')
      .skipLocked()
      .execute();
  },
};
