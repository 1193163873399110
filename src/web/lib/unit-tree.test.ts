import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/api/organisation.schema.js';
import { unitOptionLabel, unitTree } from './unit-tree.js';

const unit = (id: string, parentId: string | null, code: string): Unit => ({
  id,
  parentId,
  code,
  name: code,
  nameEn: code,
  kind: parentId ? 'division' : 'agency',
});

describe('unitTree', () => {
  it('orders units depth-first with their depth, keeping the order of siblings', () => {
    const tree = unitTree([
      unit('c', 'a', 'c-section'),
      unit('b', 'r', 'b-division'),
      unit('a', 'r', 'a-division'),
      unit('r', null, 'root'),
    ]);
    expect(tree.map((o) => [o.id, o.depth])).toEqual([
      ['r', 0],
      ['b', 1],
      ['a', 1],
      ['c', 2],
    ]);
  });

  it('keeps units whose parent is missing, as roots', () => {
    expect(unitTree([unit('x', 'gone', 'x')]).map((o) => o.depth)).toEqual([0]);
  });

  it('indents labels with ideographic spaces', () => {
    expect(unitOptionLabel({ id: 'c', depth: 2, unit: unit('c', 'a', 'c') }, '資訊服務科')).toBe(
      '\u3000\u3000資訊服務科',
    );
  });
});
