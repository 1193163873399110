import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CalendarFileError, parseCalendarCsv, revisionRank } from '../../domain/calendar/calendar-csv.js';
import {
  calendarOf,
  DEFAULT_OFFICE_HOURS,
  officeHoursProblem,
  type OfficeHours,
  type WorkingCalendar,
} from '../../domain/calendar/working-time.js';
import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import type { Executor } from '../../db/database.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { calendarRepository } from '../../db/repositories/calendar.repository.js';
import { settingsRepository } from '../../db/repositories/settings.repository.js';
import type { Origin, ServiceContext } from './context.js';

const OFFICE_HOURS_KEY = 'office_hours';
/**
 * A process re-reads what it keeps in memory (the calendar, the SLA settings) at most this often,
 * to see changes made by other processes.
 */
export const REFRESH_MS = 30_000;

export type LoadedCalendar = {
  calendar: WorkingCalendar;
  hours: OfficeHours;
  loadedYears: ReadonlySet<number>;
};

export const toClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Warns that a year has no calendar file and weekdays stand in for it. */
export function fallbackWarning(year: number) {
  return {
    year,
    en: `No office calendar is loaded for ${year}: Monday to Friday are taken as working days. An administrator can import the year's file.`,
    'zh-TW': `${year} 年尚未匯入辦公日曆表，暫以週一至週五為上班日；請管理者匯入該年度檔案。`,
  };
}

function calendarProblem(e: CalendarFileError): DomainError {
  return new DomainError('validation_failed', {
    detail: { en: e.message, zh: e.problems.map((p) => (p.line > 0 ? `第 ${p.line} 行：${p.zh}` : p.zh)).join('；') },
    fields: e.problems.map((p) => ({
      field: p.line > 0 ? `file.line${p.line}` : 'file',
      in: 'file' as const,
      code: 'invalid_calendar',
      message: p.en,
      message_zh: p.zh,
    })),
  });
}

/**
 * Loads the shipped calendar files a year does not have yet, or newer revisions of shipped files;
 * a file an administrator imported is never replaced by a shipped one.
 */
export async function loadShippedCalendars(db: Executor, dir: string, now: Date): Promise<number[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.csv'));
  const best = new Map<number, string>();
  for (const f of files) {
    const year = Number(/^(\d{2,3})年/.exec(f)?.[1]) + 1911;
    const current = best.get(year);
    if (Number.isFinite(year) && (!current || revisionRank(f) > revisionRank(current))) best.set(year, f);
  }
  const active = new Map((await calendarRepository.activeSources(db)).map((s) => [s.year, s]));
  const loaded: number[] = [];
  for (const [year, file] of [...best].sort(([a], [b]) => a - b)) {
    const existing = active.get(year);
    if (existing && (existing.origin === 'imported' || existing.revision >= revisionRank(file))) continue;
    const bytes = await fs.readFile(path.join(dir, file));
    const parsed = parseCalendarCsv(bytes);
    await calendarRepository.replaceYear(
      db,
      {
        year: parsed.year,
        fileName: file,
        origin: 'shipped',
        revision: revisionRank(file),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        importedBy: null,
        importedAt: now,
      },
      parsed.days,
    );
    loaded.push(parsed.year);
  }
  return loaded;
}

/** The working calendar and office hours in force, cached; imports and settings through here. */
export function calendarService(ctx: ServiceContext) {
  const { db } = ctx;
  let cache: { loaded: LoadedCalendar; version: string; checkedAt: number } | undefined;

  async function readOfficeHours(executor: Executor): Promise<OfficeHours> {
    const stored = (await settingsRepository.get(executor, OFFICE_HOURS_KEY)) as
      { periods?: Array<{ start: string; end: string }> } | undefined;
    if (!stored?.periods) return DEFAULT_OFFICE_HOURS;
    return stored.periods.map((p) => ({ start: toMinutes(p.start), end: toMinutes(p.end) }));
  }

  /** The calendar in force; pass the open transaction when there is one (PGlite has one connection). */
  async function load(executor: Executor = db): Promise<LoadedCalendar> {
    const now = Date.now();
    if (cache && now - cache.checkedAt < REFRESH_MS) return cache.loaded;
    const version = `${await calendarRepository.version(executor)}|${JSON.stringify(await settingsRepository.get(executor, OFFICE_HOURS_KEY))}`;
    if (cache && cache.version === version) {
      cache.checkedAt = now;
      return cache.loaded;
    }
    const [sources, days, hours] = await Promise.all([
      calendarRepository.activeSources(executor),
      calendarRepository.allDays(executor),
      readOfficeHours(executor),
    ]);
    const loadedYears = new Set(sources.map((s) => s.year));
    const map = new Map(days.map((d) => [d.date, !d.holiday]));
    const loaded = { calendar: calendarOf(map, loadedYears), hours, loadedYears };
    cache = { loaded, version, checkedAt: now };
    return loaded;
  }

  return {
    load,

    /** Warnings for the years in a span that have no calendar file. */
    async warningsFor(fromYear: number, toYear: number) {
      const { loadedYears } = await load();
      const warnings = [];
      for (let y = Math.min(fromYear, toYear); y <= Math.max(fromYear, toYear); y++)
        if (!loadedYears.has(y)) warnings.push(fallbackWarning(y));
      return warnings;
    },

    async year(year: number) {
      const [sources, days, { calendar }] = await Promise.all([
        calendarRepository.activeSources(db),
        calendarRepository.daysOfYear(db, year),
        load(),
      ]);
      const source = sources.find((s) => s.year === year) ?? null;
      if (source)
        return {
          source,
          warning: null,
          days: days.map((d) => ({ ...d, weekday: new Date(`${d.date}T00:00:00Z`).getUTCDay() })),
        };
      const generated = [];
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        generated.push({ date, weekday: new Date(t).getUTCDay(), holiday: !calendar.isWorkingDay(date), note: '' });
      }
      return { source: null, warning: fallbackWarning(year), days: generated };
    },

    async sources() {
      return calendarRepository.activeSources(db);
    },

    /** An administrator imports a year's file (UTF-8 or Big5); it replaces the year's days. */
    async importFile(actor: Actor, fileName: string, bytes: Buffer, origin: Origin) {
      if (!abilitiesOf(actor).manageSettings) throw new DomainError('forbidden');
      let parsed;
      try {
        parsed = parseCalendarCsv(bytes);
      } catch (e) {
        if (e instanceof CalendarFileError) throw calendarProblem(e);
        throw e;
      }
      const now = ctx.now();
      const result = await db.transaction().execute(async (tx) => {
        const previous = (await calendarRepository.activeSources(tx)).find((s) => s.year === parsed.year) ?? null;
        const source = await calendarRepository.replaceYear(
          tx,
          {
            year: parsed.year,
            fileName,
            origin: 'imported',
            revision: now.getTime(),
            sha256: createHash('sha256').update(bytes).digest('hex'),
            importedBy: actor.userId,
            importedAt: now,
          },
          parsed.days,
        );
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'calendar.imported',
          objectType: 'calendar_year',
          objectId: String(parsed.year),
          ip: origin.ip,
          data: { fileName, sha256: source.sha256, replaced: previous?.file_name ?? null },
        });
        return { source, replaced: previous?.file_name ?? null };
      });
      cache = undefined;
      return {
        ...result,
        workingSaturdays: parsed.days.filter((d) => !d.holiday && new Date(`${d.date}T00:00:00Z`).getUTCDay() === 6)
          .length,
      };
    },

    async officeHours() {
      return (await load()).hours;
    },

    async setOfficeHours(actor: Actor, periods: Array<{ start: string; end: string }>, origin: Origin) {
      if (!abilitiesOf(actor).manageSettings) throw new DomainError('forbidden');
      const hours = periods.map((p) => ({ start: toMinutes(p.start), end: toMinutes(p.end) }));
      const problem = officeHoursProblem(hours);
      if (problem)
        throw DomainError.field('periods', 'invalid_office_hours', problem, '辦公時段須在一日之內、依序排列且不重疊');
      await db.transaction().execute(async (tx) => {
        const before = await readOfficeHours(tx);
        await settingsRepository.put(tx, OFFICE_HOURS_KEY, { periods }, actor.userId, ctx.now());
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'settings.changed',
          objectType: 'setting',
          objectId: OFFICE_HOURS_KEY,
          ip: origin.ip,
          data: {
            before: before.map((h) => `${toClock(h.start)}-${toClock(h.end)}`),
            after: periods.map((p) => `${p.start}-${p.end}`),
          },
        });
      });
      cache = undefined;
      return hours;
    },
  };
}
export type CalendarService = ReturnType<typeof calendarService>;
