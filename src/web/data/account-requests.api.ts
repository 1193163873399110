import { z } from 'zod';
import {
  AccountRequest,
  type AccountRequestCreate,
  type AccountRequestDecision,
  type AccountRequestStatus,
} from '../../shared/api/account-request.schema.js';
import { apiCall, queryString } from './client.js';

/** The account requests the caller may see (SEC-2), optionally of one status. */
export function listAccountRequests(status?: AccountRequestStatus): Promise<AccountRequest[]> {
  return apiCall(`/api/account-requests${queryString({ status })}`, z.array(AccountRequest));
}

export function createAccountRequest(body: AccountRequestCreate): Promise<AccountRequest> {
  return apiCall('/api/account-requests', AccountRequest, { method: 'POST', body });
}

/** The supervisor's or the administrator's decision, whichever the request waits for. */
export function decideAccountRequest(id: string, body: AccountRequestDecision): Promise<AccountRequest> {
  return apiCall(`/api/account-requests/${encodeURIComponent(id)}/decision`, AccountRequest, {
    method: 'POST',
    body,
  });
}
