import { z } from 'zod';
import { formatDuration, formatTaipeiInstant, parseWorkingDuration } from '../../domain/calendar/iso-duration.js';
import {
  addWorkingTime,
  localDateOf,
  workingDayLength,
  workingTimeBetween,
} from '../../domain/calendar/working-time.js';
import { DomainError } from '../../domain/errors.js';
import {
  CalendarAddQuery,
  CalendarAddResult,
  CalendarBetweenQuery,
  CalendarBetweenResult,
  CalendarDaysQuery,
  CalendarImportResult,
  CalendarSource,
  CalendarYear,
  OfficeHours,
} from '../../shared/api/calendar.schema.js';
import { Problem } from '../../shared/api/common.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import type { CalendarSourceRow } from '../../db/repositories/calendar.repository.js';
import { toClock } from '../services/calendar.service.js';
import type { App, RouteDeps } from './types.js';

const yearOf = (instant: number) => Number(localDateOf(instant).slice(0, 4));

function presentSource(s: CalendarSourceRow): CalendarSource {
  return {
    year: s.year,
    fileName: s.file_name,
    origin: s.origin,
    dayCount: s.day_count,
    holidayCount: s.holiday_count,
    importedAt: s.imported_at.toISOString(),
  };
}

/** SLA-1: working-time arithmetic over HTTP, the calendar as loaded, its import, office hours. */
export function calendarRoutes(app: App, deps: RouteDeps): void {
  const { calendar } = deps;

  app.get(
    '/api/calendar/add',
    {
      schema: {
        tags: ['calendar'],
        summary: 'An instant plus a working duration (P…D counts working days)',
        querystring: CalendarAddQuery,
        response: { 200: CalendarAddResult, 400: Problem },
      },
    },
    async (request) => {
      const duration = parseWorkingDuration(request.query.duration);
      if (!duration) {
        throw new DomainError('validation_failed', {
          fields: [
            {
              field: 'duration',
              in: 'query',
              code: 'invalid_duration',
              message: 'Use an ISO 8601 duration such as PT2H, P3D or P1DT4H',
              message_zh: '請使用 ISO 8601 期間格式，例如 PT2H、P3D、P1DT4H',
            },
          ],
        });
      }
      const { calendar: cal, hours } = await calendar.load();
      const start = Date.parse(request.query.start);
      const end = addWorkingTime(cal, hours, start, duration.days * workingDayLength(hours) + duration.ms);
      return { end: formatTaipeiInstant(end), warnings: await calendar.warningsFor(yearOf(start), yearOf(end)) };
    },
  );

  app.get(
    '/api/calendar/between',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Working time between two instants',
        querystring: CalendarBetweenQuery,
        response: { 200: CalendarBetweenResult, 400: Problem },
      },
    },
    async (request) => {
      const { calendar: cal, hours } = await calendar.load();
      const from = Date.parse(request.query.from);
      const to = Date.parse(request.query.to);
      const ms = workingTimeBetween(cal, hours, from, to);
      return {
        duration: formatDuration(ms),
        milliseconds: ms,
        warnings: await calendar.warningsFor(yearOf(from), yearOf(to)),
      };
    },
  );

  app.get(
    '/api/calendar/days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The days of a year as loaded, with the file they come from',
        querystring: CalendarDaysQuery,
        response: { 200: CalendarYear },
      },
    },
    async (request) => {
      const y = await calendar.year(request.query.year);
      return {
        year: request.query.year,
        source: y.source ? presentSource(y.source) : null,
        warning: y.warning,
        days: y.days,
      };
    },
  );

  app.get(
    '/api/calendar/sources',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The file in force for each loaded year',
        response: { 200: z.array(CalendarSource) },
      },
    },
    async () => (await calendar.sources()).map(presentSource),
  );

  app.post(
    '/api/calendar/imports',
    {
      schema: {
        tags: ['calendar'],
        summary:
          "Import a year's office calendar CSV (multipart, field `file`; UTF-8 or Big5); it replaces the year (administrators)",
        consumes: ['multipart/form-data'],
        response: {
          201: CalendarImportResult,
          400: Problem,
          403: Problem,
          413: Problem,
          415: Problem,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('unsupported_media_type');
      const actor = actorOf(request);
      const file = await request.file();
      if (!file || file.fieldname !== 'file') {
        throw new DomainError('validation_failed', {
          fields: [
            {
              field: 'file',
              in: 'file',
              code: 'required',
              message: 'Choose the CSV file',
              message_zh: '請選擇 CSV 檔案',
            },
          ],
        });
      }
      const bytes = await file.toBuffer();
      const result = await calendar.importFile(actor, file.filename.slice(0, 255), bytes, originOf(request));
      return reply.code(201).send({
        source: presentSource(result.source),
        replaced: result.replaced,
        workingSaturdays: result.workingSaturdays,
      });
    },
  );

  app.get(
    '/api/settings/office-hours',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Office hours of the agency (Asia/Taipei)',
        response: { 200: OfficeHours },
      },
    },
    async () => ({
      periods: (await calendar.officeHours()).map((h) => ({ start: toClock(h.start), end: toClock(h.end) })),
    }),
  );

  app.put(
    '/api/settings/office-hours',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Change the office hours (administrators)',
        body: OfficeHours,
        response: { 200: OfficeHours, 400: Problem, 403: Problem },
      },
    },
    async (request) => {
      const hours = await calendar.setOfficeHours(actorOf(request), request.body.periods, originOf(request));
      return { periods: hours.map((h) => ({ start: toClock(h.start), end: toClock(h.end) })) };
    },
  );
}
