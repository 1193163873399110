import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  Me,
  SessionResponse,
} from '../../shared/api/auth.schema.js';
import { IdParams, Problem } from '../../shared/api/common.schema.js';
import { actorOf, originOf, SESSION_COOKIE } from '../plugins/authentication.js';
import { presentMe, presentToken } from '../presenters.js';
import { MfaChallenge, MfaLoginBody } from '../../shared/api/security.schema.js';
import { PasswordPolicySchema, type LoginOutcome } from '../services/account.service.js';
import type { Actor } from '../../domain/policies.js';
import type { App, RouteDeps } from './types.js';

/** Sign-in and sign-out, the caller's own account, and personal API tokens. */
export function authRoutes(app: App, deps: RouteDeps): void {
  const meOf = async (actor: Actor) => {
    const p = await deps.accounts.profile(actor);
    return presentMe(actor, p.user, p.unitName, p.roles, p);
  };
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.secureCookies,
  };
  const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions);
  const answerLogin = async (reply: FastifyReply, outcome: LoginOutcome) => {
    if (outcome.kind === 'second_factor') {
      return reply
        .code(202)
        .send({ mfaRequired: true as const, challenge: outcome.challenge, expiresAt: outcome.expiresAt.toISOString() });
    }
    reply.setCookie(SESSION_COOKIE, outcome.secret, cookieOptions);
    return reply.code(200).send({ user: await meOf(outcome.actor), csrfToken: outcome.csrfToken });
  };

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in; sets the session cookie and returns the CSRF token for state changes, or (202) asks for the second factor',
        body: LoginBody,
        response: { 200: LoginResponse, 202: MfaChallenge, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) =>
      answerLogin(reply, await deps.accounts.login(request.body.username, request.body.password, originOf(request))),
  );

  app.post(
    '/api/auth/login/mfa',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Second step of a sign-in: the code from the authenticator app, or a recovery code',
        body: MfaLoginBody,
        response: { 200: LoginResponse, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) =>
      answerLogin(
        reply,
        await deps.accounts.loginWithSecondFactor(request.body.challenge, request.body.code, originOf(request)),
      ),
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.sessionSecret) await deps.accounts.logout(request.sessionSecret, actorOf(request), originOf(request));
      clearSession(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere: end every session of mine',
        response: { 200: z.object({ ended: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const ended = await deps.accounts.logoutEverywhere(actorOf(request), originOf(request));
      clearSession(reply);
      return { ended };
    },
  );

  app.get(
    '/api/me/sign-ins',
    {
      schema: {
        tags: ['auth'],
        summary: 'My 20 most recent sign-ins and failed attempts',
        response: { 200: z.array(z.object({ at: z.string(), success: z.boolean(), ip: z.string().nullable() })) },
      },
    },
    async (request) =>
      (await deps.accounts.signIns(actorOf(request))).map((r) => ({
        at: r.at.toISOString(),
        success: r.action === 'auth.login',
        ip: r.ip,
      })),
  );

  app.get(
    '/api/settings/password-policy',
    {
      schema: {
        tags: ['auth'],
        summary: 'The password policy (004 參 defaults)',
        response: { 200: PasswordPolicySchema },
      },
    },
    async () => deps.accounts.passwordPolicy(),
  );

  app.put(
    '/api/settings/password-policy',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the password policy (administrators)',
        body: PasswordPolicySchema,
        response: { 200: PasswordPolicySchema, 400: Problem, 403: Problem },
      },
    },
    async (request) => deps.accounts.setPasswordPolicy(actorOf(request), request.body, originOf(request)),
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The current session: who is signed in and the CSRF token (null for API tokens)',
        response: { 200: SessionResponse, 401: Problem },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { user: await meOf(actor), csrfToken: actor.csrfToken };
    },
  );

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Me } } },
    async (request) => meOf(actorOf(request)),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: ChangePasswordBody,
        response: { 204: z.null(), 400: Problem },
      },
    },
    async (request, reply) => {
      await deps.accounts.changePassword(
        actorOf(request),
        request.body.currentPassword,
        request.body.newPassword,
        originOf(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/tokens',
    { schema: { tags: ['auth'], summary: 'My personal API tokens', response: { 200: z.array(ApiToken) } } },
    async (request) => (await deps.accounts.listTokens(actorOf(request))).map(presentToken),
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a personal API token for integrations (Bearer; no CSRF token needed)',
        body: ApiTokenCreate,
        response: { 201: ApiTokenCreated },
      },
    },
    async (request, reply) => {
      const { row, token } = await deps.accounts.createToken(
        actorOf(request),
        request.body.name,
        request.body.expiresInDays,
        originOf(request),
      );
      return reply.code(201).send({ ...presentToken(row), token });
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of my API tokens',
        params: IdParams,
        response: { 204: z.null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await deps.accounts.revokeToken(actorOf(request), request.params.id, originOf(request));
      return reply.code(204).send(null);
    },
  );
}
