/**
 * Reads the government office calendar's open-data CSV (SLA-1): header
 * `西元日期,星期,是否放假,備註`, dates `YYYYMMDD`, `0` a working day and `2` a day off. Files come in
 * UTF-8 (with or without a BOM) or Big5; a file must cover exactly one whole year.
 */

export type CalendarDay = {
  /** `YYYY-MM-DD` */
  date: string;
  holiday: boolean;
  /** 備註: the holiday's name, 補假, 補行上班 … */
  note: string;
};

export type CalendarFile = { year: number; days: CalendarDay[] };

export type CalendarProblem = { line: number; en: string; zh: string };

export class CalendarFileError extends Error {
  constructor(readonly problems: CalendarProblem[]) {
    super(problems.map((p) => (p.line > 0 ? `line ${p.line}: ${p.en}` : p.en)).join('; '));
    this.name = 'CalendarFileError';
  }
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** Decodes the bytes of a calendar file: UTF-8 when they are valid UTF-8, otherwise Big5. */
export function decodeCalendarBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('big5').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

function isoOf(compact: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
}

/** Parses and checks a calendar file; every problem found is reported, with its line. */
export function parseCalendarCsv(bytes: Uint8Array): CalendarFile {
  const lines = decodeCalendarBytes(bytes)
    .split(/\r?\n/)
    .map((l) => l.trim());
  const problems: CalendarProblem[] = [];
  const header = lines[0]?.split(',').map((h) => h.trim());
  if (!header || header[0] !== '西元日期' || header[2] !== '是否放假') {
    throw new CalendarFileError([
      {
        line: 1,
        en: 'The header must be 西元日期,星期,是否放假,備註',
        zh: '標題列應為「西元日期,星期,是否放假,備註」',
      },
    ]);
  }
  const days: CalendarDay[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw === '') continue;
    const line = i + 1;
    const [compact = '', weekday = '', off = '', ...rest] = raw.split(',');
    const date = isoOf(compact.trim());
    if (!date) {
      problems.push({ line, en: `"${compact}" is not a date (YYYYMMDD)`, zh: `「${compact}」不是日期（YYYYMMDD）` });
      continue;
    }
    const expected = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
    if (weekday.trim() !== expected) {
      problems.push({
        line,
        en: `${date} is a ${expected}, not ${weekday}`,
        zh: `${date} 應為星期${expected}，而非「${weekday}」`,
      });
    }
    if (off.trim() !== '0' && off.trim() !== '2') {
      problems.push({ line, en: `是否放假 must be 0 or 2, not "${off}"`, zh: `是否放假應為 0 或 2，而非「${off}」` });
    }
    if (seen.has(date)) problems.push({ line, en: `${date} appears twice`, zh: `${date} 重複出現` });
    seen.add(date);
    days.push({ date, holiday: off.trim() === '2', note: rest.join(',').trim() });
  }
  const years = new Set(days.map((d) => Number(d.date.slice(0, 4))));
  if (days.length === 0) problems.push({ line: 0, en: 'The file has no days', zh: '檔案沒有任何日期' });
  if (years.size > 1) {
    problems.push({ line: 0, en: 'The file mixes several years', zh: '檔案包含多個年度' });
  }
  const year = days[0] ? Number(days[0].date.slice(0, 4)) : 0;
  if (years.size === 1 && seen.size !== daysInYear(year)) {
    problems.push({
      line: 0,
      en: `The file has ${seen.size} days of ${year}, not all ${daysInYear(year)}`,
      zh: `檔案只有 ${year} 年的 ${seen.size} 天，應為 ${daysInYear(year)} 天`,
    });
  }
  if (problems.length > 0) throw new CalendarFileError(problems);
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { year, days };
}

/**
 * Orders the published revisions of one year: a file dated in its name (`…1141020更新`, ROC
 * YYYMMDD) is newer than a `修正版`, which is newer than the original.
 */
export function revisionRank(fileName: string): number {
  const dated = /(\d{7})更新/.exec(fileName);
  if (dated) return 20_000_000 + Number(dated[1]);
  if (fileName.includes('修正')) return 1;
  return 0;
}
