import { MfaSetup, MfaStatus, RecoveryCodes } from '../../shared/api/security.schema.js';
import { apiCall, apiCallNoContent } from './client.js';

/** My second factor (SEC-1): whether it is on, and how many recovery codes are left. */
export function getMfaStatus(): Promise<MfaStatus> {
  return apiCall('/api/me/mfa', MfaStatus);
}

/** Starts enrolment: a new secret, to be confirmed with a code before it counts. */
export function startMfaSetup(): Promise<MfaSetup> {
  return apiCall('/api/me/mfa/setup', MfaSetup, { method: 'POST', body: {} });
}

/** Confirms enrolment with a code from the app; answers with the recovery codes, shown once. */
export async function enableMfa(code: string): Promise<string[]> {
  return (await apiCall('/api/me/mfa/enable', RecoveryCodes, { method: 'POST', body: { code } })).recoveryCodes;
}

/** Replaces every recovery code; the old ones stop working. */
export async function renewRecoveryCodes(code: string): Promise<string[]> {
  return (await apiCall('/api/me/mfa/recovery-codes', RecoveryCodes, { method: 'POST', body: { code } })).recoveryCodes;
}

/** Turns the second factor off (409 when the agency requires it of me). */
export function disableMfa(password: string): Promise<void> {
  return apiCallNoContent('/api/me/mfa/disable', { method: 'POST', body: { password } });
}
