import { describe, expect, it } from 'vitest';
import { formatRequestNumber, rocYearOf } from '../../src/domain/request-number.js';

describe('request numbers', () => {
  it.each([
    ['2026-11-22T12:00:00Z', 115],
    ['2026-12-31T15:59:59Z', 115],
    ['2026-12-31T16:00:00Z', 116], // midnight in Taipei
    ['2012-01-01T00:00:00+08:00', 101],
  ])('%s is ROC year %i in Taipei', (instant, year) => {
    expect(rocYearOf(new Date(instant))).toBe(year);
  });

  it('writes prefix, ROC year and a five-digit sequence, growing past 99999', () => {
    expect(formatRequestNumber('CTSP-', 115, 1)).toBe('CTSP-115-00001');
    expect(formatRequestNumber('CTSP', 115, 42)).toBe('CTSP-115-00042');
    expect(formatRequestNumber('CTSP-', 115, 123456)).toBe('CTSP-115-123456');
  });
});
