import {
  checkAppointment,
  deputyshipState,
  holdsDeputisableRole,
  mayAppoint,
  mayRevoke,
} from '../../domain/deputy-rules.js';
import { DomainError } from '../../domain/errors.js';
import { hasRole, type Actor } from '../../domain/policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { deputyRepository } from '../../db/repositories/deputy.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import type { DeputyshipCreate } from '../../shared/api/deputy.schema.js';
import type { Origin, ServiceContext } from './context.js';

/**
 * Deputies (ORG-3, 職務代理人): administrators appoint for anyone, a role holder for their own roles;
 * the deputy then acts with the role (account.service.ts loadActor, organisationRepository.activeRoleHolders).
 */
export function deputyService(ctx: ServiceContext) {
  const { db } = ctx;

  async function withState(actor: Actor, rows: Awaited<ReturnType<typeof deputyRepository.list>>) {
    const now = ctx.now();
    const inForce = await deputyRepository.inForceAmong(
      db,
      rows.map((r) => r.id),
      now,
    );
    return rows.map((row) => {
      const state = deputyshipState({ startsAt: row.starts_at, endsAt: row.ends_at, revokedAt: row.revoked_at }, now);
      return {
        row,
        state,
        effective: inForce.has(row.id),
        canRevoke: (state === 'active' || state === 'scheduled') && mayRevoke(actor, { principalId: row.principal_id }),
      };
    });
  }

  return {
    /** Administrators see every deputyship; others those where they are the principal or the deputy. */
    async list(actor: Actor) {
      const rows = await deputyRepository.list(db, hasRole(actor, ['admin']) ? {} : { userId: actor.userId });
      return withState(actor, rows);
    },

    /** Appoints a deputy, after every rule of deputy-rules.ts. */
    async appoint(actor: Actor, input: DeputyshipCreate, origin: Origin) {
      if (!mayAppoint(actor, input.principalId)) {
        throw new DomainError('forbidden', {
          detail: {
            en: 'Only an administrator appoints a deputy for someone else',
            zh: '僅系統管理者可為他人指定職務代理人',
          },
        });
      }
      const now = ctx.now();
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      const id = await db.transaction().execute(async (tx) => {
        const principal = await organisationRepository.findUserById(tx, input.principalId);
        if (!principal) throw DomainError.field('principalId', 'principal_not_found', 'No such account', '查無此帳號');
        const held = (await organisationRepository.rolesOf(tx, [principal.id])).filter((r) => r.role === input.role);
        const deputy = await organisationRepository.findUserById(tx, input.deputyId);
        const checked = checkAppointment({
          role: input.role,
          principalUnits: held.map((r) => r.unit_id ?? principal.unit_id),
          unitId: input.unitId,
          principalId: principal.id,
          deputy: deputy
            ? { id: deputy.id, kind: deputy.kind, disabled: deputy.disabled_at !== null, expiresAt: deputy.expires_at }
            : null,
          startsAt,
          endsAt,
          now,
        });
        if (!checked.ok) {
          const p = checked.problem;
          throw DomainError.field(p.field, p.code, p.en, p.zh);
        }
        const appointment = {
          principalId: principal.id,
          deputyId: input.deputyId,
          role: input.role,
          unitId: checked.unitId,
          startsAt,
          endsAt,
        };
        if (await deputyRepository.findOverlapping(tx, appointment)) {
          throw new DomainError('conflict', {
            detail: {
              en: 'This deputy is already appointed for this role in an overlapping period',
              zh: '此代理人在重疊的期間已受指定代理此角色',
            },
            fields: [
              {
                field: 'deputyId',
                in: 'body',
                code: 'already_appointed',
                message: 'Already appointed for an overlapping period',
                message_zh: '重疊期間已受指定',
              },
            ],
          });
        }
        const row = await deputyRepository.insert(tx, {
          ...appointment,
          reason: input.reason,
          createdBy: actor.userId,
          createdAt: now,
        });
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'deputy.appointed',
          objectType: 'deputyship',
          objectId: row.id,
          ip: origin.ip,
          data: {
            principalId: row.principal_id,
            deputyId: row.deputy_id,
            role: row.role,
            unitId: row.unit_id,
            startsAt: row.starts_at.toISOString(),
            endsAt: row.ends_at.toISOString(),
            reason: row.reason,
          },
        });
        return row.id;
      });
      return (await withState(actor, await deputyRepository.list(db, { id })))[0]!;
    },

    /** Ends a deputyship now (administrators, the principal); 404 for one the caller may not see. */
    async revoke(actor: Actor, id: string, origin: Origin): Promise<void> {
      const now = ctx.now();
      await db.transaction().execute(async (tx) => {
        const row = await deputyRepository.lock(tx, id);
        const visible =
          row && (hasRole(actor, ['admin']) || row.principal_id === actor.userId || row.deputy_id === actor.userId);
        if (!row || !visible) throw new DomainError('not_found');
        if (!mayRevoke(actor, { principalId: row.principal_id })) throw new DomainError('forbidden');
        const state = deputyshipState({ startsAt: row.starts_at, endsAt: row.ends_at, revokedAt: row.revoked_at }, now);
        if (state === 'revoked' || state === 'ended') {
          throw new DomainError('conflict', {
            detail: { en: 'The deputyship has already ended', zh: '此職務代理已結束' },
          });
        }
        await deputyRepository.revoke(tx, id, now);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'deputy.revoked',
          objectType: 'deputyship',
          objectId: id,
          ip: origin.ip,
          data: { principalId: row.principal_id, deputyId: row.deputy_id, role: row.role, state },
        });
      });
    },

    /** Usable staff accounts a deputy may be chosen from (for administrators and role holders). */
    async candidates(actor: Actor, q: string | undefined) {
      if (!hasRole(actor, ['admin']) && !holdsDeputisableRole(actor)) throw new DomainError('forbidden');
      const now = ctx.now();
      const users = (await organisationRepository.listUsers(db, { q })).filter(
        (u) => u.kind === 'staff' && u.disabled_at === null && (u.expires_at === null || u.expires_at > now),
      );
      const units = new Map((await organisationRepository.listUnits(db)).map((u) => [u.id, u.name]));
      return users.slice(0, 50).map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        unitName: u.unit_id ? (units.get(u.unit_id) ?? null) : null,
      }));
    },
  };
}
export type DeputyService = ReturnType<typeof deputyService>;
