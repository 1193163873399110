import { z } from 'zod';
import { DeputyCandidate, Deputyship, type DeputyshipCreate } from '../../shared/api/deputy.schema.js';
import { apiCall, apiCallNoContent, queryString } from './client.js';

/** Deputyships (ORG-3): all for administrators, otherwise those the person is part of. */
export function listDeputyships(): Promise<Deputyship[]> {
  return apiCall('/api/deputies', z.array(Deputyship));
}

export function appointDeputy(body: DeputyshipCreate): Promise<Deputyship> {
  return apiCall('/api/deputies', Deputyship, { method: 'POST', body });
}

/** Ends a deputyship now. */
export function revokeDeputyship(id: string): Promise<void> {
  return apiCallNoContent(`/api/deputies/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Staff accounts a deputy may be chosen from. */
export function listDeputyCandidates(q: string): Promise<DeputyCandidate[]> {
  return apiCall(`/api/deputies/candidates${queryString({ q })}`, z.array(DeputyCandidate));
}
