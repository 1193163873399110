import { z } from 'zod';
import { IdParams, Problem } from '../../shared/api/common.schema.js';
import {
  MfaCodeBody,
  MfaDisableBody,
  MfaSetup,
  MfaStatus,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  RecoveryCodes,
  SecuritySettings,
} from '../../shared/api/security.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import type { App, RouteDeps } from './types.js';

/** The second factor, password reset by mail, and the agency's account-security settings (issue 5). */
export function securityRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/me/mfa',
    {
      schema: {
        tags: ['auth'],
        summary: 'My second factor: on or off, recovery codes left',
        response: { 200: MfaStatus },
      },
    },
    async (request) => {
      const s = await deps.secondFactor.status(actorOf(request));
      return { ...s, enabledAt: s.enabledAt?.toISOString() ?? null };
    },
  );

  app.post(
    '/api/me/mfa/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app: a new secret and its otpauth:// URI',
        response: { 200: MfaSetup },
      },
    },
    async (request) => deps.secondFactor.setup(actorOf(request)),
  );

  app.post(
    '/api/me/mfa/enable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turn the second factor on with a code from the app; returns the recovery codes once',
        body: MfaCodeBody,
        response: { 200: RecoveryCodes, 400: Problem },
      },
    },
    async (request) => ({
      recoveryCodes: await deps.secondFactor.enable(actorOf(request), request.body.code, originOf(request)),
    }),
  );

  app.post(
    '/api/me/mfa/recovery-codes',
    {
      schema: {
        tags: ['auth'],
        summary: 'Replace my recovery codes (needs a current code)',
        body: MfaCodeBody,
        response: { 200: RecoveryCodes, 400: Problem, 409: Problem },
      },
    },
    async (request) => ({
      recoveryCodes: await deps.secondFactor.regenerateRecoveryCodes(
        actorOf(request),
        request.body.code,
        originOf(request),
      ),
    }),
  );

  app.post(
    '/api/me/mfa/disable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turn my second factor off (with my password); refused when it is required for me',
        body: MfaDisableBody,
        response: { 204: z.null(), 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await deps.secondFactor.disable(actorOf(request), request.body.password, originOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/mfa/reset',
    {
      schema: {
        tags: ['organisation'],
        summary: "Remove someone's second factor so they can enrol again (administrators)",
        params: IdParams,
        response: { 204: z.null(), 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await deps.secondFactor.resetFor(actorOf(request), request.params.id, originOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link by mail; the answer never says whether the account exists',
        body: PasswordResetRequestBody,
        response: { 202: z.object({ accepted: z.literal(true) }), 429: Problem },
      },
    },
    async (request, reply) => {
      await deps.passwordResets.request(request.body.username, originOf(request));
      return reply.code(202).send({ accepted: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the mailed link (works once, for a limited time)',
        body: PasswordResetConfirmBody,
        response: { 204: z.null(), 400: Problem },
      },
    },
    async (request, reply) => {
      await deps.passwordResets.confirm(request.body.token, request.body.newPassword, originOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/settings/security',
    {
      schema: {
        tags: ['auth'],
        summary: 'Account and audit settings (administrators, auditors)',
        response: { 200: SecuritySettings, 403: Problem },
      },
    },
    async (request) => deps.securitySettings.read(actorOf(request)),
  );

  app.put(
    '/api/settings/security',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the account and audit settings (administrators)',
        body: SecuritySettings,
        response: { 200: SecuritySettings, 400: Problem, 403: Problem },
      },
    },
    async (request) => deps.securitySettings.put(actorOf(request), request.body, originOf(request)),
  );
}
