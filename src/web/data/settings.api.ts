import { z } from 'zod';
import { PasswordPolicy } from '../../shared/api/auth.schema.js';
import { CalendarSource, CalendarYear, OfficeHours } from '../../shared/api/calendar.schema.js';
import { apiCall } from './client.js';

/**
 * The SLA settings. The server declares this schema in src/server/services/sla.service.ts, out of
 * the web app's reach; it belongs in src/shared/api (asked for in the hand-over).
 */
export const SlaSettings = z.object({
  warningThresholds: z.array(z.number()),
  chaseIntervalMinutes: z.number().int(),
});
export type SlaSettings = z.infer<typeof SlaSettings>;

/** What an import of a calendar file answers. */
export const CalendarImportResult = z.object({
  source: CalendarSource,
  replaced: z.string().nullable(),
  workingSaturdays: z.number().int(),
});
export type CalendarImportResult = z.infer<typeof CalendarImportResult>;

export const getOfficeHours = () => apiCall('/api/settings/office-hours', OfficeHours);
export const putOfficeHours = (body: OfficeHours) =>
  apiCall('/api/settings/office-hours', OfficeHours, { method: 'PUT', body });

export const getSlaSettings = () => apiCall('/api/settings/sla', SlaSettings);
export const putSlaSettings = (body: SlaSettings) =>
  apiCall('/api/settings/sla', SlaSettings, { method: 'PUT', body });

export const getPasswordPolicy = () => apiCall('/api/settings/password-policy', PasswordPolicy);
export const putPasswordPolicy = (body: PasswordPolicy) =>
  apiCall('/api/settings/password-policy', PasswordPolicy, { method: 'PUT', body });

export const listCalendarSources = () => apiCall('/api/calendar/sources', z.array(CalendarSource));
export const getCalendarYear = (year: number) => apiCall(`/api/calendar/days?year=${year}`, CalendarYear);

/** Uploads a DGPA calendar CSV as multipart/form-data under the field `file`. */
export function importCalendar(file: File): Promise<CalendarImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiCall('/api/calendar/imports', CalendarImportResult, { method: 'POST', body: form });
}
