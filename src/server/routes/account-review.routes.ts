import { z } from 'zod';
import {
  AccountReviewDetail,
  AccountReviewItem,
  AccountReviewSummary,
  ReviewDecisionBody,
  ReviewItemParams,
} from '../../shared/api/account-review.schema.js';
import { IdParams, Problem } from '../../shared/api/common.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import { presentReviewDetail, presentReviewItem, presentReviewSummary } from '../presenters.js';
import type { App, RouteDeps } from './types.js';

/** The six-monthly account review (SEC-2). */
export function accountReviewRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/account-reviews',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Account reviews: all (administrators, auditors) or those with accounts I review',
        response: { 200: z.array(AccountReviewSummary), 403: Problem },
      },
    },
    async (request) => (await deps.accountReviews.list(actorOf(request))).map(presentReviewSummary),
  );

  app.post(
    '/api/account-reviews',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Open an account review now (administrators; the schedule opens one every six months)',
        response: { 201: AccountReviewDetail, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentReviewDetail(await deps.accountReviews.openNow(actorOf(request), originOf(request)))),
  );

  app.get(
    '/api/account-reviews/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'One review with the accounts the caller may see, for deciding and for the printed report',
        params: IdParams,
        response: { 200: AccountReviewDetail, 403: Problem, 404: Problem },
      },
    },
    async (request) => presentReviewDetail(await deps.accountReviews.detail(actorOf(request), request.params.id)),
  );

  app.post(
    '/api/account-reviews/:id/items/:itemId',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Keep or revoke one account (its reviewer); revoking disables it at once',
        params: ReviewItemParams,
        body: ReviewDecisionBody,
        response: { 200: AccountReviewItem, 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) =>
      presentReviewItem(
        await deps.accountReviews.decide(
          actorOf(request),
          request.params.id,
          request.params.itemId,
          request.body,
          originOf(request),
        ),
      ),
  );
}
