import type { Role, UserKind } from '../shared/roles.js';
import { localDateOf, startOfLocalDate } from './calendar/working-time.js';

/**
 * The rules every account obeys, however it is created or changed (SEC-2, VEN-4; 004 參 三(三):
 * no long-lived accounts for vendors, privileged accounts stay with agency staff).
 */

/** Roles an outside company's, vendor's or contractor's account may never hold. */
export const STAFF_ONLY_ROLES: readonly Role[] = ['admin', 'auditor'];

/** Kinds of account that must expire. */
export const EXPIRING_KINDS: readonly UserKind[] = ['contractor', 'vendor', 'external'];

export type AccountProblem = { field: string; code: string; en: string; zh: string };

const DAY_MS = 86_400_000;

/** The instant an account whose last working day is `lastDay` (Asia/Taipei) stops working. */
export function expiryInstant(lastDay: string): Date {
  return new Date(startOfLocalDate(lastDay) + DAY_MS);
}

/** The last working day of an account that stops at `expiresAt` (inverse of expiryInstant). */
export function lastDayOf(expiresAt: Date): string {
  return localDateOf(expiresAt.getTime() - DAY_MS);
}

export function accountProblems(
  account: { kind: UserKind; expiresOn: string | null; roles: ReadonlyArray<{ role: Role }> },
  today: string,
  maxDays: number,
): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const external = EXPIRING_KINDS.includes(account.kind);
  if (external) {
    account.roles.forEach((r, i) => {
      if (STAFF_ONLY_ROLES.includes(r.role)) {
        problems.push({
          field: `roles.${i}.role`,
          code: 'staff_only_role',
          en: 'Only agency staff may hold this role',
          zh: '此角色僅限機關內部人員',
        });
      }
    });
  }
  if (account.expiresOn === null) {
    if (external) {
      problems.push({
        field: 'expiresOn',
        code: 'expiry_required',
        en: 'Vendor, contractor and company accounts must have an expiry date',
        zh: '廠商、約聘及外部帳號必須設定到期日',
      });
    }
  } else if (account.expiresOn < today) {
    problems.push({ field: 'expiresOn', code: 'in_the_past', en: 'The date has passed', zh: '日期已過' });
  } else if (external) {
    const latest = new Date(Date.parse(`${today}T00:00:00Z`) + maxDays * DAY_MS).toISOString().slice(0, 10);
    if (account.expiresOn > latest) {
      problems.push({
        field: 'expiresOn',
        code: 'too_long',
        en: `At most ${maxDays} days ahead (no long-lived accounts), i.e. by ${latest}`,
        zh: `最長 ${maxDays} 天（不得核發長期性帳號），即 ${latest} 前`,
      });
    }
  }
  return problems;
}
