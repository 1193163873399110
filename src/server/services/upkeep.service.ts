import type { DatabaseKind } from '../../db/database.js';
import { settingsRepository } from '../../db/repositories/settings.repository.js';
import { upkeepTables, vacuumAnalyze } from '../../db/upkeep.js';
import type { ServiceContext } from './context.js';

/** When the last complete upkeep pass of the embedded database started (an ISO instant). */
const UPKEEP_RUN_KEY = 'upkeep.last_vacuum';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Taipei is UTC+8 all year. */
const TAIPEI_OFFSET_MS = 8 * HOUR_MS;
/** The night the upkeep runs in, Taipei time: [02:00, 05:00), long before the office opens. */
const NIGHT_STARTS_HOUR = 2;
const NIGHT_ENDS_HOUR = 5;
/** A server that is never on at night gets its upkeep when it is this overdue, whatever the hour. */
const OVERDUE_MS = 2 * DAY_MS;

/**
 * Whether the upkeep is due at `now`, having last run at `last`: at once on a database never
 * kept (the planner has no statistics until then); otherwise once a night, at the first pass after
 * 02:00 Taipei time; and at any hour once two days have gone by without it.
 */
export function upkeepDue(last: Date | null, now: Date): boolean {
  if (last === null || now.getTime() - last.getTime() >= OVERDUE_MS) return true;
  const local = now.getTime() + TAIPEI_OFFSET_MS;
  const hour = Math.floor((local % DAY_MS) / HOUR_MS);
  if (hour < NIGHT_STARTS_HOUR || hour >= NIGHT_ENDS_HOUR) return false;
  const tonight = local - (local % DAY_MS) + NIGHT_STARTS_HOUR * HOUR_MS - TAIPEI_OFFSET_MS;
  return last.getTime() < tonight;
}

/**
 * The embedded database's daily upkeep (issue 7). PGlite runs PostgreSQL as one standalone
 * backend, without the autovacuum that a server runs in the background: left alone it never
 * reclaims a dead row, never marks a page all-visible and never gathers statistics for its
 * planner. At 100,000 requests, the capped count of an agent's queue read 917 rows of the table
 * for 719 matches and took 2.9 ms; after a `VACUUM (ANALYZE)` of 0.8 s it read none and took
 * 0.5 ms.
 *
 * The worker calls `run` on every pass; it works once a night (`upkeepDue`), one table per
 * statement so that API calls go on between them, and notes the run only when every table is done
 * (a pass cut short by a restart is done again). At 100,000 requests the `requests` table alone
 * holds the database for 2–3 s: analysing it computes the search grams' function for each of
 * its 30,000 sampled rows. On a PostgreSQL server autovacuum does this, and `run` does nothing.
 */
export function upkeepService(ctx: ServiceContext, deps: { databaseKind: DatabaseKind }) {
  return {
    /** The number of tables vacuumed and analyzed, or null when nothing was due. */
    async run(): Promise<number | null> {
      if (deps.databaseKind !== 'pglite') return null;
      const started = ctx.now();
      const last = await settingsRepository.get(ctx.db, UPKEEP_RUN_KEY);
      if (!upkeepDue(typeof last === 'string' ? new Date(last) : null, started)) return null;
      const tables = await upkeepTables(ctx.db);
      for (const table of tables) await vacuumAnalyze(ctx.db, table);
      await settingsRepository.put(ctx.db, UPKEEP_RUN_KEY, started.toISOString(), null, ctx.now());
      return tables.length;
    },
  };
}
export type UpkeepService = ReturnType<typeof upkeepService>;
