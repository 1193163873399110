import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, isoDate, rocDateLong, rocDateShort, taipeiTime, todayInTaipei } from './roc-date.js';

describe('ROC dates', () => {
  it.each([
    ['2026-11-22', '民國115年11月22日', '115/11/22'],
    ['1912-01-01', '民國1年1月1日', '1/01/01'],
    ['2025-02-03', '民國114年2月3日', '114/02/03'],
    ['2000-12-31', '民國89年12月31日', '89/12/31'],
  ])('writes %s as %s and %s', (iso, long, short) => {
    expect(rocDateLong(iso)).toBe(long);
    expect(rocDateShort(iso)).toBe(short);
  });

  it('marks the years before the Republic', () => {
    expect(rocDateLong('1911-06-01')).toBe('民國前1年6月1日');
    expect(rocDateShort('1911-06-01')).toBe('前1/06/01');
  });

  it('takes the calendar date of an instant in Taipei, not in UTC', () => {
    // 16:30 UTC on 21 November is 00:30 on 22 November in Taipei.
    const instant = '2026-11-21T16:30:00Z';
    expect(rocDateLong(instant)).toBe('民國115年11月22日');
    expect(isoDate(instant)).toBe('2026-11-22');
    expect(taipeiTime(instant)).toBe('00:30');
  });

  it('accepts Date objects and instants with offsets', () => {
    expect(isoDate(new Date('2026-01-01T00:00:00+08:00'))).toBe('2026-01-01');
    expect(rocDateShort('2026-01-01T23:59:00+08:00')).toBe('115/01/01');
  });

  it('rejects what is not a date', () => {
    expect(() => rocDateLong('not a date')).toThrow(RangeError);
  });
});

describe('calendar date helpers', () => {
  it('gives today in Taipei', () => {
    expect(todayInTaipei(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });

  it.each([
    ['2026-11-22', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['115/11/22', false],
    ['', false],
  ])('knows whether %s is a calendar date (%s)', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
