import { z } from 'zod';
import { Problem } from '../../shared/api/common.schema.js';
import {
  DefinitionVersion,
  RequestTypeInfo,
  TypeParams,
  VersionQuery,
  WebContentRouting,
  WorkflowUnits,
} from '../../shared/api/workflow.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import { presentRequestType } from '../presenters.js';
import type { App, RouteDeps } from './types.js';

/** The request-type catalogue and the administrators' definition versions (issue 3). */
export function workflowRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/request-types',
    {
      // Public: the vendor application page (TYPE-7) shows its form to companies without an account.
      config: { public: true },
      schema: {
        tags: ['workflows'],
        summary: 'The request types, each with its form as JSON Schema and its flow as a graph',
        response: { 200: z.array(RequestTypeInfo) },
      },
    },
    async () => (await deps.workflows.list()).map(presentRequestType),
  );

  app.get(
    '/api/request-types/:type',
    {
      config: { public: true },
      schema: {
        tags: ['workflows'],
        summary: 'One request type (its current version, or `version`)',
        params: TypeParams,
        querystring: VersionQuery,
        response: { 200: RequestTypeInfo, 404: Problem },
      },
    },
    async (request) => presentRequestType(await deps.workflows.find(request.params.type, request.query.version)),
  );

  app.get(
    '/api/request-types/:type/versions',
    {
      schema: {
        tags: ['workflows'],
        summary: 'The published versions of a type, newest first (administrators)',
        params: TypeParams,
        response: { 200: z.array(DefinitionVersion), 403: Problem },
      },
    },
    async (request) =>
      (await deps.workflows.versions(actorOf(request), request.params.type)).map((v) => ({
        type: v.type,
        version: v.version,
        createdAt: v.created_at.toISOString(),
        createdByName: v.created_by_name,
        requests: v.requests,
        current: v.current,
      })),
  );

  app.get(
    '/api/request-types/:type/definition',
    {
      schema: {
        tags: ['workflows'],
        summary: 'Download a version of the definition as JSON (administrators)',
        params: TypeParams,
        querystring: VersionQuery,
        response: { 200: z.record(z.string(), z.unknown()), 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const wf = await deps.workflows.exportDefinition(
        actorOf(request),
        request.params.type,
        request.query.version,
        originOf(request),
      );
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${wf.definition.type}.v${wf.definition.version}.json"`)
        .send(wf.definition);
    },
  );

  app.post(
    '/api/request-types/:type/definitions',
    {
      schema: {
        tags: ['workflows'],
        summary: 'Publish a new version of the definition (administrators); new requests use it',
        params: TypeParams,
        body: z.record(z.string(), z.unknown()),
        response: { 201: DefinitionVersion, 400: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const wf = await deps.workflows.importDefinition(actor, request.params.type, request.body, originOf(request));
      return reply.code(201).send({
        type: wf.definition.type,
        version: wf.definition.version,
        createdAt: new Date().toISOString(),
        createdByName: actor.displayName,
        requests: 0,
        current: true,
      });
    },
  );

  app.get(
    '/api/settings/workflow-units',
    {
      schema: {
        tags: ['workflows'],
        summary: 'The IT section that serves requests and the business unit that checks vendor applications',
        response: { 200: WorkflowUnits },
      },
    },
    async () => deps.workflows.units(),
  );

  app.put(
    '/api/settings/workflow-units',
    {
      schema: {
        tags: ['workflows'],
        summary: 'Set the service and business units of the workflows (administrators)',
        body: WorkflowUnits,
        response: { 200: WorkflowUnits, 400: Problem, 403: Problem },
      },
    },
    async (request) => deps.workflows.setUnits(actorOf(request), request.body, originOf(request)),
  );

  app.get(
    '/api/reference/web-content-routing',
    {
      schema: {
        tags: ['workflows'],
        summary: '附件二: which unit maintains each part of the website, and which have a back office (TYPE-4)',
        response: { 200: WebContentRouting },
      },
    },
    async () => ({ rows: await deps.workflows.webContentRouting() }),
  );

  app.put(
    '/api/reference/web-content-routing',
    {
      schema: {
        tags: ['workflows'],
        summary: 'Replace 附件二 (administrators); the change is audited',
        body: WebContentRouting,
        response: { 200: WebContentRouting, 400: Problem, 403: Problem },
      },
    },
    async (request) => ({
      rows: await deps.workflows.setWebContentRouting(actorOf(request), request.body.rows, originOf(request)),
    }),
  );
}
