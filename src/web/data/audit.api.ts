import { z } from 'zod';
import { AuditRecord, AuditVerification } from '../../shared/api/audit.schema.js';
import { apiCall, queryString } from './client.js';

export type AuditSearch = { from: string; to: string; action: string };

/** The address of an audit search (200 records at most); `csv` gives the download. */
export function auditUrl(search: AuditSearch, format: 'json' | 'csv' = 'json'): string {
  return `/api/audit${queryString({ ...search, limit: 200, format: format === 'csv' ? 'csv' : '' })}`;
}

export function searchAudit(search: AuditSearch): Promise<AuditRecord[]> {
  return apiCall(auditUrl(search), z.array(AuditRecord));
}

export function verifyAudit(): Promise<AuditVerification> {
  return apiCall('/api/audit/verify', AuditVerification);
}
