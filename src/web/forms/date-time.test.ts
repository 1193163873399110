import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './date-time.js';

describe('date-time fields in Taipei time', () => {
  it('shows an instant as Taipei wall-clock time, whatever offset it came with', () => {
    expect(toLocalInput('2026-05-01T02:30:00Z')).toBe('2026-05-01T10:30');
    expect(toLocalInput('2026-05-01T10:30:00+08:00')).toBe('2026-05-01T10:30');
    expect(toLocalInput('2026-12-31T20:05:00Z')).toBe('2027-01-01T04:05');
  });

  it('sends what was typed with Taipei’s offset, and nothing while it is incomplete', () => {
    expect(fromLocalInput('2026-05-01T10:30')).toBe('2026-05-01T10:30:00+08:00');
    expect(fromLocalInput('2026-05-01T10:30:15')).toBe('2026-05-01T10:30:15+08:00');
    expect(fromLocalInput('')).toBe('');
    expect(toLocalInput('')).toBe('');
    expect(toLocalInput('not a time')).toBe('');
  });

  it('goes round without drifting', () => {
    for (const local of ['2026-01-01T00:00', '2026-06-30T23:59', '2024-02-29T12:00']) {
      expect(toLocalInput(fromLocalInput(local))).toBe(local);
    }
  });
});
