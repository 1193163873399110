import { z } from 'zod';
import { Attachment } from '../../shared/api/request.schema.js';
import type { DcDocument } from '../../shared/data-centre.js';
import { apiCall, apiCallNoContent } from './client.js';

const requestPath = (id: string) => `/api/requests/${encodeURIComponent(id)}`;

/**
 * Uploads files as one document of a data-centre application (issue 6): `document`, and `device`
 * (0-based) for a device's document, go first, then the files under `file`.
 */
export function uploadDcDocument(
  id: string,
  files: readonly File[],
  document: DcDocument,
  device: number | null,
): Promise<Attachment[]> {
  const form = new FormData();
  form.append('document', document);
  if (device !== null) form.append('device', String(device));
  for (const file of files) form.append('file', file, file.name);
  return apiCall(`${requestPath(id)}/attachments`, z.array(Attachment), { method: 'POST', body: form });
}

/** Withdraws a file uploaded by mistake (its uploader, while the application waits for them). */
export function withdrawAttachment(id: string, attachmentId: string): Promise<void> {
  return apiCallNoContent(`${requestPath(id)}/attachments/${encodeURIComponent(attachmentId)}`, { method: 'DELETE' });
}

/** The printed move form (both pages) of a data-centre application. */
export const dcFormPdfUrl = (id: string) => `${requestPath(id)}/form.pdf`;

/** The return letter of a returned data-centre application, with its reasons. */
export const dcReturnLetterUrl = (id: string) => `${requestPath(id)}/return-letter.pdf`;
