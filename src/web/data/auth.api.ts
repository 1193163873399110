import { z } from 'zod';
import {
  ApiToken,
  ApiTokenCreated,
  LoginResponse,
  SessionResponse,
  type ApiTokenCreate,
  type LoginBody,
} from '../../shared/api/auth.schema.js';
import { MfaChallenge } from '../../shared/api/security.schema.js';
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

/** The answer to a password: a session, or (202) a challenge for the second factor. */
export type SignInResult = LoginResponse | MfaChallenge;

/** Whether the password was enough, or a second factor must follow (SEC-1). */
export function isMfaChallenge(result: SignInResult): result is MfaChallenge {
  return 'mfaRequired' in result;
}

export async function signIn(body: LoginBody): Promise<SignInResult> {
  const result = await apiCall('/api/auth/login', z.union([LoginResponse, MfaChallenge]), { method: 'POST', body });
  if (!isMfaChallenge(result)) setCsrfToken(result.csrfToken);
  return result;
}

/** Completes a sign-in with the authenticator's code or a recovery code. */
export async function signInWithCode(body: { challenge: string; code: string }): Promise<LoginResponse> {
  const session = await apiCall('/api/auth/login/mfa', LoginResponse, { method: 'POST', body });
  setCsrfToken(session.csrfToken);
  return session;
}

/** Asks for a reset link by mail; the answer is the same whether or not the account exists. */
export function requestPasswordReset(username: string): Promise<void> {
  return apiCallNoContent('/api/auth/password-reset', { method: 'POST', body: { username } });
}

/** Sets a new password with the token from the mailed link. */
export function confirmPasswordReset(body: { token: string; newPassword: string }): Promise<void> {
  return apiCallNoContent('/api/auth/password-reset/confirm', { method: 'POST', body });
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
