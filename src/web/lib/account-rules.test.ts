import { describe, expect, it } from 'vitest';
import { accountRuleIssues, isExpired, lastWorkingDay, needsExpiry } from './account-rules.js';

describe('account rules (SEC-2, VEN-4)', () => {
  it('asks a last working day of everyone outside the staff', () => {
    expect(needsExpiry('staff')).toBe(false);
    expect(needsExpiry('vendor')).toBe(true);
    expect(needsExpiry('contractor')).toBe(true);
    expect(needsExpiry('external')).toBe(true);
  });

  it('names the fields at fault', () => {
    expect(accountRuleIssues('staff', '', ['admin'])).toEqual({});
    expect(accountRuleIssues('vendor', '', ['vendor_engineer'])).toEqual({ expiresOn: 'expiryRequired' });
    expect(accountRuleIssues('contractor', '2026-12-31', ['requester', 'auditor'])).toEqual({
      roles: 'staffOnlyRole',
    });
  });

  it('reads the last working day in Taipei from the instant the account stops', () => {
    // Midnight in Taipei at the start of 1 January: the last day is 31 December.
    expect(lastWorkingDay('2026-12-31T16:00:00.000Z')).toBe('2026-12-31');
    expect(lastWorkingDay('2027-01-01T00:00:00+08:00')).toBe('2026-12-31');
    // The end of the day itself.
    expect(lastWorkingDay('2026-12-31T23:59:59.999+08:00')).toBe('2026-12-31');
  });

  it('knows an expired account', () => {
    const now = new Date('2026-11-22T04:00:00Z');
    expect(isExpired(null, now)).toBe(false);
    expect(isExpired('2026-11-22T03:59:59Z', now)).toBe(true);
    expect(isExpired('2026-11-23T00:00:00Z', now)).toBe(false);
  });
});
