import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalendarFileError, parseCalendarCsv, revisionRank } from '../../../src/domain/calendar/calendar-csv.js';

const DIR = 'resources/tw-gov-calendar';
const read = (name: string) => fs.readFileSync(path.join(DIR, name));

describe('reading the office calendar files', () => {
  it('reads every shipped file, UTF-8 with BOM and Big5 alike, as a whole year', () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.csv'));
    expect(files).toHaveLength(12);
    for (const f of files) {
      const parsed = parseCalendarCsv(read(f));
      expect(parsed.year).toBe(Number(f.slice(0, 3)) + 1911);
      expect(parsed.days).toHaveLength(parsed.year % 4 === 0 ? 366 : 365);
    }
  });

  it('reads the Big5 revision of 2025 with its Chinese notes intact', () => {
    const big5 = parseCalendarCsv(read('114年中華民國政府行政機關辦公日曆表1141020更新.csv'));
    expect(big5.days.find((d) => d.date === '2025-10-25')).toEqual({
      date: '2025-10-25',
      holiday: true,
      note: '臺灣光復暨金門古寧頭大捷紀念日',
    });
    expect(big5.days.find((d) => d.date === '2025-10-24')).toEqual({ date: '2025-10-24', holiday: true, note: '補假' });
    expect(big5.days.find((d) => d.date === '2025-02-08')).toEqual({
      date: '2025-02-08',
      holiday: false,
      note: '補行上班',
    });
  });

  it('ranks revisions: dated update over 修正版 over the original', () => {
    const ranks = [
      '114年中華民國政府行政機關辦公日曆表.csv',
      '114年中華民國政府行政機關辦公日曆表修正版.csv',
      '114年中華民國政府行政機關辦公日曆表1141020更新.csv',
    ].map(revisionRank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('names the line of each problem in a broken file', () => {
    const text = '西元日期,星期,是否放假,備註\n20260101,五,2,開國紀念日\n20260230,一,0,\n20260103,六,1,\n';
    try {
      parseCalendarCsv(Buffer.from(text));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarFileError);
      const problems = (e as CalendarFileError).problems;
      expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 0]);
      expect(problems[0]!.zh).toContain('應為星期四');
      expect(problems[3]!.zh).toContain('應為 365 天');
    }
  });

  it('refuses a file without the official header', () => {
    expect(() => parseCalendarCsv(Buffer.from('date,holiday\n20260101,1\n'))).toThrow(CalendarFileError);
  });
});
