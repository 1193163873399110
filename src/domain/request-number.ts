/**
 * 000 附件一: request numbers are `CTSP-` + year + sequence. GovDesk writes the year in the ROC
 * calendar, as the form's dates are, and the sequence restarts each year: `CTSP-115-00001`.
 */

/** Built once: a formatter costs more to make than to use (every filing asks for the year). */
const TAIPEI_YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric' });

/** The ROC year (民國) of an instant, in Asia/Taipei. */
export function rocYearOf(instant: Date): number {
  return Number(TAIPEI_YEAR.format(instant)) - 1911;
}

/** The sequence has at least this many digits, zeros in front. */
export const SEQUENCE_DIGITS = 5;

/** A year's numbers up to their sequence: `CTSP-115-`. */
export function requestNumberStem(prefix: string, rocYear: number): string {
  const separator = prefix.endsWith('-') ? '' : '-';
  return `${prefix}${separator}${rocYear}-`;
}

/** Formats a request number; the sequence has at least five digits. */
export function formatRequestNumber(prefix: string, rocYear: number, sequence: number): string {
  return `${requestNumberStem(prefix, rocYear)}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * What a filing's row holds as its number inside its transaction until it takes its own, last
 * (request.service): unique like a number, never committed, never shown.
 */
export function provisionalNumber(requestId: string): string {
  return `pending-${requestId}`;
}
