import { z } from 'zod';
import { PasswordPolicy } from '../../shared/api/auth.schema.js';
import { CalendarImportResult, CalendarSource, CalendarYear, OfficeHours } from '../../shared/api/calendar.schema.js';
import { SecuritySettings } from '../../shared/api/security.schema.js';
import { SlaSettings } from '../../shared/api/sla.schema.js';
import { WorkflowUnits } from '../../shared/api/workflow.schema.js';
import { apiCall } from './client.js';

export { CalendarImportResult, SlaSettings };

export const getOfficeHours = () => apiCall('/api/settings/office-hours', OfficeHours);
export const putOfficeHours = (body: OfficeHours) =>
  apiCall('/api/settings/office-hours', OfficeHours, { method: 'PUT', body });

export const getSlaSettings = () => apiCall('/api/settings/sla', SlaSettings);
export const putSlaSettings = (body: SlaSettings) => apiCall('/api/settings/sla', SlaSettings, { method: 'PUT', body });

export const getPasswordPolicy = () => apiCall('/api/settings/password-policy', PasswordPolicy);
export const putPasswordPolicy = (body: PasswordPolicy) =>
  apiCall('/api/settings/password-policy', PasswordPolicy, { method: 'PUT', body });

export const getSecuritySettings = () => apiCall('/api/settings/security', SecuritySettings);
export const putSecuritySettings = (body: SecuritySettings) =>
  apiCall('/api/settings/security', SecuritySettings, { method: 'PUT', body });

/** The IT section that serves requests and the business unit that checks vendor applications (issue 3). */
export const getWorkflowUnits = () => apiCall('/api/settings/workflow-units', WorkflowUnits);
export const putWorkflowUnits = (body: WorkflowUnits) =>
  apiCall('/api/settings/workflow-units', WorkflowUnits, { method: 'PUT', body });

export const listCalendarSources = () => apiCall('/api/calendar/sources', z.array(CalendarSource));
export const getCalendarYear = (year: number) => apiCall(`/api/calendar/days?year=${year}`, CalendarYear);

/** Uploads a DGPA calendar CSV as multipart/form-data under the field `file`. */
export function importCalendar(file: File): Promise<CalendarImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiCall('/api/calendar/imports', CalendarImportResult, { method: 'POST', body: form });
}
