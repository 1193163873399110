import { AuditVerification } from '../../shared/api/audit.schema.js';
import { Problem } from '../../shared/api/common.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import type { App, RouteDeps } from './types.js';

/** SEC-3: the audit trail's integrity check, for auditors and administrators. */
export function auditRoutes(app: App, deps: RouteDeps): void {
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
