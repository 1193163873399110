import { describe, expect, it } from 'vitest';
import { parseThresholds } from './sla-settings-form.js';

describe('parseThresholds', () => {
  it('reads percentages separated by commas or spaces as sorted shares', () => {
    expect(parseThresholds('90, 75')).toEqual([0.75, 0.9]);
    expect(parseThresholds('75，90')).toEqual([0.75, 0.9]);
    expect(parseThresholds('')).toEqual([]);
  });
  it('refuses values out of range, words, and more than five thresholds', () => {
    expect(parseThresholds('0, 50')).toBeNull();
    expect(parseThresholds('100')).toBeNull();
    expect(parseThresholds('abc')).toBeNull();
    expect(parseThresholds('10 20 30 40 50 60')).toBeNull();
  });
});
