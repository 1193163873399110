import { sql } from 'kysely';
import type { Executor } from '../database.js';

export const SLA_GROUPINGS = ['type', 'unit', 'assignee', 'target'] as const;
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
  /** Service-level outcomes of the clocks started in [from, to), grouped. */
  async serviceLevels(db: Executor, from: Date, to: Date, groupBy: SlaGrouping): Promise<SlaReportRow[]> {
    const base = db
      .selectFrom('request_clocks as c')
      .innerJoin('requests as r', 'r.id', 'c.request_id')
      .leftJoin('units as u', 'u.id', 'r.unit_id')
      .leftJoin('users as a', 'a.id', 'r.assignee_id')
      .where('c.started_at', '>=', from)
      .where('c.started_at', '<', to);
    const grouped =
      groupBy === 'type'
        ? base.select([sql<string>`r.type`.as('key'), sql<string>`r.type`.as('label')]).groupBy('r.type')
        : groupBy === 'unit'
          ? base
              .select([sql<string>`r.unit_id::text`.as('key'), sql<string>`u.name`.as('label')])
              .groupBy(['r.unit_id', 'u.name'])
          : groupBy === 'assignee'
            ? base
                .select([
                  sql<string | null>`r.assignee_id::text`.as('key'),
                  sql<string | null>`a.display_name`.as('label'),
                ])
                .groupBy(['r.assignee_id', 'a.display_name'])
            : base
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
