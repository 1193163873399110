import { MAX_DEPUTYSHIP_DAYS, NON_DEPUTISABLE_ROLES, type DeputyshipState } from '../shared/api/deputy.schema.js';
import type { Role, UserKind } from '../shared/roles.js';
import { hasRole, type Actor } from './policies.js';

/**
 * Deputies (ORG-3, 職務代理人): who may appoint one, for what, and when a deputyship is in force.
 * Pure; the service gathers the facts.
 */

const DAY_MS = 86_400_000;

export type DeputyProblem = { field: string; code: string; en: string; zh: string };

const problem = (field: string, code: string, en: string, zh: string): DeputyProblem => ({ field, code, en, zh });

/** Administrators appoint for anyone; a role holder appoints their own deputy. */
export function mayAppoint(actor: Actor, principalId: string): boolean {
  return hasRole(actor, ['admin']) || actor.userId === principalId;
}

/** Administrators and the principal end a deputyship early. */
export function mayRevoke(actor: Actor, deputyship: { principalId: string }): boolean {
  return mayAppoint(actor, deputyship.principalId);
}

/** Whether someone holds a role others may act in for them (the deputies page and its candidates). */
export function holdsDeputisableRole(actor: Actor): boolean {
  return actor.roles.some((r) => !NON_DEPUTISABLE_ROLES.includes(r.role));
}

export type AppointmentFacts = {
  role: Role;
  /** The units the principal holds the role for (their own unit where the role names none). */
  principalUnits: ReadonlyArray<string | null>;
  /** The unit asked for, when one was named. */
  unitId: string | null | undefined;
  principalId: string;
  deputy: { id: string; kind: UserKind; disabled: boolean; expiresAt: Date | null } | null;
  startsAt: Date;
  endsAt: Date;
  now: Date;
};

/**
 * Checks an appointment, naming the field at fault; on success gives the unit the deputyship
 * covers (the unit the principal holds the role for).
 */
export function checkAppointment(
  f: AppointmentFacts,
): { ok: true; unitId: string | null } | { ok: false; problem: DeputyProblem } {
  const fail = (p: DeputyProblem) => ({ ok: false as const, problem: p });
  if (NON_DEPUTISABLE_ROLES.includes(f.role)) {
    return fail(problem('role', 'role_not_deputisable', 'Nobody can act for this role', '此角色不能指定職務代理人'));
  }
  if (f.principalUnits.length === 0) {
    return fail(problem('role', 'role_not_held', 'The principal does not hold this role', '被代理人未擔任此角色'));
  }
  let unitId: string | null;
  if (f.unitId !== undefined) {
    if (!f.principalUnits.includes(f.unitId)) {
      return fail(
        problem(
          'unitId',
          'role_not_held_for_unit',
          'The principal does not hold the role for this unit',
          '被代理人未在此單位擔任此角色',
        ),
      );
    }
    unitId = f.unitId;
  } else {
    const units = [...new Set(f.principalUnits)];
    if (units.length > 1) {
      return fail(
        problem(
          'unitId',
          'unit_required',
          'The principal holds the role for several units: choose one',
          '被代理人在多個單位擔任此角色，請選擇單位',
        ),
      );
    }
    unitId = units[0] ?? null;
  }
  if (!f.deputy) return fail(problem('deputyId', 'deputy_not_found', 'No such account', '查無此帳號'));
  if (f.deputy.id === f.principalId) {
    return fail(
      problem('deputyId', 'deputy_is_principal', 'Nobody deputises for themselves', '代理人不能是被代理人本人'),
    );
  }
  if (f.deputy.kind !== 'staff') {
    return fail(
      problem(
        'deputyId',
        'deputy_not_staff',
        'A deputy must be a member of the agency’s staff',
        '代理人須為本機關員工帳號',
      ),
    );
  }
  if (f.deputy.disabled || (f.deputy.expiresAt !== null && f.deputy.expiresAt <= f.now)) {
    return fail(
      problem('deputyId', 'deputy_unusable', 'The deputy’s account is disabled or expired', '代理人帳號已停用或已到期'),
    );
  }
  if (f.endsAt <= f.startsAt) {
    return fail(problem('endsAt', 'ends_before_start', 'The end must be after the start', '結束時間須晚於開始時間'));
  }
  if (f.endsAt <= f.now) {
    return fail(problem('endsAt', 'ends_in_past', 'The end has already passed', '結束時間已過'));
  }
  if (f.endsAt.getTime() - f.startsAt.getTime() > MAX_DEPUTYSHIP_DAYS * DAY_MS) {
    return fail(problem('endsAt', 'too_long', 'A deputyship lasts at most one year', '代理期間最長一年'));
  }
  return { ok: true, unitId };
}

/** Where a deputyship stands at an instant (its period and whether it was revoked). */
export function deputyshipState(
  d: { startsAt: Date; endsAt: Date; revokedAt: Date | null },
  now: Date,
): DeputyshipState {
  if (d.revokedAt !== null && d.revokedAt <= now) return 'revoked';
  if (now < d.startsAt) return 'scheduled';
  if (now < d.endsAt) return 'active';
  return 'ended';
}

/** Two periods share an instant. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}
