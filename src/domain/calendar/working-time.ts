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

/** The local (Taipei) day of an instant, counted in days since 1970-01-01. */
function dayNumberOf(instant: number): number {
  return Math.floor((instant + TAIPEI_OFFSET_MS) / DAY_MS);
}

/** The instant a local day (a day number) begins. */
function startOfDayNumber(day: number): number {
  return day * DAY_MS - TAIPEI_OFFSET_MS;
}

/** Working time within one working day between two offsets from its midnight, in milliseconds. */
function workingTimeWithinDay(hours: OfficeHours, from: number, to: number): number {
  let total = 0;
  for (const h of hours) total += Math.max(0, Math.min(h.end * MINUTE_MS, to) - Math.max(h.start * MINUTE_MS, from));
  return total;
}

const BLOCK_DAYS = 512;
/** Blocks kept per calendar before the index starts again (each ~1.5 KB; a decade is 8 blocks). */
const MAX_BLOCKS = 4096;

/** Which days of a run of BLOCK_DAYS are working days, and how many come before each. */
type Block = { working: Uint8Array; before: Uint16Array };

/**
 * A calendar's working days by day number, built a block at a time on first use and kept with
 * the calendar (which the calendar service caches): counting the working days between two dates
 * costs a few array reads instead of a walk over every day (SLA clocks measure spans of months
 * on every request page and step).
 */
class DayIndex {
  private readonly blocks = new Map<number, Block>();

  constructor(private readonly calendar: WorkingCalendar) {}

  private block(index: number): Block {
    let block = this.blocks.get(index);
    if (block) return block;
    if (this.blocks.size >= MAX_BLOCKS) this.blocks.clear();
    const working = new Uint8Array(BLOCK_DAYS);
    const before = new Uint16Array(BLOCK_DAYS + 1);
    for (let i = 0; i < BLOCK_DAYS; i++) {
      const date = new Date((index * BLOCK_DAYS + i) * DAY_MS).toISOString().slice(0, 10);
      working[i] = this.calendar.isWorkingDay(date) ? 1 : 0;
      before[i + 1] = before[i]! + working[i]!;
    }
    block = { working, before };
    this.blocks.set(index, block);
    return block;
  }

  isWorking(day: number): boolean {
    const index = Math.floor(day / BLOCK_DAYS);
    return this.block(index).working[day - index * BLOCK_DAYS] === 1;
  }

  /** Working days in [from, to). */
  count(from: number, to: number): number {
    let total = 0;
    let day = from;
    while (day < to) {
      const index = Math.floor(day / BLOCK_DAYS);
      const first = index * BLOCK_DAYS;
      const end = Math.min(to, first + BLOCK_DAYS);
      const { before } = this.block(index);
      total += before[end - first]! - before[day - first]!;
      day = end;
    }
    return total;
  }

  /** The `n`th working day after `after` (n ≥ 1), or null when it is not before `limit`. */
  nthAfter(after: number, n: number, limit: number): number | null {
    let remaining = n;
    let day = after + 1;
    while (day < limit) {
      const index = Math.floor(day / BLOCK_DAYS);
      const first = index * BLOCK_DAYS;
      const end = Math.min(limit, first + BLOCK_DAYS);
      const { working, before } = this.block(index);
      const here = before[end - first]! - before[day - first]!;
      if (here < remaining) {
        remaining -= here;
        day = end;
        continue;
      }
      for (; ; day++) if (working[day - first] === 1 && --remaining === 0) return day;
    }
    return null;
  }
}

const dayIndexes = new WeakMap<WorkingCalendar, DayIndex>();
function dayIndexOf(calendar: WorkingCalendar): DayIndex {
  let index = dayIndexes.get(calendar);
  if (!index) dayIndexes.set(calendar, (index = new DayIndex(calendar)));
  return index;
}

const beyondHorizon = () => new RangeError('No working time within ten years of the start');

/** Working time between two instants, in milliseconds; negative when `to` is before `from`. */
export function workingTimeBetween(calendar: WorkingCalendar, hours: OfficeHours, from: number, to: number): number {
  if (to < from) return -workingTimeBetween(calendar, hours, to, from);
  const first = dayNumberOf(from);
  const last = dayNumberOf(to);
  if (last - first >= HORIZON_DAYS) throw beyondHorizon();
  const days = dayIndexOf(calendar);
  const fromOffset = from - startOfDayNumber(first);
  const toOffset = to - startOfDayNumber(last);
  if (first === last) return days.isWorking(first) ? workingTimeWithinDay(hours, fromOffset, toOffset) : 0;
  return (
    (days.isWorking(first) ? workingTimeWithinDay(hours, fromOffset, DAY_MS) : 0) +
    days.count(first + 1, last) * workingDayLength(hours) +
    (days.isWorking(last) ? workingTimeWithinDay(hours, 0, toOffset) : 0)
  );
}

/**
 * The earliest instant at which `duration` milliseconds of working time have passed since
 * `start`. With a zero duration, the next working instant (the start itself when it is one).
 * A duration that ends exactly at the close of a period ends there, not at the next opening.
 */
export function addWorkingTime(calendar: WorkingCalendar, hours: OfficeHours, start: number, duration: number): number {
  if (duration < 0) throw new RangeError('A working duration cannot be negative');
  const days = dayIndexOf(calendar);
  const first = dayNumberOf(start);
  let remaining = duration;
  if (days.isWorking(first)) {
    const dayStart = startOfDayNumber(first);
    for (const h of hours) {
      const periodStart = Math.max(dayStart + h.start * MINUTE_MS, start);
      const length = dayStart + h.end * MINUTE_MS - periodStart;
      if (length <= 0) continue;
      if (remaining <= length) return periodStart + remaining;
      remaining -= length;
    }
  }
  // Whole working days pass before the one the duration ends in.
  const dayLength = workingDayLength(hours);
  const wholeDays = remaining === 0 ? 0 : Math.ceil(remaining / dayLength) - 1;
  remaining -= wholeDays * dayLength;
  const last = days.nthAfter(first, wholeDays + 1, first + HORIZON_DAYS);
  if (last === null) throw beyondHorizon();
  const dayStart = startOfDayNumber(last);
  for (const h of hours) {
    const length = (h.end - h.start) * MINUTE_MS;
    if (remaining <= length) return dayStart + h.start * MINUTE_MS + remaining;
    remaining -= length;
  }
  // The whole days above leave at most one day's working time.
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
