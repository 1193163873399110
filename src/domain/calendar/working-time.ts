/**
 * Working-time arithmetic on the government office calendar (SLA-1): pure functions of a
 * calendar (which dates are working days) and the agency's office hours, in Asia/Taipei.
 *
 * Taiwan has kept UTC+8 without daylight saving since 1980, so local dates and times are computed
 * with a fixed offset.
 */

export const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** How far ahead the arithmetic looks for working time before it gives up (ten years). */
const HORIZON_DAYS = 3660;

/** Office hours as periods of the day, in minutes after local midnight, in order. */
export type OfficeHours = ReadonlyArray<{ start: number; end: number }>;

/** 08:30–12:30 and 13:30–17:30, the default of Taiwan's government offices. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  { start: 8 * 60 + 30, end: 12 * 60 + 30 },
  { start: 13 * 60 + 30, end: 17 * 60 + 30 },
];

export type WorkingCalendar = {
  /** Whether a local date (`YYYY-MM-DD`) is a working day. */
  isWorkingDay(date: string): boolean;
};

/** Checks office hours: periods inside one day, each non-empty, in order and not overlapping. */
export function officeHoursProblem(hours: OfficeHours): string | null {
  if (hours.length === 0) return 'at least one period is needed';
  let previousEnd = -1;
  for (const h of hours) {
    if (!Number.isInteger(h.start) || !Number.isInteger(h.end)) return 'minutes must be whole numbers';
    if (h.start < 0 || h.end > 24 * 60 || h.start >= h.end)
      return 'each period must start before it ends, within the day';
    if (h.start < previousEnd) return 'periods must be in order and must not overlap';
    previousEnd = h.end;
  }
  return null;
}

/** The local (Taipei) date of an instant, `YYYY-MM-DD`. */
export function localDateOf(instant: number): string {
  return new Date(instant + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a local date begins. */
export function startOfLocalDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - TAIPEI_OFFSET_MS;
}

/** Working periods from `from` on, in order, each clipped to start no earlier than `from`. */
function* workingPeriods(calendar: WorkingCalendar, hours: OfficeHours, from: number): Generator<[number, number]> {
  let dayStart = startOfLocalDate(localDateOf(from));
  for (let i = 0; i < HORIZON_DAYS; i++, dayStart += DAY_MS) {
    if (!calendar.isWorkingDay(localDateOf(dayStart))) continue;
    for (const h of hours) {
      const start = Math.max(dayStart + h.start * MINUTE_MS, from);
      const end = dayStart + h.end * MINUTE_MS;
      if (start < end) yield [start, end];
    }
  }
  throw new RangeError('No working time within ten years of the start');
}

/** Working time between two instants, in milliseconds; negative when `to` is before `from`. */
export function workingTimeBetween(calendar: WorkingCalendar, hours: OfficeHours, from: number, to: number): number {
  if (to < from) return -workingTimeBetween(calendar, hours, to, from);
  let total = 0;
  for (const [start, end] of workingPeriods(calendar, hours, from)) {
    if (start >= to) break;
    total += Math.min(end, to) - start;
    if (end >= to) break;
  }
  return total;
}

/**
 * The earliest instant at which `duration` milliseconds of working time have passed since
 * `start`. With a zero duration, the next working instant (the start itself when it is one).
 */
export function addWorkingTime(calendar: WorkingCalendar, hours: OfficeHours, start: number, duration: number): number {
  if (duration < 0) throw new RangeError('A working duration cannot be negative');
  let remaining = duration;
  for (const [periodStart, periodEnd] of workingPeriods(calendar, hours, start)) {
    const length = periodEnd - periodStart;
    if (remaining <= length) return periodStart + remaining;
    remaining -= length;
  }
  // workingPeriods throws before it runs out.
  throw new RangeError('unreachable');
}

/** The next instant within office hours on a working day: `start` itself when it is one. */
export function nextWorkingInstant(calendar: WorkingCalendar, hours: OfficeHours, start: number): number {
  return addWorkingTime(calendar, hours, start, 0);
}

/** The working time of one full working day (8 hours by default). */
export function workingDayLength(hours: OfficeHours): number {
  return hours.reduce((sum, h) => sum + (h.end - h.start) * MINUTE_MS, 0);
}

/**
 * `days` working days after `start`: the same point of the working day, that many working days
 * later (a start outside office hours counts from the next working instant).
 */
export function addWorkingDays(calendar: WorkingCalendar, hours: OfficeHours, start: number, days: number): number {
  return addWorkingTime(calendar, hours, start, days * workingDayLength(hours));
}

/** A calendar from the loaded days, falling back to Monday–Friday for dates of years not loaded. */
export function calendarOf(days: ReadonlyMap<string, boolean>, loadedYears: ReadonlySet<number>): WorkingCalendar {
  return {
    isWorkingDay(date) {
      const working = days.get(date);
      if (working !== undefined) return working;
      if (loadedYears.has(Number(date.slice(0, 4)))) return false;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday >= 1 && weekday <= 5;
    },
  };
}
