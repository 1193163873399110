/**
 * ISO 8601 durations for working time: `PT2H`, `PT1H30M`, `PT45S`, `P3D` (working days) and
 * `P1DT4H`. Years, months and weeks are refused: their length in working time is ambiguous.
 */
export type WorkingDuration = { days: number; ms: number };

const PATTERN = /^P(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses a duration; null when it is not one GovDesk accepts. */
export function parseWorkingDuration(text: string): WorkingDuration | null {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [, d, h, min, s] = m;
  if (d === undefined && h === undefined && min === undefined && s === undefined) return null;
  const ms = Math.round(((Number(h ?? 0) * 60 + Number(min ?? 0)) * 60 + Number(s ?? 0)) * 1000);
  return { days: Number(d ?? 0), ms };
}

/** Writes milliseconds as `PT…H…M…S`, omitting zero parts (`PT0S` for none). */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  const parts = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `${sign}PT${parts || '0S'}`;
}

/** An instant in ISO 8601 with the Taipei offset: `2026-02-09T08:30:00+08:00`. */
export function formatTaipeiInstant(instant: number): string {
  const local = new Date(instant + 8 * 3_600_000).toISOString();
  const fraction = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  return `${local.slice(0, 19)}${fraction}+08:00`;
}
