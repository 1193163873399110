import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import type { Origin, ServiceContext } from './context.js';

/** The audit trail as auditors and administrators see it. */
export function auditService(ctx: ServiceContext) {
  return {
    /** Checks the chain; the check itself is recorded. */
    async verify(actor: Actor, origin: Origin) {
      if (!abilitiesOf(actor).readAudit) throw new DomainError('forbidden');
      const result = await auditRepository.verify(ctx.db);
      await auditRepository.append(ctx.db, {
        actorId: actor.userId,
        action: 'audit.verified',
        ip: origin.ip,
        data: { checked: result.checked, firstBreak: result.firstBreak },
      });
      return result;
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;
