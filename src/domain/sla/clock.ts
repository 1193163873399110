import {
  addWorkingTime,
  workingTimeBetween,
  type OfficeHours,
  type WorkingCalendar,
} from '../calendar/working-time.js';

/**
 * A service-level clock (SLA-2, SLA-3): a target in working time or in wall-clock time, that runs,
 * pauses while the request waits for its requester or a third party, resumes, and stops. Pure:
 * every function takes the clock and an instant and returns a new clock or a reading.
 */
export type ClockBasis = 'working' | 'wall';

export type Clock = {
  basis: ClockBasis;
  /** The target, in milliseconds of working time (basis `working`) or of elapsed time (`wall`). */
  targetMs: number;
  status: 'running' | 'paused' | 'stopped';
  /** Time counted before the current run (in the clock's basis). */
  consumedMs: number;
  /** When the current run began; null while paused or stopped. */
  runningSince: number | null;
};

/** Where time is measured: the working calendar and office hours. */
export type TimeFrame = { calendar: WorkingCalendar; hours: OfficeHours };

function measure(basis: ClockBasis, frame: TimeFrame, from: number, to: number): number {
  return basis === 'wall'
    ? Math.max(0, to - from)
    : Math.max(0, workingTimeBetween(frame.calendar, frame.hours, from, to));
}

function advance(basis: ClockBasis, frame: TimeFrame, from: number, ms: number): number {
  return basis === 'wall' ? from + ms : addWorkingTime(frame.calendar, frame.hours, from, ms);
}

export function startClock(basis: ClockBasis, targetMs: number, at: number): Clock {
  return { basis, targetMs, status: 'running', consumedMs: 0, runningSince: at };
}

/** Time counted so far. */
export function elapsed(clock: Clock, frame: TimeFrame, now: number): number {
  const running =
    clock.status === 'running' && clock.runningSince !== null
      ? measure(clock.basis, frame, clock.runningSince, now)
      : 0;
  return clock.consumedMs + running;
}

/** When the target is reached if the clock keeps running; null while it is paused or stopped. */
export function dueAt(clock: Clock, frame: TimeFrame): number | null {
  if (clock.status !== 'running' || clock.runningSince === null) return null;
  return advance(clock.basis, frame, clock.runningSince, Math.max(0, clock.targetMs - clock.consumedMs));
}

/** When a share of the target (0.75 for a warning at 75%) is reached if the clock keeps running. */
export function thresholdAt(clock: Clock, frame: TimeFrame, share: number): number | null {
  if (clock.status !== 'running' || clock.runningSince === null) return null;
  return advance(clock.basis, frame, clock.runningSince, Math.max(0, clock.targetMs * share - clock.consumedMs));
}

export function pauseClock(clock: Clock, frame: TimeFrame, at: number): Clock {
  if (clock.status !== 'running') return clock;
  return { ...clock, status: 'paused', consumedMs: elapsed(clock, frame, at), runningSince: null };
}

export function resumeClock(clock: Clock, at: number): Clock {
  if (clock.status !== 'paused') return clock;
  return { ...clock, status: 'running', runningSince: at };
}

export function stopClock(clock: Clock, frame: TimeFrame, at: number): Clock {
  if (clock.status === 'stopped') return clock;
  return { ...clock, status: 'stopped', consumedMs: elapsed(clock, frame, at), runningSince: null };
}

/** The share of the target used (1 = due now, above 1 = breached). */
export function shareUsed(clock: Clock, frame: TimeFrame, now: number): number {
  return clock.targetMs === 0 ? 1 : elapsed(clock, frame, now) / clock.targetMs;
}

/** The warning thresholds (ascending shares below 1) that a clock has reached by `now`. */
export function thresholdsReached(
  clock: Clock,
  frame: TimeFrame,
  now: number,
  thresholds: readonly number[],
): number[] {
  const used = shareUsed(clock, frame, now);
  return thresholds.filter((t) => used >= t);
}
