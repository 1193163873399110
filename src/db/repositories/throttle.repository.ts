import type { Executor } from '../database.js';

/**
 * Anonymous requests counted per address, for forms anyone may send (password reset links, the
 * public vendor application): every attempt counts, known account or not, so the throttle
 * reveals nothing. They share the table of failed sign-ins, each under its own name.
 */
export const throttleRepository = {
  record(db: Executor, ip: string | null, what: string, at: Date): Promise<unknown> {
    return db.insertInto('login_failures').values({ ip, username: what, at }).execute();
  },

  countFrom(db: Executor, ip: string | null, what: string, since: Date): Promise<number> {
    return db
      .selectFrom('login_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', ip === null ? 'is' : '=', ip)
      .where('username', '=', what)
      .where('at', '>', since)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
};
