import { sql } from 'kysely';
import type { Executor } from '../database.js';
import { plannedPerCall } from '../preparable.js';

/**
 * `vendor`: the company of the person the request is assigned to, when that is a vendor's or
 * contractor's account (their unit is the company); requests handled by the agency's own staff
 * form one group with no key.
 */
export const SLA_GROUPINGS = ['type', 'unit', 'assignee', 'vendor', 'target'] as const;
export type SlaGrouping = (typeof SLA_GROUPINGS)[number];

export type SlaReportRow = {
  key: string | null;
  label: string | null;
  total: number;
  met: number;
  breached: number;
  open: number;
};

/** Aggregates for reports (SLA-4, DESK-4); every figure is computed in the database. */
export const reportRepository = {
  /**
   * Service-level outcomes of the clocks started in [from, to), grouped. By type or by clock it
   * reads only the clocks (each keeps its request's type: an index-only range at a million
   * requests); by unit, assignee or vendor it joins their requests.
   */
  async serviceLevels(db: Executor, from: Date, to: Date, groupBy: SlaGrouping): Promise<SlaReportRow[]> {
    const clocks = db
      .selectFrom('request_clocks as c')
      .where('c.started_at', '>=', from)
      .where('c.started_at', '<', to);
    const withRequests = clocks
      .innerJoin('requests as r', 'r.id', 'c.request_id')
      .leftJoin('units as u', 'u.id', 'r.unit_id')
      .leftJoin('users as a', 'a.id', 'r.assignee_id');
    const grouped =
      groupBy === 'type'
        ? clocks
            .select([sql<string>`c.request_type`.as('key'), sql<string>`c.request_type`.as('label')])
            .groupBy('c.request_type')
        : groupBy === 'unit'
          ? withRequests
              .select([sql<string>`r.unit_id::text`.as('key'), sql<string>`u.name`.as('label')])
              .groupBy(['r.unit_id', 'u.name'])
          : groupBy === 'assignee'
            ? withRequests
                .select([
                  sql<string | null>`r.assignee_id::text`.as('key'),
                  sql<string | null>`a.display_name`.as('label'),
                ])
                .groupBy(['r.assignee_id', 'a.display_name'])
            : groupBy === 'vendor'
              ? withRequests
                  .leftJoin('units as v', (join) =>
                    join.onRef('v.id', '=', 'a.unit_id').on('a.kind', 'in', ['vendor', 'contractor']),
                  )
                  .select([sql<string | null>`v.id::text`.as('key'), sql<string | null>`v.name`.as('label')])
                  .groupBy(['v.id', 'v.name'])
              : clocks
                  .select([sql<string>`c.target_key`.as('key'), sql<string>`c.target_key`.as('label')])
                  .groupBy('c.target_key');
    const rows = await grouped
      .select([
        sql<number>`count(*)`.as('total'),
        sql<number>`count(*) filter (where c.status = 'stopped' and c.consumed_ms <= c.target_ms and c.breached_at is null)`.as(
          'met',
        ),
        sql<number>`count(*) filter (where c.breached_at is not null or (c.status = 'stopped' and c.consumed_ms > c.target_ms))`.as(
          'breached',
        ),
        sql<number>`count(*) filter (where c.status <> 'stopped' and c.breached_at is null)`.as('open'),
      ])
      .orderBy(sql`count(*)`, 'desc')
      .modifyEnd(plannedPerCall)
      .execute();
    return rows.map((r) => ({
      key: r.key,
      label: r.label,
      total: Number(r.total),
      met: Number(r.met),
      breached: Number(r.breached),
      open: Number(r.open),
    }));
  },
};
