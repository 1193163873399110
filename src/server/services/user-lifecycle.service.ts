import { accountProblems, expiryInstant, lastDayOf } from '../../domain/account-rules.js';
import { localDateOf } from '../../domain/calendar/working-time.js';
import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import type { Executor } from '../../db/database.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { requestRepository } from '../../db/repositories/request.repository.js';
import { sessionRepository } from '../../db/repositories/session.repository.js';
import type { OffboardBody, UserUpdate } from '../../shared/api/organisation.schema.js';
import type { Role, UserKind } from '../../shared/roles.js';
import type { Origin, ServiceContext } from './context.js';
import type { SecuritySettingsService } from './security-settings.service.js';

type RoleGrant = { role: Role; unitId: string | null };

function requireAdmin(actor: Actor): void {
  if (!abilitiesOf(actor).manageUsers) throw new DomainError('forbidden');
}

/** Refuses an account that breaks the account rules (expiry, staff-only roles), naming each field. */
export async function requireAccountRules(
  db: Executor,
  settings: SecuritySettingsService,
  account: { kind: UserKind; expiresOn: string | null; unitId: string; roles: readonly RoleGrant[] },
  now: Date,
  options: { expiryUnchanged?: boolean } = {},
): Promise<void> {
  const problems = accountProblems(
    account,
    localDateOf(now.getTime()),
    (await settings.get()).externalAccountMaxDays,
  ).filter(
    // An expiry left as it was is not judged again (it may lie in the past of a disabled account).
    (p) => !(options.expiryUnchanged && p.field === 'expiresOn' && p.code !== 'expiry_required'),
  );
  if (!(await organisationRepository.findUnit(db, account.unitId))) {
    problems.push({ field: 'unitId', code: 'unknown_unit', en: 'No such unit', zh: '查無此單位' });
  }
  for (const [i, r] of account.roles.entries()) {
    if (r.unitId && !(await organisationRepository.findUnit(db, r.unitId))) {
      problems.push({ field: `roles.${i}.unitId`, code: 'unknown_unit', en: 'No such unit', zh: '查無此單位' });
    }
  }
  if (problems.length === 0) return;
  throw new DomainError('validation_failed', {
    detail: {
      en: problems.map((p) => `${p.field}: ${p.en}`).join('; '),
      zh: problems.map((p) => `${p.field}：${p.zh}`).join('；'),
    },
    fields: problems.map((p) => ({
      field: p.field,
      in: 'body' as const,
      code: p.code,
      message: p.en,
      message_zh: p.zh,
    })),
  });
}

const sameRoles = (a: readonly RoleGrant[], b: readonly RoleGrant[]) =>
  JSON.stringify([...a].map((r) => `${r.role}@${r.unitId ?? ''}`).sort()) ===
  JSON.stringify([...b].map((r) => `${r.role}@${r.unitId ?? ''}`).sort());

/**
 * An account after it is created (SEC-2): changes recorded field by field, and what happens when
 * its holder transfers or leaves.
 */
export function userLifecycleService(ctx: ServiceContext, deps: { settings: SecuritySettingsService }) {
  const { db } = ctx;

  async function load(executor: Executor, id: string) {
    const user = await organisationRepository.findUserById(executor, id);
    if (!user) throw new DomainError('not_found');
    const unit = user.unit_id ? await organisationRepository.findUnit(executor, user.unit_id) : undefined;
    const roles = await organisationRepository.rolesOf(executor, [id]);
    return { user, unitName: unit?.name ?? null, roles };
  }

  async function holdingsOf(executor: Executor, id: string) {
    return {
      assignedRequests: await requestRepository.openRequestsOf(executor, id, 'assignee'),
      filedRequests: await requestRepository.openRequestsOf(executor, id, 'requester'),
      activeSessions: await sessionRepository.countSessionsOf(executor, id, ctx.now()),
      apiTokens: (await sessionRepository.listTokens(executor, id)).filter((t) => t.expires_at > ctx.now()).length,
    };
  }

  return {
    async get(actor: Actor, id: string) {
      requireAdmin(actor);
      return load(db, id);
    },

    async holdings(actor: Actor, id: string) {
      requireAdmin(actor);
      await load(db, id);
      return holdingsOf(db, id);
    },

    /** Changes an account; the audit record names every changed field with its old and new value. */
    async update(actor: Actor, id: string, input: UserUpdate, origin: Origin) {
      requireAdmin(actor);
      const now = ctx.now();
      return db.transaction().execute(async (tx) => {
        const before = await load(tx, id);
        const u = before.user;
        const oldRoles = before.roles.map((r) => ({ role: r.role, unitId: r.unit_id }));
        const after = {
          displayName: input.displayName ?? u.display_name,
          email: input.email === undefined ? u.email : input.email,
          phone: input.phone === undefined ? u.phone : input.phone,
          unitId: input.unitId ?? u.unit_id,
          kind: input.kind ?? u.kind,
          expiresOn: input.expiresOn === undefined ? (u.expires_at ? lastDayOf(u.expires_at) : null) : input.expiresOn,
          roles: input.roles ?? oldRoles,
        };
        if (!after.unitId)
          throw DomainError.field('unitId', 'required', 'Every account needs an owner unit', '帳號須有所屬單位');
        await requireAccountRules(tx, deps.settings, { ...after, unitId: after.unitId }, now, {
          expiryUnchanged: input.expiresOn === undefined,
        });
        const previous = {
          displayName: u.display_name,
          email: u.email,
          phone: u.phone,
          unitId: u.unit_id,
          kind: u.kind,
          expiresOn: u.expires_at ? lastDayOf(u.expires_at) : null,
        };
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        for (const key of Object.keys(previous) as Array<keyof typeof previous>) {
          if (previous[key] !== after[key]) changes[key] = { before: previous[key], after: after[key] };
        }
        if (!sameRoles(oldRoles, after.roles)) changes.roles = { before: oldRoles, after: after.roles };
        if (Object.keys(changes).length === 0) return before;
        await organisationRepository.updateUser(
          tx,
          id,
          {
            display_name: after.displayName,
            email: after.email,
            phone: after.phone,
            unit_id: after.unitId,
            kind: after.kind,
            expires_at: after.expiresOn ? expiryInstant(after.expiresOn) : null,
          },
          now,
        );
        if (changes.roles) await organisationRepository.replaceRoles(tx, id, after.roles);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'user.updated',
          objectType: 'user',
          objectId: id,
          ip: origin.ip,
          data: { reason: input.reason, changes },
        });
        return load(tx, id);
      });
    },

    /**
     * Transfer: every role goes, the account moves to its new unit as a requester and its
     * sessions end. Leave: the account is disabled, its roles, sessions and tokens end. Either way
     * the answer lists what the person still holds, to be handed over.
     */
    async offboard(actor: Actor, id: string, input: OffboardBody, origin: Origin) {
      requireAdmin(actor);
      if (id === actor.userId) {
        throw new DomainError('conflict', {
          detail: { en: 'Another administrator must do this for you', zh: '請由其他系統管理者辦理' },
        });
      }
      const now = ctx.now();
      return db.transaction().execute(async (tx) => {
        const before = await load(tx, id);
        if (before.user.disabled_at) {
          throw new DomainError('conflict', { detail: { en: 'The account is already disabled', zh: '帳號已停用' } });
        }
        const removedRoles = before.roles.map((r) => ({ role: r.role, unitId: r.unit_id }));
        const sessionsEnded = await sessionRepository.deleteSessionsOfUser(tx, id);
        if (input.mode === 'transfer') {
          if (!input.unitId) {
            throw DomainError.field('unitId', 'required', 'Name the new unit', '請指定新單位');
          }
          if (!(await organisationRepository.findUnit(tx, input.unitId))) {
            throw DomainError.field('unitId', 'unknown_unit', 'No such unit', '查無此單位');
          }
          await organisationRepository.updateUser(tx, id, { unit_id: input.unitId }, now);
          await organisationRepository.replaceRoles(tx, id, [{ role: 'requester', unitId: null }]);
          await auditRepository.append(tx, {
            actorId: actor.userId,
            action: 'user.transferred',
            objectType: 'user',
            objectId: id,
            ip: origin.ip,
            data: {
              reason: input.reason,
              fromUnitId: before.user.unit_id,
              toUnitId: input.unitId,
              removedRoles,
              sessionsEnded,
            },
          });
        } else {
          await organisationRepository.updateUser(tx, id, { disabled_at: now }, now);
          await organisationRepository.replaceRoles(tx, id, []);
          const tokensRevoked = await sessionRepository.revokeTokensOf(tx, id, now);
          await auditRepository.append(tx, {
            actorId: actor.userId,
            action: 'user.left',
            objectType: 'user',
            objectId: id,
            ip: origin.ip,
            data: { reason: input.reason, removedRoles, sessionsEnded, tokensRevoked },
          });
        }
        return { ...(await load(tx, id)), holdings: await holdingsOf(tx, id) };
      });
    },
  };
}
export type UserLifecycleService = ReturnType<typeof userLifecycleService>;
