import { z } from 'zod';
import { AuditRecord, AuditSearchQuery, AuditVerification } from '../../shared/api/audit.schema.js';
import { Problem } from '../../shared/api/common.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import type { App, RouteDeps } from './types.js';

const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** SEC-3: the audit trail for auditors and administrators: search, CSV export, integrity check. */
export function auditRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail, newest first; `format=csv` exports it (auditors, administrators)',
        querystring: AuditSearchQuery,
        response: { 200: z.array(AuditRecord), 400: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      const rows = await deps.audit.search(actorOf(request), q, originOf(request), format === 'csv');
      const records = rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actor_id ? { id: r.actor_id, username: r.username ?? '', displayName: r.display_name ?? '' } : null,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        ip: r.ip,
        data: r.data,
      }));
      if (format === 'json') return records;
      const taipei = (iso: string) =>
        new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
      const lines = [
        [
          '編號 id',
          '時間 time (Asia/Taipei)',
          '帳號 user',
          '動作 action',
          '對象 object',
          '識別碼 object id',
          '位址 ip',
          '內容 data',
        ].join(','),
        ...records.map((r) =>
          [r.id, taipei(r.at), r.actor?.username ?? '', r.action, r.objectType, r.objectId, r.ip, r.data]
            .map(csvField)
            .join(','),
        ),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-trail.csv"')
        .send(`\uFEFF${lines.join('\r\n')}\r\n` as unknown as AuditRecord[]); // text bypasses the JSON serialiser
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: "Check the audit trail's hash chain and name the first broken record (auditors, administrators)",
        response: { 200: AuditVerification, 403: Problem },
      },
    },
    async (request) => {
      const result = await deps.audit.verify(actorOf(request), originOf(request));
      return { intact: result.firstBreak === null, checked: result.checked, firstBreak: result.firstBreak };
    },
  );
}
