import type { AccountReviewItem } from '../../shared/api/account-review.schema.js';

export type ReviewFilters = { mineOnly: boolean; pendingOnly: boolean };

/** A unit's accounts in a review, and how many are still undecided. */
export type ReviewGroup = {
  unitId: string | null;
  unitName: string | null;
  items: AccountReviewItem[];
  pending: number;
};

/** The items the filters let through, grouped by unit in name order (accounts without a unit last). */
export function groupReviewItems(items: readonly AccountReviewItem[], filters: ReviewFilters): ReviewGroup[] {
  const groups = new Map<string, ReviewGroup>();
  for (const item of items) {
    if (filters.mineOnly && !item.canDecide) continue;
    if (filters.pendingOnly && item.decision !== null) continue;
    const key = item.unitId ?? '';
    const group = groups.get(key) ?? { unitId: item.unitId, unitName: item.unitName, items: [], pending: 0 };
    group.items.push(item);
    if (item.decision === null) group.pending += 1;
    groups.set(key, group);
  }
  const byName = (a: ReviewGroup, b: ReviewGroup) => {
    if (a.unitName === null || b.unitName === null) return a.unitName === null ? (b.unitName === null ? 0 : 1) : -1;
    return a.unitName.localeCompare(b.unitName, 'zh-Hant-TW');
  };
  for (const group of groups.values()) {
    group.items.sort((a, b) => a.username.localeCompare(b.username));
  }
  return [...groups.values()].sort(byName);
}
