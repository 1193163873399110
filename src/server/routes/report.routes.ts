import { Problem } from '../../shared/api/common.schema.js';
import { ServiceLevelReport, ServiceLevelReportQuery } from '../../shared/api/report.schema.js';
import { REQUEST_TYPE_LABELS, type RequestType } from '../../shared/request-vocabulary.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import type { App, RouteDeps } from './types.js';

/** Quotes a CSV field (RFC 4180). */
const field = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** SLA-4: service-level compliance by type, unit, assignee or target, as JSON or CSV. */
export function reportRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/reports/service-levels',
    {
      schema: {
        tags: ['reports'],
        summary: 'Service-level compliance over a period, grouped; `format=csv` downloads it (UTF-8 with BOM)',
        querystring: ServiceLevelReportQuery,
        response: { 200: ServiceLevelReport, 400: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const report = await deps.reports.serviceLevels(
        actorOf(request),
        q.from,
        q.to,
        q.groupBy,
        originOf(request),
        q.format === 'csv',
      );
      if (q.format === 'json') return report;
      const label = (r: ServiceLevelReport['rows'][number]) =>
        q.groupBy === 'type' && r.key
          ? (REQUEST_TYPE_LABELS[r.key as RequestType]?.['zh-TW'] ?? r.key)
          : (r.label ?? '（未指派）');
      const lines = [
        [
          '分組 group',
          '案件時限數 clocks',
          '達成 met',
          '逾時 breached',
          '進行中 open',
          '達成率 compliance',
          '需檢討 review',
        ]
          .map(field)
          .join(','),
        ...report.rows.map((r) =>
          [label(r), r.total, r.met, r.breached, r.open, r.compliance ?? '', r.reviewNeeded ? '是' : '']
            .map(field)
            .join(','),
        ),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="service-levels-${q.from}-${q.to}.csv"`)
        .send(`\uFEFF${lines.join('\r\n')}\r\n` as unknown as ServiceLevelReport); // text bypasses the JSON serialiser
    },
  );
}
