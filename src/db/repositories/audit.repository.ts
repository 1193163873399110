import type { Executor } from '../database.js';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  objectType?: string;
  objectId?: string;
  ip?: string | null;
  data?: Record<string, unknown>;
};

/** The audit trail (SEC-3): append-only; written in the same transaction as the change it records. */
export const auditRepository = {
  append(db: Executor, entry: AuditEntry): Promise<unknown> {
    return db
      .insertInto('audit_log')
      .values({
        actor_id: entry.actorId,
        action: entry.action,
        object_type: entry.objectType ?? null,
        object_id: entry.objectId ?? null,
        ip: entry.ip ?? null,
        data: JSON.stringify(entry.data ?? {}),
      })
      .execute();
  },
};
