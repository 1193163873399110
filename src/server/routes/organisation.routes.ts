import { z } from 'zod';
import { IdParams, Problem } from '../../shared/api/common.schema.js';
import {
  Holdings,
  OffboardBody,
  OffboardResult,
  Unit,
  UnitCreate,
  UserCreate,
  UserListQuery,
  UserSummary,
  UserUpdate,
} from '../../shared/api/organisation.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import { presentHoldings, presentUnit, presentUser } from '../presenters.js';
import type { App, RouteDeps } from './types.js';

/** The organisation tree (ORG-1) and accounts with roles scoped to units (ORG-2, ORG-3). */
export function organisationRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/units',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Every unit of the agency, as a flat list with parents',
        response: { 200: z.array(Unit) },
      },
    },
    async () => (await deps.organisation.listUnits()).map(presentUnit),
  );

  app.post(
    '/api/units',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Add a unit (administrators)',
        body: UnitCreate,
        response: { 201: Unit, 400: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const unit = await deps.organisation.createUnit(actorOf(request), request.body, originOf(request));
      return reply.code(201).send(presentUnit(unit));
    },
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Accounts with their roles (administrators, and staff who assign requests)',
        querystring: UserListQuery,
        response: { 200: z.array(UserSummary), 403: Problem },
      },
    },
    async (request) => (await deps.organisation.listUsers(actorOf(request), request.query)).map(presentUser),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Unlock an account locked by failed sign-ins (desk agents, administrators)',
        params: IdParams,
        response: { 204: z.null(), 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await deps.organisation.unlock(actorOf(request), request.params.id, originOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Create an account with roles, recording why (administrators)',
        body: UserCreate,
        response: { 201: UserSummary, 400: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await deps.organisation.createUser(actor, request.body, originOf(request));
      const [created] = await deps.organisation.listUsers(actor, { q: user.username });
      return reply.code(201).send(presentUser(created ?? { user, unitName: null, roles: [] }));
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'One account with its roles (administrators)',
        params: IdParams,
        response: { 200: UserSummary, 403: Problem, 404: Problem },
      },
    },
    async (request) => presentUser(await deps.users.get(actorOf(request), request.params.id)),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Change an account (administrators); every changed field is audited with its old and new value',
        params: IdParams,
        body: UserUpdate,
        response: { 200: UserSummary, 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) =>
      presentUser(await deps.users.update(actorOf(request), request.params.id, request.body, originOf(request))),
  );

  app.get(
    '/api/users/:id/holdings',
    {
      schema: {
        tags: ['organisation'],
        summary: 'What a person still holds: open requests, sessions, API tokens (administrators)',
        params: IdParams,
        response: { 200: Holdings, 403: Problem, 404: Problem },
      },
    },
    async (request) => presentHoldings(await deps.users.holdings(actorOf(request), request.params.id)),
  );

  app.post(
    '/api/users/:id/offboard',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Transfer (roles removed, new unit) or leave (account disabled); lists what the person still holds',
        params: IdParams,
        body: OffboardBody,
        response: { 200: OffboardResult, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const result = await deps.users.offboard(actorOf(request), request.params.id, request.body, originOf(request));
      return { user: presentUser(result), holdings: presentHoldings(result.holdings) };
    },
  );
}
