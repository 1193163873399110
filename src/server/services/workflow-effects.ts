import { localDateOf } from '../../domain/calendar/working-time.js';
import { DomainError } from '../../domain/errors.js';
import { expiryInstant } from '../../domain/account-rules.js';
import type { Actor } from '../../domain/policies.js';
import { actorMatches, type ActorSpec, type Effect, type RequestFacts } from '../../domain/workflow/index.js';
import type { Executor } from '../../db/database.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import type { ClockRow } from '../../db/repositories/clock.repository.js';
import {
  organisationRepository,
  ownHoldersOf,
  type RoleHolder,
} from '../../db/repositories/organisation.repository.js';
import { requestRepository } from '../../db/repositories/request.repository.js';
import type { RequestRow } from '../../db/schema.js';
import type { NoticeKind } from '../../shared/notice-kinds.js';
import type { Role } from '../../shared/roles.js';
import { hashPassword } from '../auth/password.js';
import { newSecret } from '../auth/secrets.js';
import type { ServiceContext } from './context.js';
import type { NotificationService } from './notification.service.js';
import type { PasswordResetService } from './password-reset.service.js';
import type { SecuritySettingsService } from './security-settings.service.js';
import type { SlaService } from './sla.service.js';
import { applyApprovedMovement } from './asset-register.js';
import { appendHistory, type RowHold } from './row-hold.js';

export type EffectDeps = {
  sla: SlaService;
  notifications: NotificationService;
  passwordResets: PasswordResetService;
  settings: SecuritySettingsService;
};

const DAY_MS = 86_400_000;

/**
 * Effects that change nothing a request's facts are read from but the request's own row (its
 * assignees): clocks, history, notices. After these, the facts gathered before the step still
 * hold; any other effect (accounts, roles, the asset register …) makes the caller read them again.
 */
const ROW_ONLY_EFFECTS: ReadonlySet<string> = new Set([
  'startClock',
  'stopClock',
  'pauseClocks',
  'resumeClocks',
  'assign',
  'notify',
  'startStage',
  'completeStage',
  'escalate',
  'recordExternalReport',
  'archive',
] satisfies Array<Effect['kind']>);

/** The effects that start, stop, pause or resume a request's clocks. */
const CLOCK_EFFECTS: ReadonlySet<string> = new Set([
  'startClock',
  'stopClock',
  'pauseClocks',
  'resumeClocks',
] satisfies Array<Effect['kind']>);

/** Whether the facts gathered before these effects still hold after them (assignees aside). */
export const keepsFacts = (effects: readonly Effect[]): boolean => effects.every((e) => ROW_ONLY_EFFECTS.has(e.kind));

/** Where the notices of effects go: written at once (the notification service), or held. */
export type Notices = Pick<NotificationService, 'notify' | 'mailNotice'>;

/**
 * Notices held until the filing they are about has its number. A filing takes the year's number
 * last, because the counter stays locked from then to the commit; its notices print the number,
 * so they are written after it (`release`), in the order the effects sent them, each in one
 * statement (who gets it by mail included).
 */
export function heldNotices(notifications: Notices) {
  const held: Array<(tx: Executor, number: string) => Promise<void>> = [];
  const notices: Notices = {
    async notify(_tx, userIds, kind, requestId, params) {
      held.push((tx, number) => notifications.notify(tx, userIds, kind, requestId, { ...params, number }));
    },
    async mailNotice(_tx, to, kind, params) {
      held.push((tx, number) => notifications.mailNotice(tx, to, kind, { ...params, number }));
    },
  };
  return {
    notices,
    async release(tx: Executor, number: string): Promise<void> {
      for (const write of held.splice(0)) await write(tx, number);
    },
  };
}

/**
 * Carries out what a workflow step asks for (src/domain/workflow/effects.ts lists the closed set),
 * in the transaction of the step, so a step and its consequences happen together or not at all.
 */
export function workflowEffects(ctx: ServiceContext, deps: EffectDeps) {
  const requesterOf = (row: RequestRow) => row.applicant_user_id ?? row.created_by;

  /**
   * The people an actor spec names for this request (roles: their holders in scope); `known`, the
   * role holders when the step has read them and nothing since has changed accounts or roles.
   */
  async function peopleOf(
    tx: Executor,
    specs: readonly ActorSpec[],
    row: RequestRow,
    facts: RequestFacts,
    known: readonly RoleHolder[] | undefined,
  ) {
    const people = new Set<string>();
    const holders = known ?? (await organisationRepository.activeRoleHolders(tx));
    for (const spec of specs) {
      if (spec === 'requester') {
        const r = requesterOf(row);
        if (r) people.add(r);
      } else if (spec === 'assignee') {
        if (row.assignee_id) people.add(row.assignee_id);
      } else if (spec === 'stage_assignee') {
        if (row.stage_assignee_id) people.add(row.stage_assignee_id);
      } else {
        for (const h of holders) {
          if (h.role !== spec.role) continue;
          const as = { userId: h.userId, roles: [{ role: h.role, unitId: h.unitId }] };
          if (actorMatches(spec, as, facts)) people.add(h.userId);
        }
      }
    }
    return [...people];
  }

  /**
   * The person an action names to assign (TYPE-2's developer, TYPE-4's maintainer): by id or by
   * account name, and able to sign in; otherwise the step is refused naming the field.
   */
  async function namedUser(tx: Executor, given: string, field: string): Promise<string> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(given);
    const user = uuid
      ? await organisationRepository.findUserById(tx, given)
      : await organisationRepository.findUserByUsername(tx, given.trim());
    const now = ctx.now();
    if (!user || user.disabled_at || (user.expires_at && user.expires_at <= now)) {
      throw DomainError.field(
        field,
        'unknown_user',
        `No usable account "${given}" to assign`,
        `查無可指派之帳號「${given}」`,
      );
    }
    return user.id;
  }

  async function holdsRole(tx: Executor, userId: string, role: Role): Promise<boolean> {
    return (await organisationRepository.rolesOf(tx, [userId])).some((r) => r.role === role);
  }

  async function assign(
    tx: Executor,
    row: RequestRow,
    effect: Extract<Effect, { kind: 'assign' }>,
    actor: Actor | null,
    notices: Notices,
    known: readonly RoleHolder[] | undefined,
    hold: RowHold | undefined,
  ): Promise<void> {
    const current = effect.slot === 'stage' ? row.stage_assignee_id : row.assignee_id;
    let next: string | null;
    if (effect.userId) next = await namedUser(tx, effect.userId, effect.userField ?? 'fields');
    else if (effect.role === 'requester') next = requesterOf(row);
    else if (current && (await holdsRole(tx, current, effect.role))) next = current;
    else next = null;
    const now = ctx.now();
    if (next !== current) {
      // A caller that holds the row writes the assignee with the rest of it.
      if (!hold) {
        if (effect.slot === 'stage') await requestRepository.setStageAssignee(tx, row.id, next, now);
        else await requestRepository.setAssignee(tx, row.id, next, now);
      }
      const user = next ? await organisationRepository.findUserById(tx, next) : undefined;
      const data = {
        from: current,
        to: next,
        toName: user?.display_name ?? null,
        slot: effect.slot,
        role: effect.role,
      };
      await appendHistory(tx, row.id, [{ kind: 'assigned', actorId: actor?.userId ?? null, at: now, data }], hold);
      if (effect.slot === 'stage') row.stage_assignee_id = next;
      else row.assignee_id = next;
    }
    const params = { number: row.number, title: row.title };
    if (next && next !== actor?.userId) {
      await notices.notify(tx, [next], 'action_waiting', row.id, params);
    } else if (!next && effect.role !== 'requester') {
      // Nobody holds it yet: everyone with the role sees it waiting for them; for the desk, a
      // request not yet received is a new request.
      const kind = effect.role === 'desk_agent' && row.status === 'submitted' ? 'request_new' : 'action_waiting';
      const holders = known
        ? ownHoldersOf(known, [effect.role])
        : await deps.notifications.holdersOf(tx, [effect.role]);
      await notices.notify(
        tx,
        holders.filter((u) => u !== actor?.userId),
        kind,
        row.id,
        params,
      );
    }
  }

  /** TYPE-7 (000 §2.7.6): the company administrator's account, from 附件四, with a mailed set-password link. */
  async function createCompanyAccount(
    tx: Executor,
    row: RequestRow,
    actor: Actor | null,
    hold: RowHold | undefined,
  ): Promise<void> {
    const form = row.form as Record<string, string | undefined>;
    const base = `${form.companyCode ?? 'company'}-admin`
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-')
      .slice(0, 44);
    let username = base;
    for (let i = 2; await organisationRepository.findUserByUsername(tx, username); i++) username = `${base}-${i}`;
    const now = ctx.now();
    const lastDay = localDateOf(now.getTime() + (await deps.settings.get()).externalAccountMaxDays * DAY_MS);
    const user = await organisationRepository.insertUser(tx, {
      username,
      displayName: `${form.adminName ?? username}（${form.companyName ?? ''}）`,
      email: form.adminEmail ?? null,
      phone: form.adminPhone ?? null,
      unitId: row.unit_id,
      kind: 'external',
      passwordHash: await hashPassword(newSecret()),
      mustChangePassword: false,
      expiresAt: expiryInstant(lastDay),
    });
    await organisationRepository.addRoles(tx, user.id, [{ role: 'company_admin', unitId: null }]);
    await auditRepository.append(tx, {
      actorId: actor?.userId ?? null,
      action: 'user.created',
      objectType: 'user',
      objectId: user.id,
      data: { username, roles: [{ role: 'company_admin', unitId: null }], requestId: row.id, reason: '附件四核准' },
    });
    const by = { actorId: actor?.userId ?? null, at: now };
    await appendHistory(tx, row.id, [{ kind: 'account_created', ...by, data: { userId: user.id, username } }], hold);
    if (user.email) await deps.passwordResets.sendNewAccountLink(tx, { ...user, email: user.email }, null);
  }

  return {
    /**
     * Performs a step's effects in order; `row` is updated as assignments change. Notices go to
     * `options.notices` (a filing passes `heldNotices(…).notices`); `options.holders` are the role
     * holders the step read for its facts, used until an effect changes accounts or roles;
     * `options.clocks` the request's clocks when the caller knows them (a filing: none yet).
     * Given `options.hold`, the effects change the request's own row in memory only and hand the
     * service-level summary and the history entries over there, for the caller to write
     * (`RowHold`).
     */
    async perform(
      tx: Executor,
      row: RequestRow,
      facts: RequestFacts,
      effects: readonly Effect[],
      actor: Actor | null,
      options: {
        notices?: Notices;
        holders?: readonly RoleHolder[];
        clocks?: readonly ClockRow[];
        hold?: RowHold;
      } = {},
    ): Promise<void> {
      const { hold } = options;
      const now = ctx.now();
      const notices = options.notices ?? deps.notifications;
      let holders = options.holders;
      let clocks = options.clocks;
      for (let i = 0; i < effects.length; i++) {
        const effect = effects[i]!;
        if (!ROW_ONLY_EFFECTS.has(effect.kind)) holders = undefined;
        switch (effect.kind) {
          case 'startClock': {
            // The clocks a step starts together are started in one go (one insert, one history write).
            const keys = [effect.clock];
            for (let next = effects[i + 1]; next?.kind === 'startClock'; next = effects[++i + 1]) keys.push(next.clock);
            await deps.sla.startClocks(tx, row, keys, clocks, hold);
            break;
          }
          case 'stopClock':
            await deps.sla.changeClocks(tx, row, 'stop', effect.clock === '*' ? '*' : [effect.clock], hold, clocks);
            break;
          case 'pauseClocks':
            await deps.sla.changeClocks(tx, row, 'pause', '*', hold, clocks);
            break;
          case 'resumeClocks':
            await deps.sla.changeClocks(tx, row, 'resume', '*', hold, clocks);
            break;
          case 'assign':
            await assign(tx, row, effect, actor, notices, holders, hold);
            break;
          case 'notify': {
            const people = (await peopleOf(tx, effect.to, row, facts, holders)).filter((u) => u !== actor?.userId);
            const params = { number: row.number, title: row.title };
            await notices.notify(tx, people, effect.notice as NoticeKind, row.id, params);
            // A public application's applicant has no account: they hear by mail, at the form's address.
            const email = (row.form as { adminEmail?: unknown }).adminEmail;
            if (effect.to.includes('requester') && !requesterOf(row) && typeof email === 'string') {
              await notices.mailNotice(tx, email, effect.notice as NoticeKind, params);
            }
            break;
          }
          case 'startStage':
          case 'completeStage':
            if (effect.kind === 'completeStage' && row.stage_assignee_id) {
              if (!hold) await requestRepository.setStageAssignee(tx, row.id, null, now);
              row.stage_assignee_id = null;
            }
            break;
          case 'escalate': {
            const people = (
              holders ? ownHoldersOf(holders, effect.to) : await deps.notifications.holdersOf(tx, effect.to)
            ).filter((u) => u !== actor?.userId);
            const data = { to: effect.to, grade: effect.grade, level: effect.level };
            const by = { actorId: actor?.userId ?? null, at: now };
            await appendHistory(tx, row.id, [{ kind: 'reported_internally', ...by, data }], hold);
            await notices.notify(tx, people, 'action_waiting', row.id, {
              number: row.number,
              title: row.title,
              note: `資安事件 ${effect.grade ?? ''} 級（第 ${effect.level ?? '—'} 級）`,
            });
            break;
          }
          case 'recordExternalReport': {
            const data = { to: effect.to, reportedAt: effect.at };
            const by = { actorId: actor?.userId ?? null, at: now };
            await appendHistory(tx, row.id, [{ kind: 'reported_externally', ...by, data }], hold);
            break;
          }
          case 'createCompanyAccount':
            await createCompanyAccount(tx, row, actor, hold);
            break;
          case 'updateAssetRegister':
            await applyApprovedMovement(tx, row, actor, now, hold);
            break;
          case 'archive':
            await appendHistory(tx, row.id, [{ kind: 'archived', actorId: actor?.userId ?? null, at: now }], hold);
            break;
        }
        // The clocks the caller passed are the request's until an effect changes them.
        if (CLOCK_EFFECTS.has(effect.kind)) clocks = undefined;
      }
    },
  };
}
export type WorkflowEffects = ReturnType<typeof workflowEffects>;
