import type { Role } from '../shared/roles.js';
import { SUPERVISOR_ROLES, type UnitNode } from './policies.js';
import { rocYearOf } from './request-number.js';

/**
 * Who answers for a unit's accounts (SEC-2): the nearest supervisors (科長, 副組長, 組長) of the
 * unit or, when it has none, of the unit above, and so on up the tree. Nobody supervises their
 * own account: it goes to the level above.
 */
export function supervisorsOf(
  unitId: string | null,
  units: readonly UnitNode[],
  roles: ReadonlyArray<{ userId: string; role: Role; unitId: string | null }>,
  exclude: string | null = null,
): string[] {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  const seen = new Set<string>();
  for (let at = unitId; at && !seen.has(at); at = parents.get(at) ?? null) {
    seen.add(at);
    const holders = roles
      .filter((r) => r.unitId === at && SUPERVISOR_ROLES.includes(r.role) && r.userId !== exclude)
      .map((r) => r.userId);
    if (holders.length > 0) return [...new Set(holders)];
  }
  return [];
}

/** The title of a review opened at an instant, e.g. 115 年下半年帳號清查. */
export function reviewTitle(openedAt: Date): string {
  const month = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', month: 'numeric' }).format(openedAt),
  );
  return `${rocYearOf(openedAt)} 年${month <= 6 ? '上' : '下'}半年帳號清查`;
}

/** Whether the next review is due: the interval has passed since the last one opened (or since the start). */
export function reviewDue(lastOpenedAt: Date, intervalMonths: number, now: Date): boolean {
  const next = new Date(lastOpenedAt);
  next.setUTCMonth(next.getUTCMonth() + intervalMonths);
  return now >= next;
}
