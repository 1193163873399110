import type { Deputyship } from '../shared/api/deputy.schema.js';
import type { DeputyService } from './services/deputy.service.js';

/** Deputyships turned into the API's shape (src/shared/api/deputy.schema.ts). */

const iso = (d: Date) => d.toISOString();

export function presentDeputyship(d: Awaited<ReturnType<DeputyService['list']>>[number]): Deputyship {
  const r = d.row;
  return {
    id: r.id,
    principal: {
      id: r.principal_id,
      username: r.principal_username,
      displayName: r.principal_name,
      unitName: r.principal_unit_name,
    },
    deputy: { id: r.deputy_id, username: r.deputy_username, displayName: r.deputy_name, unitName: r.deputy_unit_name },
    role: r.role,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    reason: r.reason,
    createdBy: r.created_by_name,
    createdAt: iso(r.created_at),
    revokedAt: r.revoked_at ? iso(r.revoked_at) : null,
    state: d.state,
    effective: d.effective,
    canRevoke: d.canRevoke,
  };
}
