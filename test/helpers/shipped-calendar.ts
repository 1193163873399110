import fs from 'node:fs';
import path from 'node:path';
import { parseCalendarCsv, revisionRank } from '../../src/domain/calendar/calendar-csv.js';
import { calendarOf, type WorkingCalendar } from '../../src/domain/calendar/working-time.js';

/** The calendar of the shipped files, 2017–2026, newest revision per year. */
export function shippedCalendar(): WorkingCalendar {
  const dir = 'resources/tw-gov-calendar';
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort((a, b) => revisionRank(a) - revisionRank(b));
  const days = new Map<string, boolean>();
  const years = new Set<number>();
  for (const f of files) {
    const parsed = parseCalendarCsv(fs.readFileSync(path.join(dir, f)));
    years.add(parsed.year);
    for (const d of parsed.days) days.set(d.date, !d.holiday);
  }
  return calendarOf(days, years);
}
