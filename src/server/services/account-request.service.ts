import { expiryInstant } from '../../domain/account-rules.js';
import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, hasRole, type Actor } from '../../domain/policies.js';
import { supervisorsOf } from '../../domain/supervision.js';
import type { Executor } from '../../db/database.js';
import { accountRequestRepository } from '../../db/repositories/account-request.repository.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import type {
  AccountRequestCreate,
  AccountRequestDecision,
  AccountRequestStatus,
} from '../../shared/api/account-request.schema.js';
import { hashPassword } from '../auth/password.js';
import { newSecret } from '../auth/secrets.js';
import type { Origin, ServiceContext } from './context.js';
import type { NotificationService } from './notification.service.js';
import type { PasswordResetService } from './password-reset.service.js';
import type { SecuritySettingsService } from './security-settings.service.js';
import { requireAccountRules } from './user-lifecycle.service.js';

type Row = Awaited<ReturnType<typeof accountRequestRepository.list>>[number];

/**
 * SEC-2 (004 參 三(一)1): an account is asked for with its roles and reason, approved by the
 * responsible supervisor of its unit, and created by an administrator, who never sees a password:
 * the new user sets one through a mailed link.
 */
export function accountRequestService(
  ctx: ServiceContext,
  deps: { settings: SecuritySettingsService; notifications: NotificationService; passwordResets: PasswordResetService },
) {
  const { db } = ctx;

  async function supervisorsFor(executor: Executor, unitId: string, requester: string): Promise<string[]> {
    const units = (await organisationRepository.listUnits(executor)).map((u) => ({ id: u.id, parentId: u.parent_id }));
    return supervisorsOf(unitId, units, await organisationRepository.supervisorRoles(executor, ctx.now()), requester);
  }

  /** Whether the actor may take the decision the request waits for. */
  async function canDecide(executor: Executor, actor: Actor, row: Pick<Row, 'status' | 'unit_id' | 'requested_by'>) {
    if (row.status === 'pending_admin') return hasRole(actor, ['admin']) && row.requested_by !== actor.userId;
    if (row.status !== 'pending_supervisor' || row.requested_by === actor.userId) return false;
    const supervisors = await supervisorsFor(executor, row.unit_id, row.requested_by);
    // A unit nobody supervises (the agency itself) is approved by an administrator in both steps.
    return supervisors.length > 0 ? supervisors.includes(actor.userId) : hasRole(actor, ['admin']);
  }

  async function present(executor: Executor, actor: Actor, row: Row) {
    return { row, canDecide: await canDecide(executor, actor, row) };
  }

  return {
    async create(actor: Actor, input: AccountRequestCreate, origin: Origin) {
      if (actor.kind !== 'staff') throw new DomainError('forbidden');
      const kind = input.kind ?? 'staff';
      const expiresOn = input.expiresOn ?? null;
      await requireAccountRules(db, deps.settings, { ...input, kind, expiresOn }, ctx.now());
      return db.transaction().execute(async (tx) => {
        if (
          (await organisationRepository.findUserByUsername(tx, input.username)) ||
          (await accountRequestRepository.pendingWithUsername(tx, input.username))
        ) {
          throw DomainError.field('username', 'duplicate', 'This username is taken', '此帳號已被使用');
        }
        const { id } = await accountRequestRepository.insert(tx, {
          ...input,
          phone: input.phone ?? null,
          kind,
          expiresOn,
          requestedBy: actor.userId,
          at: ctx.now(),
        });
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'account_request.created',
          objectType: 'account_request',
          objectId: id,
          ip: origin.ip,
          data: { username: input.username, kind, expiresOn, roles: input.roles, reason: input.reason },
        });
        let deciders = await supervisorsFor(tx, input.unitId, actor.userId);
        if (deciders.length === 0) deciders = await deps.notifications.holdersOf(tx, ['admin']);
        await deps.notifications.notify(tx, deciders, 'account_request', null, {
          number: '帳號申請',
          title: input.username,
        });
        const [row] = await accountRequestRepository.list(tx, { id });
        return present(tx, actor, row!);
      });
    },

    /** Administrators see every request; supervisors those they decide; everyone their own. */
    async list(actor: Actor, status: AccountRequestStatus | undefined) {
      const rows = await accountRequestRepository.list(db, { status });
      const admin = abilitiesOf(actor).manageUsers;
      const result = [];
      for (const row of rows) {
        const shown = await present(db, actor, row);
        if (admin || shown.canDecide || row.requested_by === actor.userId || row.supervisor_id === actor.userId) {
          result.push(shown);
        }
      }
      return result;
    },

    async decide(actor: Actor, id: string, input: AccountRequestDecision, origin: Origin) {
      const note = input.note ?? '';
      return db.transaction().execute(async (tx) => {
        const locked = await accountRequestRepository.lock(tx, id);
        if (!locked) throw new DomainError('not_found');
        const allowed = await canDecide(tx, actor, locked);
        if (!allowed) {
          const visible =
            abilitiesOf(actor).manageUsers ||
            locked.requested_by === actor.userId ||
            locked.supervisor_id === actor.userId;
          throw new DomainError(visible ? 'forbidden' : 'not_found');
        }
        if (input.decision === 'reject' && note.trim() === '') {
          throw DomainError.field('note', 'required', 'Say why the request is refused', '請說明不核准的理由');
        }
        const step = locked.status === 'pending_supervisor' ? 'supervisor' : 'admin';
        const now = ctx.now();
        let status: AccountRequestStatus = input.decision === 'reject' ? 'rejected' : 'pending_admin';
        let createdUserId: string | undefined;
        if (input.decision === 'approve' && step === 'admin') {
          status = 'approved';
          // The rules are checked again: settings or units may have changed since the request.
          await requireAccountRules(
            tx,
            deps.settings,
            { kind: locked.kind, expiresOn: locked.expires_on, unitId: locked.unit_id, roles: locked.roles },
            now,
          );
          if (await organisationRepository.findUserByUsername(tx, locked.username)) {
            throw DomainError.field('username', 'duplicate', 'This username is taken', '此帳號已被使用');
          }
          const user = await organisationRepository.insertUser(tx, {
            username: locked.username,
            displayName: locked.display_name,
            email: locked.email,
            phone: locked.phone,
            unitId: locked.unit_id,
            kind: locked.kind,
            // Nobody knows this password: the user sets their own through the mailed link.
            passwordHash: await hashPassword(newSecret()),
            mustChangePassword: false,
            expiresAt: locked.expires_on ? expiryInstant(locked.expires_on) : null,
          });
          await organisationRepository.addRoles(tx, user.id, locked.roles);
          createdUserId = user.id;
          await auditRepository.append(tx, {
            actorId: actor.userId,
            action: 'user.created',
            objectType: 'user',
            objectId: user.id,
            ip: origin.ip,
            data: { username: user.username, roles: locked.roles, accountRequestId: id, reason: locked.reason },
          });
          await deps.passwordResets.sendNewAccountLink(tx, { ...user, email: locked.email }, origin.ip);
        }
        await accountRequestRepository.decide(tx, id, step, { by: actor.userId, at: now, note, status, createdUserId });
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: `account_request.${input.decision === 'approve' ? 'approved' : 'rejected'}`,
          objectType: 'account_request',
          objectId: id,
          ip: origin.ip,
          data: { step, note },
        });
        if (status === 'pending_admin') {
          const admins = (await deps.notifications.holdersOf(tx, ['admin'])).filter((u) => u !== locked.requested_by);
          await deps.notifications.notify(tx, admins, 'account_request', null, {
            number: '帳號申請',
            title: locked.username,
          });
        }
        const [row] = await accountRequestRepository.list(tx, { id });
        return present(tx, actor, row!);
      });
    },
  };
}
export type AccountRequestService = ReturnType<typeof accountRequestService>;
