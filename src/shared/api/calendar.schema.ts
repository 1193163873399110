import { z } from 'zod';
import { IsoDate, IsoInstant, Localised } from './common.schema.js';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');

/** Office hours as periods of the day in Asia/Taipei, e.g. 08:30–12:30 and 13:30–17:30. */
export const OfficeHours = z
  .strictObject({
    periods: z
      .array(z.strictObject({ start: ClockTime, end: ClockTime }))
      .min(1)
      .max(6),
  })
  .meta({ id: 'OfficeHours' });
export type OfficeHours = z.infer<typeof OfficeHours>;

export const CalendarWarning = Localised.extend({ year: z.number().int() }).meta({ id: 'CalendarWarning' });

export const CalendarAddQuery = z.strictObject({
  start: IsoInstant.describe('An ISO 8601 instant with its offset, e.g. 2026-02-13T16:30:00+08:00'),
  duration: z.string().max(40).describe('ISO 8601: PT2H, PT1H30M, P3D (working days), P1DT4H'),
});
export const CalendarAddResult = z.object({
  end: z.string().describe('ISO 8601 instant with +08:00'),
  warnings: z.array(CalendarWarning),
});

export const CalendarBetweenQuery = z.strictObject({ from: IsoInstant, to: IsoInstant });
export const CalendarBetweenResult = z.object({
  duration: z.string().describe('ISO 8601 working duration, e.g. PT5H30M'),
  milliseconds: z.number().int(),
  warnings: z.array(CalendarWarning),
});

export const CalendarDaysQuery = z.strictObject({ year: z.coerce.number().int().min(1912).max(2200) });
export const CalendarSource = z
  .object({
    year: z.number().int(),
    fileName: z.string(),
    origin: z.enum(['shipped', 'imported']),
    dayCount: z.number().int(),
    holidayCount: z.number().int(),
    importedAt: IsoInstant,
  })
  .meta({ id: 'CalendarSource' });
export type CalendarSource = z.infer<typeof CalendarSource>;

export const CalendarYear = z
  .object({
    year: z.number().int(),
    source: CalendarSource.nullable(),
    warning: CalendarWarning.nullable().describe('Set when no file is loaded and weekdays stand in'),
    days: z.array(
      z.object({ date: IsoDate, weekday: z.number().int().min(0).max(6), holiday: z.boolean(), note: z.string() }),
    ),
  })
  .meta({ id: 'CalendarYear' });
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarImportResult = z
  .object({ source: CalendarSource, replaced: z.string().nullable(), workingSaturdays: z.number().int() })
  .meta({ id: 'CalendarImportResult' });
export type CalendarImportResult = z.infer<typeof CalendarImportResult>;
