import { z } from 'zod';
import {
  AccountRequest,
  AccountRequestCreate,
  AccountRequestDecision,
  AccountRequestListQuery,
} from '../../shared/api/account-request.schema.js';
import { IdParams, Problem } from '../../shared/api/common.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import { presentAccountRequest } from '../presenters.js';
import type { App, RouteDeps } from './types.js';

/** Account requests (SEC-2): asked for by staff, approved by the supervisor, created by an administrator. */
export function accountRequestRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/account-requests',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Account requests I filed, may decide, or (administrators) all',
        querystring: AccountRequestListQuery,
        response: { 200: z.array(AccountRequest) },
      },
    },
    async (request) =>
      (await deps.accountRequests.list(actorOf(request), request.query.status)).map(presentAccountRequest),
  );

  app.post(
    '/api/account-requests',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Ask for an account with roles for units, saying why (agency staff)',
        body: AccountRequestCreate,
        response: { 201: AccountRequest, 400: Problem, 403: Problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentAccountRequest(await deps.accountRequests.create(actorOf(request), request.body, originOf(request))),
        ),
  );

  app.post(
    '/api/account-requests/:id/decision',
    {
      schema: {
        tags: ['organisation'],
        summary: "Approve or refuse: the unit supervisor's step, then the administrator's, who creates the account",
        params: IdParams,
        body: AccountRequestDecision,
        response: { 200: AccountRequest, 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) =>
      presentAccountRequest(
        await deps.accountRequests.decide(actorOf(request), request.params.id, request.body, originOf(request)),
      ),
  );
}
