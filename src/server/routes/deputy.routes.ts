import { z } from 'zod';
import { IdParams, Problem } from '../../shared/api/common.schema.js';
import { DeputyCandidate, DeputyCandidateQuery, Deputyship, DeputyshipCreate } from '../../shared/api/deputy.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import { presentDeputyship } from '../deputy-presenters.js';
import type { App, RouteDeps } from './types.js';

const tags = ['organisation'];

/** Deputies (ORG-3, 職務代理人). */
export function deputyRoutes(app: App, deps: RouteDeps): void {
  const { deputies } = deps;

  app.get(
    '/api/deputies',
    {
      schema: {
        tags,
        summary: 'Deputyships: all (administrators) or those where the caller is the principal or the deputy',
        response: { 200: z.array(Deputyship) },
      },
    },
    async (request) => (await deputies.list(actorOf(request))).map(presentDeputyship),
  );

  app.post(
    '/api/deputies',
    {
      schema: {
        tags,
        summary: 'Appoint a deputy for one role of its holder, for a period of at most a year',
        body: DeputyshipCreate,
        response: { 201: Deputyship, 400: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentDeputyship(await deputies.appoint(actorOf(request), request.body, originOf(request)))),
  );

  app.delete(
    '/api/deputies/:id',
    {
      schema: {
        tags,
        summary: 'End a deputyship now (administrators, the principal)',
        params: IdParams,
        response: { 204: z.null(), 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await deputies.revoke(actorOf(request), request.params.id, originOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/deputies/candidates',
    {
      schema: {
        tags,
        summary: 'Staff accounts a deputy may be chosen from (administrators and holders of a role others may act in)',
        querystring: DeputyCandidateQuery,
        response: { 200: z.array(DeputyCandidate), 403: Problem },
      },
    },
    async (request) => deputies.candidates(actorOf(request), request.query.q || undefined),
  );
}
