import { z } from 'zod';
import {
  AccountReviewDetail,
  AccountReviewItem,
  AccountReviewSummary,
  type ReviewDecisionBody,
} from '../../shared/api/account-review.schema.js';
import { apiCall } from './client.js';

const reviewPath = (id: string) => `/api/account-reviews/${encodeURIComponent(id)}`;

/** The six-monthly account reviews (SEC-2), newest first. */
export function listAccountReviews(): Promise<AccountReviewSummary[]> {
  return apiCall('/api/account-reviews', z.array(AccountReviewSummary));
}

/** Opens a review now (administrators; 409 while one is open). */
export function openAccountReview(): Promise<AccountReviewDetail> {
  return apiCall('/api/account-reviews', AccountReviewDetail, { method: 'POST', body: {} });
}

/** A review with the items the caller may see. */
export function getAccountReview(id: string): Promise<AccountReviewDetail> {
  return apiCall(reviewPath(id), AccountReviewDetail);
}

/** Keeps or revokes one account (a note is required to revoke). */
export function decideReviewItem(id: string, itemId: string, body: ReviewDecisionBody): Promise<AccountReviewItem> {
  return apiCall(`${reviewPath(id)}/items/${encodeURIComponent(itemId)}`, AccountReviewItem, {
    method: 'POST',
    body,
  });
}
