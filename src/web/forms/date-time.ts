/**
 * `format: date-time` fields are typed in a `datetime-local` input, which knows no time zone.
 * GovDesk reads and writes them as Taipei time (UTC+8 all year, no daylight saving), the time the
 * handbook's forms record (附件三 「事件發生時間」).
 */

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

const taipeiParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant (`2026-05-01T02:30:00Z`) as the input shows it in Taipei: `2026-05-01T10:30`; '' when not an instant. */
export function toLocalInput(instant: string): string {
  if (instant === '') return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const parts = taipeiParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** What the input holds (`2026-05-01T10:30`) as an instant with Taipei's offset; '' when incomplete. */
export function fromLocalInput(local: string): string {
  const m = LOCAL.exec(local);
  if (!m) return '';
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`;
}
