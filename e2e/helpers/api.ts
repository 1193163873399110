import type { Page } from 'playwright-core';
import * as OTPAuth from 'otpauth';

/** Calls the API with the page's session and its CSRF token: quick set-up data for a test. */
export async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  return apiSend<T>(page, 'POST', path, body);
}

/** Like apiPost, with any method that changes something. */
export async function apiSend<T>(
  page: Page,
  method: 'POST' | 'PUT' | 'PATCH',
  path: string,
  body: unknown,
): Promise<T> {
  const session = await page.request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(path, { method, data: body, headers: { 'X-CSRF-Token': csrfToken } });
  if (!response.ok()) throw new Error(`${method} ${path} failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The id of a unit by its Chinese name. */
export async function unitId(page: Page, name: string): Promise<string> {
  const units = (await (await page.request.get('/api/units')).json()) as { id: string; name: string }[];
  const unit = units.find((u) => u.name === name);
  if (!unit) throw new Error(`No unit ${name}`);
  return unit.id;
}

/**
 * The code an authenticator app shows for a base32 secret, `steps` 30-second steps from now. Each
 * code works once: the next sign-in after enrolment uses the next step (the server allows one step
 * of clock drift).
 */
export function totpCode(secret: string, steps = 0): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
}
