import { sql } from 'kysely';

/**
 * Which statements the two pools send as named prepared statements (issue 7): the server's
 * `PreparingPool` (src/db/prepared-pool.ts) and the embedded database's `PGlitePool`
 * (src/db/pglite-pool.ts). A prepared statement is parsed and planned once per connection; the
 * plan is then reused at every call.
 */

const PLANNED_PER_CALL = '/* govdesk: planned per call */';

/**
 * Marks a statement whose best plan depends on its values (a free-text term, a filter on a
 * skewed column, a period): the pools send it unprepared, so the database plans it for the values
 * at hand. A generic plan of the request list, prepared, made a Chinese search four times slower
 * (it cannot see that `like '%印表機%'` is selective). Append with `.modifyEnd(plannedPerCall)`.
 */
export const plannedPerCall = sql.raw(PLANNED_PER_CALL);

/** Statements one connection keeps prepared at most; texts beyond these run unprepared. */
export const MAX_PREPARED_PER_CONNECTION = 1000;

const QUERY = /^\s*(select|insert|update|delete|with|values)\b/i;
const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const END = /^\s*(commit|rollback)\s*$/i;

/**
 * How the pools send a statement: `reusable`, a query prepared once by name and run again by it;
 * `plannedPerCall`, a query marked so, parsed and planned at every call; `other`, transaction
 * control and schema changes, which run as they are.
 */
export function statementKind(text: string): 'reusable' | 'plannedPerCall' | 'other' {
  if (!QUERY.test(text)) return 'other';
  return text.endsWith(PLANNED_PER_CALL) ? 'plannedPerCall' : 'reusable';
}

/** How a statement moves a connection's transaction: opens one, ends one, or neither. */
export function transactionEffect(text: string): 'begin' | 'end' | undefined {
  return BEGIN.test(text) ? 'begin' : END.test(text) ? 'end' : undefined;
}

/**
 * The database's refusal of a prepared plan whose result columns a schema change altered ("cached
 * plan must not change result type"); the statement must be prepared again.
 */
export function planChanged(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '0A000' && /cached plan must not change result type/.test(e.message ?? '');
}
