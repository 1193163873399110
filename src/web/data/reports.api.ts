import { ServiceLevelReport } from '../../shared/api/report.schema.js';
import { apiCall, queryString } from './client.js';

export type GroupBy = ServiceLevelReport['groupBy'];
export type ReportParams = { from: string; to: string; groupBy: GroupBy };

/** The address of the service-level report (SLA-4); `csv` gives the download. */
export function serviceLevelUrl(params: ReportParams, format: 'json' | 'csv' = 'json'): string {
  return `/api/reports/service-levels${queryString({ ...params, format: format === 'csv' ? 'csv' : '' })}`;
}

export function getServiceLevels(params: ReportParams): Promise<ServiceLevelReport> {
  return apiCall(serviceLevelUrl(params), ServiceLevelReport);
}
