import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatTaipeiInstant,
  parseWorkingDuration,
} from '../../../src/domain/calendar/iso-duration.js';
import {
  addWorkingDays,
  addWorkingTime,
  DEFAULT_OFFICE_HOURS,
  localDateOf,
  nextWorkingInstant,
  officeHoursProblem,
  startOfLocalDate,
  workingTimeBetween,
} from '../../../src/domain/calendar/working-time.js';
import { shippedCalendar } from '../../helpers/shipped-calendar.js';

const cal = shippedCalendar();
const H = DEFAULT_OFFICE_HOURS;
const HOUR = 3_600_000;
const at = (local: string) => Date.parse(`${local}+08:00`);
const show = (ms: number) => formatTaipeiInstant(ms);

describe('the working calendar on real dates', () => {
  it.each([
    ['2025-02-08', true, 'a make-up working Saturday (補行上班)'],
    ['2025-02-07', true, 'an ordinary Friday'],
    ['2026-02-16', false, 'Chinese New Year’s Eve 2026 (Monday)'],
    ['2026-02-20', false, 'Chinese New Year 2026, Friday'],
    ['2026-02-23', true, 'the Monday after Chinese New Year 2026'],
    ['2025-10-24', false, 'the observed day before Retrocession Day, by the 1141020 revision'],
    ['2025-09-29', false, 'the observed day after Teachers’ Day, by the revisions'],
    ['2017-02-18', true, 'a Saturday working day of 2017 (調整上班)'],
    ['2026-03-07', false, 'a Saturday in 2026'],
    ['2027-03-08', true, 'a Monday of a year with no file (fallback to weekdays)'],
    ['2027-03-06', false, 'a Saturday of a year with no file'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it('adds two working hours across lunch', () => {
    expect(show(addWorkingTime(cal, H, at('2026-11-23T11:30:00'), 2 * HOUR))).toBe('2026-11-23T14:30:00+08:00');
  });

  it('adds across Chinese New Year 2026: Friday 13 Feb 16:30 + 2h is Monday 23 Feb 09:30', () => {
    expect(show(addWorkingTime(cal, H, at('2026-02-13T16:30:00'), 2 * HOUR))).toBe('2026-02-23T09:30:00+08:00');
  });

  it('counts the working Saturday 2025-02-08', () => {
    expect(show(addWorkingTime(cal, H, at('2025-02-07T17:00:00'), HOUR))).toBe('2025-02-08T09:00:00+08:00');
    expect(workingTimeBetween(cal, H, at('2025-02-07T00:00:00'), at('2025-02-10T00:00:00'))).toBe(16 * HOUR);
  });

  it('adds working days: P3D from a Friday morning ends on Wednesday at the same time', () => {
    expect(show(addWorkingDays(cal, H, at('2026-11-20T10:00:00'), 3))).toBe('2026-11-25T10:00:00+08:00');
  });

  it('ends exactly at the close of office hours rather than the next morning', () => {
    expect(show(addWorkingTime(cal, H, at('2026-11-23T08:30:00'), 8 * HOUR))).toBe('2026-11-23T17:30:00+08:00');
  });

  it('moves a start outside office hours to the next working instant', () => {
    expect(show(nextWorkingInstant(cal, H, at('2026-11-21T10:00:00')))).toBe('2026-11-23T08:30:00+08:00');
    expect(show(nextWorkingInstant(cal, H, at('2026-11-23T12:45:00')))).toBe('2026-11-23T13:30:00+08:00');
    expect(show(nextWorkingInstant(cal, H, at('2026-11-23T09:15:00')))).toBe('2026-11-23T09:15:00+08:00');
  });

  it('measures a negative span when the end is first', () => {
    expect(workingTimeBetween(cal, H, at('2026-11-23T10:00:00'), at('2026-11-23T09:00:00'))).toBe(-HOUR);
  });

  it('validates office hours', () => {
    expect(officeHoursProblem(H)).toBeNull();
    expect(officeHoursProblem([])).not.toBeNull();
    expect(officeHoursProblem([{ start: 600, end: 500 }])).not.toBeNull();
    expect(
      officeHoursProblem([
        { start: 500, end: 700 },
        { start: 600, end: 800 },
      ]),
    ).not.toBeNull();
  });
});

describe('the laws of working time (property tests over 2017–2027)', () => {
  const instant = fc.integer({ min: Date.parse('2017-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') });
  const duration = fc.integer({ min: 0, max: 40 * 8 * 60 }).map((minutes) => minutes * 60_000);
  const inOfficeHours = (t: number) => {
    const day = startOfLocalDate(localDateOf(t));
    return cal.isWorkingDay(localDateOf(t)) && H.some((h) => t >= day + h.start * 60_000 && t <= day + h.end * 60_000);
  };

  it('adding a duration and then measuring gives the same duration', () => {
    fc.assert(
      fc.property(instant, duration, (start, d) => {
        expect(workingTimeBetween(cal, H, start, addWorkingTime(cal, H, start, d))).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('never lands on a day off or outside office hours', () => {
    fc.assert(
      fc.property(instant, duration, (start, d) => {
        expect(inOfficeHours(addWorkingTime(cal, H, start, d))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in the duration and in the start', () => {
    fc.assert(
      fc.property(instant, duration, duration, fc.integer({ min: 0, max: 30 * 86_400_000 }), (start, a, b, shift) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addWorkingTime(cal, H, start, lo)).toBeLessThanOrEqual(addWorkingTime(cal, H, start, hi));
        expect(addWorkingTime(cal, H, start, a)).toBeLessThanOrEqual(addWorkingTime(cal, H, start + shift, a));
      }),
      { numRuns: 200 },
    );
  });

  it('measures spans additively', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        (a, x, y) => {
          const b = a + x;
          const c = b + y;
          expect(workingTimeBetween(cal, H, a, b) + workingTimeBetween(cal, H, b, c)).toBe(
            workingTimeBetween(cal, H, a, c),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * The definitions, walked day by day: the fast arithmetic (an index of working days) must agree
 * with them everywhere, across holidays, make-up Saturdays, the years without a file and spans of
 * years (an SLA clock open for months is measured on every request page).
 */
describe('agrees with a day-by-day walk of the calendar', () => {
  const DAY = 86_400_000;
  function* periods(from: number): Generator<[number, number]> {
    for (let day = startOfLocalDate(localDateOf(from)); ; day += DAY) {
      if (!cal.isWorkingDay(localDateOf(day))) continue;
      for (const h of H) {
        const start = Math.max(day + h.start * 60_000, from);
        const end = day + h.end * 60_000;
        if (start < end) yield [start, end];
      }
    }
  }
  const walkBetween = (from: number, to: number) => {
    let total = 0;
    for (const [start, end] of periods(from)) {
      if (start >= to) break;
      total += Math.min(end, to) - start;
      if (end >= to) break;
    }
    return total;
  };
  const walkAdd = (from: number, duration: number) => {
    let remaining = duration;
    for (const [start, end] of periods(from)) {
      if (remaining <= end - start) return start + remaining;
      remaining -= end - start;
    }
    throw new Error('unreachable');
  };
  // 2016 and 2027–2028 have no file: Monday to Friday there.
  const instant = fc.integer({ min: Date.parse('2016-06-01T00:00:00Z'), max: Date.parse('2028-06-01T00:00:00Z') });
  const onTheMinute = instant.map((t) => t - (t % 60_000));

  it('measures the working time between two instants as the walk does', () => {
    fc.assert(
      fc.property(fc.oneof(instant, onTheMinute), fc.integer({ min: 0, max: 3 * 365 * DAY }), (from, span) => {
        expect(workingTimeBetween(cal, H, from, from + span)).toBe(walkBetween(from, from + span));
      }),
      { numRuns: 300 },
    );
  });

  it('adds working time as the walk does, also whole days and zero', () => {
    const duration = fc.oneof(
      fc.integer({ min: 0, max: 400 * 8 * 60 }).map((minutes) => minutes * 60_000),
      fc.integer({ min: 0, max: 400 }).map((days) => days * 8 * 3_600_000),
      fc.constant(0),
    );
    fc.assert(
      fc.property(fc.oneof(instant, onTheMinute), duration, (from, d) => {
        expect(show(addWorkingTime(cal, H, from, d))).toBe(show(walkAdd(from, d)));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees at the edges of office hours and of the Chinese New Year 2026 holiday', () => {
    const edges = ['08:30', '12:30', '13:30', '17:30', '00:00', '23:59'].flatMap((time) =>
      ['2026-02-13', '2026-02-14', '2026-02-22', '2026-02-23', '2025-02-08'].map((date) => at(`${date}T${time}:00`)),
    );
    for (const from of edges)
      for (const d of [0, 1, HOUR, 4 * HOUR, 8 * HOUR, 8 * HOUR + 1, 24 * HOUR]) {
        expect(show(addWorkingTime(cal, H, from, d))).toBe(show(walkAdd(from, d)));
        expect(workingTimeBetween(cal, H, from, from + d * 3)).toBe(walkBetween(from, from + d * 3));
      }
  });
});

describe('ISO 8601 durations', () => {
  it.each([
    ['PT2H', { days: 0, ms: 2 * HOUR }],
    ['PT1H30M', { days: 0, ms: 1.5 * HOUR }],
    ['P3D', { days: 3, ms: 0 }],
    ['P1DT4H', { days: 1, ms: 4 * HOUR }],
    ['PT0.5H', { days: 0, ms: 0.5 * HOUR }],
  ])('reads %s', (text, expected) => {
    expect(parseWorkingDuration(text)).toEqual(expected);
  });

  it.each(['P1M', 'P1W', 'P1Y', 'PT', 'P', '2H', '', 'PT-1H'])('refuses %s', (text) => {
    expect(parseWorkingDuration(text)).toBeNull();
  });

  it('writes durations and Taipei instants', () => {
    expect(formatDuration(5.5 * HOUR)).toBe('PT5H30M');
    expect(formatDuration(0)).toBe('PT0S');
    expect(formatDuration(-HOUR)).toBe('-PT1H');
    expect(formatTaipeiInstant(Date.parse('2026-02-23T01:30:00Z'))).toBe('2026-02-23T09:30:00+08:00');
  });
});
