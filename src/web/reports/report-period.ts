import { addDays, todayInTaipei } from '../lib/roc-date.js';

/** The first and last day of the month holding `today` (Taipei), `YYYY-MM-DD`. */
export function currentMonth(today: string = todayInTaipei()): { from: string; to: string } {
  const from = `${today.slice(0, 7)}-01`;
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(nextMonth, -1) };
}

/** A share (0–1) as a whole percentage, e.g. 0.875 → "88%"; null stays null. */
export function percent(share: number | null): string | null {
  return share === null ? null : `${Math.round(share * 100)}%`;
}
