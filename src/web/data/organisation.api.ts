import { z } from 'zod';
import { Unit, UserSummary, type UnitCreate, type UserCreate } from '../../shared/api/organisation.schema.js';
import type { Role } from '../../shared/roles.js';
import { apiCall, apiCallNoContent, queryString } from './client.js';

export function listUnits(): Promise<Unit[]> {
  return apiCall('/api/units', z.array(Unit));
}

export function createUnit(body: UnitCreate): Promise<Unit> {
  return apiCall('/api/units', Unit, { method: 'POST', body });
}

export function listUsers(filter: { role?: Role; q?: string } = {}): Promise<UserSummary[]> {
  return apiCall(`/api/users${queryString(filter)}`, z.array(UserSummary));
}

/** Unlocks an account locked after failed sign-ins (SEC-1). */
export function unlockUser(id: string): Promise<void> {
  return apiCallNoContent(`/api/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' });
}

export function createUser(body: UserCreate): Promise<UserSummary> {
  return apiCall('/api/users', UserSummary, { method: 'POST', body });
}
