import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { searchCondition } from '../../src/db/repositories/request.repository.js';
import { freshDatabase } from '../helpers/database.js';

/**
 * Issue 7: the lookups every request page, filing and step makes stay index lookups. With
 * sequential scans priced out, a plan without an index condition has no index to use: at a
 * million requests that is hundreds of milliseconds per call (bench/README.md).
 */
describe('indexes of the hot paths (issue 7)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  const planOf = (query: RawBuilder<unknown>) =>
    database.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      const rows = await sql<Record<string, string>>`explain ${query}`.execute(tx);
      return rows.rows.map((r) => Object.values(r).join(' ')).join('\n');
    });
  const id = '00000000-0000-0000-0000-000000000001';

  it.each([
    ['a request’s clocks', sql`select * from request_clocks where request_id = ${id} order by started_at, target_key`],
    ['a request’s history', sql`select * from request_events where request_id = ${id} order by seq`],
    ['a request’s comments', sql`select * from comments where request_id = ${id} order by ordinal`],
    ['a request’s files', sql`select * from attachments where request_id = ${id} order by ordinal`],
    [
      'the queue, by due time',
      sql`select * from requests where status = 'submitted' and type = 'general' order by sla_due_at, id limit 50`,
    ],
    ['a period’s clocks', sql`select request_type, count(*) from request_clocks where started_at >= now() group by 1`],
    ['due clocks', sql`select * from request_clocks where next_check_at <= now() order by next_check_at limit 200`],
    ['free text', sql`select r.id from requests r where ${searchCondition('印表機無法列印')}`],
    ['a short term', sql`select r.id from requests r where ${searchCondition('網路')}`],
  ])('finds %s through an index', async (_name, query) => {
    const plan = await planOf(query);
    // Not a scan of the whole table, nor of a whole index read for want of a better one.
    expect(plan).not.toContain('Seq Scan');
    expect(plan).toContain('Index Cond');
  });
});
