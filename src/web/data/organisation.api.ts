import { z } from 'zod';
import {
  Holdings,
  OffboardResult,
  Unit,
  UserSummary,
  type OffboardBody,
  type UnitCreate,
  type UserCreate,
  type UserUpdate,
} from '../../shared/api/organisation.schema.js';
import type { Role } from '../../shared/roles.js';
import { apiCall, apiCallNoContent, queryString } from './client.js';

export type { OffboardResult };

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export function listUnits(): Promise<Unit[]> {
  return apiCall('/api/units', z.array(Unit));
}

export function createUnit(body: UnitCreate): Promise<Unit> {
  return apiCall('/api/units', Unit, { method: 'POST', body });
}

export function listUsers(filter: { role?: Role; q?: string } = {}): Promise<UserSummary[]> {
  return apiCall(`/api/users${queryString(filter)}`, z.array(UserSummary));
}

export function getUser(id: string): Promise<UserSummary> {
  return apiCall(userPath(id), UserSummary);
}

/** Changes an account; the reason is recorded with every changed field (SEC-2). */
export function updateUser(id: string, body: UserUpdate): Promise<UserSummary> {
  return apiCall(userPath(id), UserSummary, { method: 'PATCH', body });
}

/** What the person still holds: open requests, sessions, API tokens. */
export function getHoldings(id: string): Promise<Holdings> {
  return apiCall(`${userPath(id)}/holdings`, Holdings);
}

/** Transfer (roles removed, moved to another unit) or leaving (account disabled). */
export function offboardUser(id: string, body: OffboardBody): Promise<OffboardResult> {
  return apiCall(`${userPath(id)}/offboard`, OffboardResult, { method: 'POST', body });
}

/** Removes the person's second factor, so that they enrol again. */
export function resetUserMfa(id: string): Promise<void> {
  return apiCallNoContent(`${userPath(id)}/mfa/reset`, { method: 'POST' });
}

/** Unlocks an account locked after failed sign-ins (SEC-1). */
export function unlockUser(id: string): Promise<void> {
  return apiCallNoContent(`${userPath(id)}/unlock`, { method: 'POST' });
}

export function createUser(body: UserCreate): Promise<UserSummary> {
  return apiCall('/api/users', UserSummary, { method: 'POST', body });
}
