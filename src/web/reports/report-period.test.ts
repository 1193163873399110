import { describe, expect, it } from 'vitest';
import { currentMonth, percent } from './report-period.js';

describe('currentMonth', () => {
  it('spans the month of the given day', () => {
    expect(currentMonth('2026-11-22')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
  it('ends February on its last day in a leap year', () => {
    expect(currentMonth('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
  it('ends December on the 31st', () => {
    expect(currentMonth('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('percent', () => {
  it('rounds a share to a whole percentage', () => {
    expect(percent(0.875)).toBe('88%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBeNull();
  });
});
