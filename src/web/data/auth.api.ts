import { z } from 'zod';
import {
  ApiToken,
  ApiTokenCreated,
  LoginResponse,
  SessionResponse,
  type ApiTokenCreate,
  type LoginBody,
} from '../../shared/api/auth.schema.js';
import { ApiError, apiCall, apiCallNoContent, setCsrfToken } from './client.js';

/** The signed-in session, or null when signed out (401). */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await apiCall('/api/auth/session', SessionResponse);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function signIn(body: LoginBody): Promise<LoginResponse> {
  const session = await apiCall('/api/auth/login', LoginResponse, { method: 'POST', body });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await apiCallNoContent('/api/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  return apiCallNoContent('/api/me/password', { method: 'POST', body });
}

export function listTokens(): Promise<ApiToken[]> {
  return apiCall('/api/me/tokens', z.array(ApiToken));
}

export function createToken(body: ApiTokenCreate): Promise<ApiTokenCreated> {
  return apiCall('/api/me/tokens', ApiTokenCreated, { method: 'POST', body });
}

export function revokeToken(id: string): Promise<void> {
  return apiCallNoContent(`/api/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export const SignInRecord = z.object({ at: z.string(), success: z.boolean(), ip: z.string().nullable() });
export type SignInRecord = z.infer<typeof SignInRecord>;

/** My 20 most recent sign-ins and failed attempts. */
export function listSignIns(): Promise<SignInRecord[]> {
  return apiCall('/api/me/sign-ins', z.array(SignInRecord));
}

/** Ends every session of mine, this one included. */
export async function signOutEverywhere(): Promise<void> {
  try {
    await apiCall('/api/auth/logout-all', z.object({ ended: z.number().int() }), { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}
