import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import type { AccountService, AuthenticatedActor } from '../services/account.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller; null only on routes marked `public`. */
    actor: AuthenticatedActor | null;
    /** The raw session secret from the cookie, when signed in by cookie. */
    sessionSecret: string | null;
  }
  interface FastifyContextConfig {
    /** Routes are closed by default; `public: true` opens one to callers who are not signed in. */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'govdesk_session';
/** What a user who must change their password may still do (004 參: change a default password at first use). */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/me',
  'GET /api/auth/session',
  'POST /api/me/password',
  'POST /api/auth/logout',
  'GET /api/settings/password-policy',
]);
/** What an administrator who must enrol a second factor may still do (issue 5). */
const ALLOWED_BEFORE_MFA_ENROLMENT = new Set([
  ...ALLOWED_BEFORE_PASSWORD_CHANGE,
  'GET /api/me/mfa',
  'POST /api/me/mfa/setup',
  'POST /api/me/mfa/enable',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the caller of every /api request from a Bearer token or the session cookie, refuses
 * routes that need a caller when there is none (401), and requires the CSRF token on state
 * changes made with the cookie. Runs before validation, so anonymous callers learn nothing.
 */
export function registerAuthentication(app: FastifyInstance, accounts: AccountService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionSecret', null);

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      request.actor = match?.[1] ? await accounts.fromToken(match[1]) : null;
      if (!request.actor)
        throw new DomainError('unauthenticated', {
          detail: { en: 'The API token is invalid or expired', zh: 'API 權杖無效或已過期' },
        });
    } else {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) {
        request.actor = await accounts.fromSession(secret);
        if (request.actor) request.sessionSecret = secret;
      }
    }
    // The API documentation pages are public like the OpenAPI document they show.
    if (request.routeOptions.config.public || request.routeOptions.url?.startsWith('/api/docs')) return;
    if (!request.actor) throw new DomainError('unauthenticated');
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    if (request.actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(route)) {
      throw new DomainError('password_change_required');
    }
    if (request.actor.mustEnrolMfa && !ALLOWED_BEFORE_MFA_ENROLMENT.has(route)) {
      throw new DomainError('mfa_enrolment_required');
    }
    if (request.actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.actor.csrfToken || !sameSecret(sent, request.actor.csrfToken)) {
        throw new DomainError('csrf_failed');
      }
    }
  });
}

/** The caller of a route that is not public; the hook above guarantees there is one. */
export function actorOf(request: FastifyRequest): AuthenticatedActor {
  if (!request.actor) throw new DomainError('unauthenticated');
  return request.actor;
}

export function originOf(request: FastifyRequest) {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}
