import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { reportRepository, type SlaGrouping } from '../../db/repositories/report.repository.js';
import type { ServiceLevelReport } from '../../shared/api/report.schema.js';
import type { Origin, ServiceContext } from './context.js';

/** SLA-4: repeated breaches of one group in a period call for an improvement review (004 壹三). */
export const REVIEW_AFTER_BREACHES = 3;

const compliance = (met: number, breached: number) =>
  met + breached === 0 ? null : Math.round((met / (met + breached)) * 1000) / 1000;

/** Reports for the desk and the IT section. */
export function reportService(ctx: ServiceContext) {
  return {
    async serviceLevels(
      actor: Actor,
      from: string,
      to: string,
      groupBy: SlaGrouping,
      origin: Origin,
      exported: boolean,
    ): Promise<ServiceLevelReport> {
      if (!abilitiesOf(actor).seeAllRequests) throw new DomainError('forbidden');
      if (to < from)
        throw new DomainError('validation_failed', {
          fields: [
            {
              field: 'to',
              in: 'query',
              code: 'before_from',
              message: 'The period ends before it starts',
              message_zh: '結束日期早於開始日期',
            },
          ],
        });
      const rows = await reportRepository.serviceLevels(ctx.db, from, to, groupBy);
      const sum = (k: 'total' | 'met' | 'breached' | 'open') => rows.reduce((n, r) => n + r[k], 0);
      if (exported) {
        await auditRepository.append(ctx.db, {
          actorId: actor.userId,
          action: 'report.exported',
          objectType: 'report',
          objectId: 'service-levels',
          ip: origin.ip,
          data: { from, to, groupBy },
        });
      }
      return {
        from,
        to,
        groupBy,
        rows: rows.map((r) => ({
          ...r,
          compliance: compliance(r.met, r.breached),
          reviewNeeded: r.breached >= REVIEW_AFTER_BREACHES,
        })),
        totals: {
          total: sum('total'),
          met: sum('met'),
          breached: sum('breached'),
          open: sum('open'),
          compliance: compliance(sum('met'), sum('breached')),
        },
      };
    },

    /** Folds the service-level outcomes journal into its daily counts (a worker pass). */
    foldOutcomes(): Promise<number> {
      return reportRepository.foldOutcomes(ctx.db);
    },
  };
}
export type ReportService = ReturnType<typeof reportService>;
