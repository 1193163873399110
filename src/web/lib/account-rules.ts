import type { Role, UserKind } from '../../shared/roles.js';
import { isoDate } from './roc-date.js';

/**
 * The account rules of SEC-2 and VEN-4 the forms can tell at once (the server checks them again):
 * accounts of people outside the agency's staff end on a set day and never hold privileged roles.
 */

/** Vendors, contractors and companies need a last working day. */
export function needsExpiry(kind: UserKind): boolean {
  return kind !== 'staff';
}

/** Roles an account outside the agency's staff may not be given. */
export const STAFF_ONLY_ROLES: readonly Role[] = ['admin', 'auditor'];

export type AccountRuleIssue = 'expiryRequired' | 'staffOnlyRole';

/** What breaks the rules, by field: `expiresOn` and `roles`. */
export function accountRuleIssues(
  kind: UserKind,
  expiresOn: string,
  roles: readonly Role[],
): { expiresOn?: AccountRuleIssue; roles?: AccountRuleIssue } {
  if (!needsExpiry(kind)) return {};
  return {
    ...(expiresOn === '' ? { expiresOn: 'expiryRequired' as const } : {}),
    ...(roles.some((r) => STAFF_ONLY_ROLES.includes(r)) ? { roles: 'staffOnlyRole' as const } : {}),
  };
}

/**
 * The last day an account works (Asia/Taipei), from the instant it stops working: the server ends
 * the account at the close of its last day, so the day is the one just before that instant.
 */
export function lastWorkingDay(expiresAt: string): string {
  return isoDate(new Date(Date.parse(expiresAt) - 1));
}

/** Whether the account has stopped working by its expiry. */
export function isExpired(expiresAt: string | null, now: Date = new Date()): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now.getTime();
}
