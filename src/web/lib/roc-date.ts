/**
 * Dates as Taiwanese government forms write them (PLAT-1, DOC-1): the ROC calendar (民國) next to
 * ISO 8601, always in Asia/Taipei whatever the browser's time zone.
 */

const TIME_ZONE = 'Asia/Taipei';

/** A calendar date `YYYY-MM-DD`, an ISO instant, or a Date. */
export type DateInput = string | Date;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Turns the input into an instant; a bare calendar date is taken as noon in Taipei. */
function toInstant(value: DateInput): Date {
  if (value instanceof Date) return value;
  const instant = new Date(ISO_DATE.test(value) ? `${value}T12:00:00+08:00` : value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${value}`);
  return instant;
}

const rocParts = new Intl.DateTimeFormat('zh-TW-u-ca-roc', {
  timeZone: TIME_ZONE,
  era: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

type RocDate = { beforeRoc: boolean; year: number; month: number; day: number };

function rocDate(value: DateInput): RocDate {
  const parts = rocParts.formatToParts(toInstant(value));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    // ICU names the years before 1912 「民國前」.
    beforeRoc: part('era').includes('前'),
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `民國115年11月22日`, as on 000 附件一. */
export function rocDateLong(value: DateInput): string {
  const d = rocDate(value);
  return `${d.beforeRoc ? '民國前' : '民國'}${d.year}年${d.month}月${d.day}日`;
}

/** `115/11/22`, the compact form used in lists; years before 1912 are prefixed 「前」. */
export function rocDateShort(value: DateInput): string {
  const d = rocDate(value);
  return `${d.beforeRoc ? '前' : ''}${d.year}/${pad2(d.month)}/${pad2(d.day)}`;
}

const isoParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `2026-11-22`: the calendar date in Taipei. */
export function isoDate(value: DateInput): string {
  return isoParts.format(toInstant(value));
}

const timeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `14:05`: the time of day in Taipei. */
export function taipeiTime(value: DateInput): string {
  return timeParts.format(toInstant(value));
}

/** Today's calendar date in Taipei, `YYYY-MM-DD`. */
export function todayInTaipei(now: Date = new Date()): string {
  return isoDate(now);
}

/** Whether a string is a valid calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Adds whole days to a calendar date `YYYY-MM-DD`. */
export function addDays(value: string, days: number): string {
  const d = new Date(`${value}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
