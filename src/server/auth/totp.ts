import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { secretHash } from './secrets.js';

/**
 * The second factor (SEC-1, issue 5): time-based one-time passwords of RFC 6238 (SHA-1, six
 * digits, 30-second steps, what every authenticator app speaks) and single-use recovery codes.
 */
const PERIOD_S = 30;
const ISSUER = 'GovDesk';

function totpOf(secret: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secret),
  });
}

/** A fresh 160-bit secret in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from a QR code. */
export function otpauthUri(secret: string, username: string): string {
  return totpOf(secret, username).toString();
}

/**
 * The step a code is valid for at `now` (one step of clock drift either way), or null. A code
 * whose step is not after `lastStep` was already used and is refused: each code works once.
 */
export function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_S) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code an authenticator shows at `now` (for tests and the enrolment check). */
export function currentCode(secret: string, now: Date): string {
  return totpOf(secret).generate({ timestamp: now.getTime() });
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes `xxxx-xxxx` (about 40 bits each), shown once and stored as hashes. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
    return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
  });
}

/** The stored form of a recovery code: case and the dash do not matter when typed. */
export function recoveryCodeHash(code: string): string {
  return secretHash(`recovery:${code.toLowerCase().replace(/-/g, '')}`);
}

export function isRecoveryCode(code: string): boolean {
  return !/^\d{6}$/.test(code.trim());
}
