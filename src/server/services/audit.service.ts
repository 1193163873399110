import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { settingsRepository } from '../../db/repositories/settings.repository.js';
import type { Origin, ServiceContext } from './context.js';

/** When the retention purge last ran (it runs once a day). */
const PURGE_RUN_KEY = 'audit_purge_last_run';
/** Transaction logs are kept at least three years (004 參 四(五)). */
const LEGAL_MINIMUM_YEARS = 3;

/** The audit trail as auditors and administrators see it. */
export function auditService(ctx: ServiceContext) {
  return {
    /** Searches the trail; exports are themselves audited. */
    async search(
      actor: Actor,
      q: {
        from?: string | undefined;
        to?: string | undefined;
        actorId?: string | undefined;
        action?: string | undefined;
        objectId?: string | undefined;
        limit: number;
      },
      origin: Origin,
      exported: boolean,
    ) {
      if (!abilitiesOf(actor).readAudit) throw new DomainError('forbidden');
      const rows = await auditRepository.search(
        ctx.db,
        {
          from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
          to: q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
          actorId: q.actorId,
          action: q.action,
          objectId: q.objectId,
        },
        q.limit,
      );
      if (exported) {
        await auditRepository.append(ctx.db, {
          actorId: actor.userId,
          action: 'audit.exported',
          ip: origin.ip,
          data: { ...q, rows: rows.length },
        });
      }
      return rows;
    },

    /**
     * Removes records older than the retention period (at least the legal three years) once a
     * day; each run is itself recorded, with what it removed.
     */
    async purgeExpired(retentionYears: number): Promise<number | null> {
      const now = ctx.now();
      return ctx.db.transaction().execute(async (tx) => {
        const lastRun = await settingsRepository.get(tx, PURGE_RUN_KEY);
        if (typeof lastRun === 'string' && now.getTime() - Date.parse(lastRun) < 86_400_000) return null;
        await settingsRepository.put(tx, PURGE_RUN_KEY, now.toISOString(), null, now);
        const before = new Date(now);
        before.setUTCFullYear(before.getUTCFullYear() - Math.max(LEGAL_MINIMUM_YEARS, retentionYears));
        return auditRepository.purgeBefore(tx, before, null);
      });
    },

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
