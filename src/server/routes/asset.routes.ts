import { z } from 'zod';
import {
  AssetCreate,
  AssetDetail,
  AssetListQuery,
  AssetPage,
  AssetRelationCreate,
  AssetRelationParams,
  AssetUpdate,
  RequestAssetLink,
  RequestAssetParams,
  RequestAssets,
} from '../../shared/api/asset.schema.js';
import { IdParams, Problem } from '../../shared/api/common.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import { presentAssetDetail, presentAssetSummary, presentRequestAssets } from '../asset-presenters.js';
import type { App, RouteDeps } from './types.js';

const tags = ['assets'];

/** The asset register (issue 6, ITSM-3): items, their relations, and the requests pointing at them. */
export function assetRoutes(app: App, deps: RouteDeps): void {
  const { assets } = deps;

  app.get(
    '/api/assets',
    {
      schema: {
        tags,
        summary: 'Items of the asset register the caller may see, by asset number, filtered and paged',
        querystring: AssetListQuery,
        response: { 200: AssetPage },
      },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await assets.list(
        actorOf(request),
        { text: q.q || undefined, statuses: q.status, kind: q.kind, unitId: q.unitId },
        { page: q.page, pageSize: q.pageSize },
      );
      return { items: rows.map(presentAssetSummary), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/api/assets',
    {
      schema: {
        tags,
        summary: 'Enter an item by hand (data-centre administrator, asset-register keeper)',
        body: AssetCreate,
        response: { 201: AssetDetail, 400: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await assets.create(actor, request.body, originOf(request));
      return reply
        .code(201)
        .header('location', `/api/assets/${id}`)
        .send(presentAssetDetail(await assets.get(actor, id)));
    },
  );

  app.get(
    '/api/assets/:id',
    {
      schema: {
        tags,
        summary: 'An item with its relations, history and the requests pointing at it',
        params: IdParams,
        response: { 200: AssetDetail, 404: Problem },
      },
    },
    async (request) => presentAssetDetail(await assets.get(actorOf(request), request.params.id)),
  );

  app.patch(
    '/api/assets/:id',
    {
      schema: {
        tags,
        summary: 'Change an item: rack place, addresses, name, software, make, attributes (recorded field by field)',
        params: IdParams,
        body: AssetUpdate,
        response: { 200: AssetDetail, 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await assets.update(actor, request.params.id, request.body, originOf(request));
      return presentAssetDetail(await assets.get(actor, request.params.id));
    },
  );

  app.post(
    '/api/assets/:id/relations',
    {
      schema: {
        tags,
        summary: 'Relate this item to another: runs on, connected to, depends on, part of',
        params: IdParams,
        body: AssetRelationCreate,
        response: { 201: AssetDetail, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      await assets.relate(actor, id, request.body.toAssetId, request.body.kind, originOf(request));
      return reply.code(201).send(presentAssetDetail(await assets.get(actor, id)));
    },
  );

  app.delete(
    '/api/assets/:id/relations/:toAssetId/:kind',
    {
      schema: {
        tags,
        summary: 'Remove a relation from this item to another',
        params: AssetRelationParams,
        response: { 204: z.null(), 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { id, toAssetId, kind } = request.params;
      await assets.unrelate(actorOf(request), id, toAssetId, kind, originOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/requests/:id/assets',
    {
      schema: {
        tags,
        summary: 'The items of the asset register a request or incident points at',
        params: IdParams,
        response: { 200: RequestAssets, 404: Problem },
      },
    },
    async (request) => presentRequestAssets(await assets.requestAssets(actorOf(request), request.params.id)),
  );

  app.post(
    '/api/requests/:id/assets',
    {
      schema: {
        tags,
        summary: 'Point a request or incident at an item (201; 200 when it already did)',
        params: IdParams,
        body: RequestAssetLink,
        response: { 200: RequestAssets, 201: RequestAssets, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const added = await assets.link(actor, id, request.body.assetId, originOf(request));
      return reply.code(added ? 201 : 200).send(presentRequestAssets(await assets.requestAssets(actor, id)));
    },
  );

  app.delete(
    '/api/requests/:id/assets/:assetId',
    {
      schema: {
        tags,
        summary: 'Point a request no longer at an item',
        params: RequestAssetParams,
        response: { 204: z.null(), 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await assets.unlink(actorOf(request), request.params.id, request.params.assetId, originOf(request));
      return reply.code(204).send(null);
    },
  );
}
