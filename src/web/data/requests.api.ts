import { z } from 'zod';
import {
  Attachment,
  Comment,
  RequestDetail,
  RequestPage,
  type RequestCreate,
  type RequestListQuery,
} from '../../shared/api/request.schema.js';
import { apiCall, queryString } from './client.js';

const requestPath = (id: string) => `/api/requests/${encodeURIComponent(id)}`;

export function listRequests(query: RequestListQuery): Promise<RequestPage> {
  const { status, type, ...rest } = query;
  const params = {
    ...rest,
    status: Array.isArray(status) ? status.join(',') : undefined,
    type: Array.isArray(type) ? type.join(',') : undefined,
  };
  return apiCall(`/api/requests${queryString(params)}`, RequestPage);
}

export function getRequest(id: string): Promise<RequestDetail> {
  return apiCall(requestPath(id), RequestDetail);
}

export function createRequest(body: RequestCreate): Promise<RequestDetail> {
  return apiCall('/api/requests', RequestDetail, { method: 'POST', body });
}

/** Uploads files as multipart/form-data, every file under the field name `file`. */
export function uploadAttachments(id: string, files: readonly File[]): Promise<Attachment[]> {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  return apiCall(`${requestPath(id)}/attachments`, z.array(Attachment), { method: 'POST', body: form });
}

export function addComment(id: string, body: string): Promise<Comment> {
  return apiCall(`${requestPath(id)}/comments`, Comment, { method: 'POST', body: { body } });
}

/** Takes an action of the request's workflow (one of `workflow.actions`) with its fields (issue 3). */
export function takeAction(id: string, action: string, fields: Record<string, unknown>): Promise<RequestDetail> {
  return apiCall(`${requestPath(id)}/actions/${encodeURIComponent(action)}`, RequestDetail, {
    method: 'POST',
    body: { fields },
  });
}

export function assignRequest(id: string, assigneeId: string | null): Promise<RequestDetail> {
  return apiCall(`${requestPath(id)}/assign`, RequestDetail, { method: 'POST', body: { assigneeId } });
}

/** The download address of an attachment; the browser sends the session cookie. */
export function attachmentUrl(requestId: string, attachmentId: string): string {
  return `${requestPath(requestId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
