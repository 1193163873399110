import { describe, expect, it } from 'vitest';
import { formatTaipeiInstant } from '../../src/domain/calendar/iso-duration.js';
import { DEFAULT_OFFICE_HOURS } from '../../src/domain/calendar/working-time.js';
import {
  dueAt,
  elapsed,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  thresholdAt,
  thresholdsReached,
} from '../../src/domain/sla/clock.js';
import { CLOCK_TARGETS, HOUR_MS, nextTier } from '../../src/domain/sla/sla-policies.js';
import { shippedCalendar } from '../helpers/shipped-calendar.js';

const frame = { calendar: shippedCalendar(), hours: DEFAULT_OFFICE_HOURS };
const at = (local: string) => Date.parse(`${local}+08:00`);
const show = (ms: number | null) => (ms === null ? null : formatTaipeiInstant(ms));

describe('service-level clocks (SLA-2, SLA-3)', () => {
  it('puts the 2-working-hour acknowledgement of a Friday-evening fault on Monday morning', () => {
    const c = startClock('working', CLOCK_TARGETS.faultResponse.targetMs, at('2026-11-20T16:30:00'));
    expect(show(dueAt(c, frame))).toBe('2026-11-23T09:30:00+08:00');
    expect(show(thresholdAt(c, frame, 0.75))).toBe('2026-11-23T09:00:00+08:00');
  });

  it('runs a wall-clock incident report clock through the night', () => {
    const c = startClock('wall', CLOCK_TARGETS.incidentReport.targetMs, at('2026-11-21T23:30:00'));
    expect(show(dueAt(c, frame))).toBe('2026-11-22T00:30:00+08:00');
  });

  it('does not count the time a request waits for its requester', () => {
    let c = startClock('working', 8 * HOUR_MS, at('2026-11-23T08:30:00'));
    c = pauseClock(c, frame, at('2026-11-23T10:30:00')); // 2 h used
    expect(dueAt(c, frame)).toBeNull();
    expect(elapsed(c, frame, at('2026-11-25T10:00:00'))).toBe(2 * HOUR_MS);
    c = resumeClock(c, at('2026-11-24T08:30:00'));
    expect(show(dueAt(c, frame))).toBe('2026-11-24T15:30:00+08:00'); // 6 h left
    c = stopClock(c, frame, at('2026-11-24T09:30:00'));
    expect(c).toMatchObject({ status: 'stopped', consumedMs: 3 * HOUR_MS });
  });

  it('reports the warning thresholds reached', () => {
    const c = startClock('working', 2 * HOUR_MS, at('2026-11-23T08:30:00'));
    expect(thresholdsReached(c, frame, at('2026-11-23T09:00:00'), [0.75, 0.9])).toEqual([]);
    expect(thresholdsReached(c, frame, at('2026-11-23T10:00:00'), [0.75, 0.9])).toEqual([0.75]);
    expect(thresholdsReached(c, frame, at('2026-11-23T10:20:00'), [0.75, 0.9])).toEqual([0.75, 0.9]);
  });

  it('escalates one tier at a time and stops at the vendor', () => {
    expect(nextTier('first_line_desk')).toBe('second_line_technical');
    expect(nextTier('third_line_system_owner')).toBe('vendor');
    expect(nextTier('vendor')).toBe('vendor');
  });
});
