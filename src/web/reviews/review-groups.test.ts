import { describe, expect, it } from 'vitest';
import type { AccountReviewItem } from '../../shared/api/account-review.schema.js';
import { groupReviewItems } from './review-groups.js';

let next = 0;
function item(fields: Partial<AccountReviewItem>): AccountReviewItem {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    userId: `00000000-0000-4000-9000-${String(next).padStart(12, '0')}`,
    username: `user${next}`,
    displayName: `User ${next}`,
    kind: 'staff',
    unitId: null,
    unitName: null,
    roles: [],
    expiresAt: null,
    lastSignInAt: null,
    reviewerNames: [],
    decision: null,
    decidedByName: null,
    decidedAt: null,
    note: '',
    chased: 0,
    canDecide: false,
    ...fields,
  };
}

const TRADE = { unitId: '00000000-0000-4000-a000-000000000001', unitName: '工商外貿科' };
const INVEST = { unitId: '00000000-0000-4000-a000-000000000002', unitName: '投資組' };

describe('review items by unit', () => {
  const items = [
    item({ ...INVEST, username: 'staff01' }),
    item({ username: 'orphan' }),
    item({ ...TRADE, username: 'company01', canDecide: true, decision: 'keep' }),
    item({ ...TRADE, username: 'chief01', canDecide: true }),
  ];

  it('groups by unit, accounts without a unit last, usernames in order', () => {
    const groups = groupReviewItems(items, { mineOnly: false, pendingOnly: false });
    expect(groups.map((g) => g.unitName)).toEqual(['工商外貿科', '投資組', null]);
    expect(groups[0]?.items.map((i) => i.username)).toEqual(['chief01', 'company01']);
    expect(groups[0]?.pending).toBe(1);
  });

  it('keeps only mine, or only the undecided', () => {
    expect(groupReviewItems(items, { mineOnly: true, pendingOnly: false }).map((g) => g.unitName)).toEqual([
      '工商外貿科',
    ]);
    const pending = groupReviewItems(items, { mineOnly: true, pendingOnly: true });
    expect(pending[0]?.items.map((i) => i.username)).toEqual(['chief01']);
  });
});
