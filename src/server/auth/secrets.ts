import { createHash, randomBytes } from 'node:crypto';

/** A fresh random secret, URL-safe. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Sessions and API tokens are stored as SHA-256 of their secret: a database leak gives no access. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Personal API tokens carry a recognisable prefix so that secret scanners can find leaked ones. */
export const API_TOKEN_PREFIX = 'gdk_';
