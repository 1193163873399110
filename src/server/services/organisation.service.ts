import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import type { Executor } from '../../db/database.js';
import type { UnitCreate, UserCreate } from '../../shared/api/organisation.schema.js';
import type { Role } from '../../shared/roles.js';
import { hashPassword } from '../auth/password.js';
import type { Origin, ServiceContext } from './context.js';
import type { SecuritySettingsService } from './security-settings.service.js';
import { requireAccountRules } from './user-lifecycle.service.js';
import { expiryInstant } from '../../domain/account-rules.js';

function requireAdmin(actor: Actor): void {
  if (!abilitiesOf(actor).manageUsers) throw new DomainError('forbidden');
}

async function requireUnit(db: Executor, unitId: string, field: string): Promise<void> {
  if (!(await organisationRepository.findUnit(db, unitId))) {
    throw DomainError.field(field, 'unknown_unit', 'No such unit', '查無此單位');
  }
}

/** Units, users and role assignments. */
export function organisationService(
  ctx: ServiceContext,
  deps: {
    requireAcceptablePassword: (password: string, field: string) => Promise<void>;
    settings: SecuritySettingsService;
  },
) {
  const { db } = ctx;
  return {
    listUnits() {
      return organisationRepository.listUnits(db);
    },

    async createUnit(actor: Actor, input: UnitCreate, origin: Origin) {
      requireAdmin(actor);
      return db.transaction().execute(async (tx) => {
        if (input.parentId) await requireUnit(tx, input.parentId, 'parentId');
        if (await organisationRepository.findUnitByCode(tx, input.code)) {
          throw DomainError.field('code', 'duplicate', 'This code is already used', '此代碼已被使用');
        }
        const unit = await organisationRepository.insertUnit(tx, input);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'unit.created',
          objectType: 'unit',
          objectId: unit.id,
          ip: origin.ip,
          data: { code: unit.code, name: unit.name },
        });
        return unit;
      });
    },

    /** Unlocks an account locked by failed sign-ins (SEC-1), recorded in the audit trail. */
    async unlock(actor: Actor, userId: string, origin: Origin): Promise<void> {
      const abilities = abilitiesOf(actor);
      if (!abilities.unlockAccounts) throw new DomainError('forbidden');
      await db.transaction().execute(async (tx) => {
        const user = await organisationRepository.findUserById(tx, userId);
        if (!user) throw new DomainError('not_found');
        await organisationRepository.clearFailures(tx, userId, true);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'user.unlocked',
          objectType: 'user',
          objectId: userId,
          ip: origin.ip,
          data: { wasLocked: user.locked_at !== null },
        });
      });
    },

    /** Users with their roles; the queue's staff need this to assign work, administrators to manage. */
    async listUsers(actor: Actor, filter: { role?: Role | undefined; q?: string | undefined }) {
      const abilities = abilitiesOf(actor);
      if (!abilities.manageUsers && !abilities.assignRequests && !abilities.unlockAccounts)
        throw new DomainError('forbidden');
      const users = await organisationRepository.listUsers(db, filter);
      const roles = await organisationRepository.rolesOf(
        db,
        users.map((u) => u.id),
      );
      const units = new Map((await organisationRepository.listUnits(db)).map((u) => [u.id, u.name]));
      return users.map((u) => ({
        user: u,
        unitName: u.unit_id ? (units.get(u.unit_id) ?? null) : null,
        roles: roles.filter((r) => r.user_id === u.id),
      }));
    },

    /** An administrator creates an account, with a recorded reason (SEC-2). */
    async createUser(actor: Actor, input: UserCreate & { kind: NonNullable<UserCreate['kind']> }, origin: Origin) {
      requireAdmin(actor);
      const expiresOn = input.expiresOn ?? null;
      await requireAccountRules(db, deps.settings, { ...input, expiresOn }, ctx.now());
      await deps.requireAcceptablePassword(input.password, 'password');
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (tx) => {
        if (await organisationRepository.findUserByUsername(tx, input.username)) {
          throw DomainError.field('username', 'duplicate', 'This username is taken', '此帳號已被使用');
        }
        const user = await organisationRepository.insertUser(tx, {
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          phone: input.phone ?? null,
          unitId: input.unitId,
          kind: input.kind,
          passwordHash,
          // A password set by someone else must be changed at first use (004 參).
          mustChangePassword: true,
          expiresAt: expiresOn ? expiryInstant(expiresOn) : null,
        });
        await organisationRepository.addRoles(tx, user.id, input.roles);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'user.created',
          objectType: 'user',
          objectId: user.id,
          ip: origin.ip,
          data: { username: user.username, kind: input.kind, expiresOn, roles: input.roles, reason: input.reason },
        });
        return user;
      });
    },
  };
}
export type OrganisationService = ReturnType<typeof organisationService>;
