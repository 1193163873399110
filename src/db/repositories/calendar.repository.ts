import type { CalendarDay } from '../../domain/calendar/calendar-csv.js';
import type { Executor } from '../database.js';

export type CalendarSourceRow = Awaited<ReturnType<typeof calendarRepository.activeSources>>[number];

/** The office calendar: one active source per year and its days (SLA-1). */
export const calendarRepository = {
  activeSources(db: Executor) {
    return db.selectFrom('calendar_sources').selectAll().where('active', '=', true).orderBy('year').execute();
  },

  allDays(db: Executor) {
    return db.selectFrom('calendar_days').select(['date', 'holiday']).execute();
  },

  daysOfYear(db: Executor, year: number) {
    return db
      .selectFrom('calendar_days')
      .select(['date', 'holiday', 'note'])
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .orderBy('date')
      .execute();
  },

  /** A cheap fingerprint of what is loaded, to know when a cached calendar is stale. */
  async version(db: Executor): Promise<string> {
    const row = await db
      .selectFrom('calendar_sources')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('imported_at').as('latest')])
      .executeTakeFirstOrThrow();
    return `${row.n}:${row.latest ? new Date(row.latest).getTime() : 0}`;
  },

  /** Makes a file the year's source: its days replace the year's days; earlier sources stay as history. */
  async replaceYear(
    db: Executor,
    source: {
      year: number;
      fileName: string;
      origin: 'shipped' | 'imported';
      revision: number;
      sha256: string;
      importedBy: string | null;
      importedAt: Date;
    },
    days: readonly CalendarDay[],
  ) {
    await db
      .deleteFrom('calendar_days')
      .where('date', '>=', `${source.year}-01-01`)
      .where('date', '<=', `${source.year}-12-31`)
      .execute();
    await db
      .updateTable('calendar_sources')
      .set({ active: false })
      .where('year', '=', source.year)
      .where('active', '=', true)
      .execute();
    const row = await db
      .insertInto('calendar_sources')
      .values({
        year: source.year,
        file_name: source.fileName,
        origin: source.origin,
        revision: source.revision,
        sha256: source.sha256,
        day_count: days.length,
        holiday_count: days.filter((d) => d.holiday).length,
        active: true,
        imported_by: source.importedBy,
        imported_at: source.importedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await db
      .insertInto('calendar_days')
      .values(days.map((d) => ({ date: d.date, holiday: d.holiday, note: d.note, source_id: row.id })))
      .execute();
    return row;
  },
};
