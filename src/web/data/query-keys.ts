import type { AssetListQuery } from '../../shared/api/asset.schema.js';
import type { RequestListQuery } from '../../shared/api/request.schema.js';

/** React Query keys, in one place so that invalidation cannot miss a spelling. */
export const queryKeys = {
  session: ['session'] as const,
  units: ['units'] as const,
  users: (filter: { role?: string; q?: string } = {}) => ['users', filter] as const,
  allUsers: ['users'] as const,
  user: (id: string) => ['users', 'detail', id] as const,
  holdings: (id: string) => ['users', 'holdings', id] as const,
  mfa: ['me', 'mfa'] as const,
  accountRequests: ['account-requests'] as const,
  accountRequestList: (status: string) => ['account-requests', 'list', status] as const,
  accountReviews: ['account-reviews'] as const,
  accountReview: (id: string) => ['account-reviews', 'detail', id] as const,
  tokens: ['me', 'tokens'] as const,
  requests: ['requests'] as const,
  requestPage: (query: RequestListQuery) => ['requests', 'page', query] as const,
  request: (id: string) => ['requests', 'detail', id] as const,
  notifications: ['notifications'] as const,
  notificationList: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  unreadCount: ['notifications', 'unread'] as const,
  preferences: ['me', 'notification-preferences'] as const,
  signIns: ['me', 'sign-ins'] as const,
  serviceLevels: (params: { from: string; to: string; groupBy: string }) =>
    ['reports', 'service-levels', params] as const,
  settings: (name: string) => ['settings', name] as const,
  calendarSources: ['calendar', 'sources'] as const,
  calendarYear: (year: number) => ['calendar', 'year', year] as const,
  outbox: ['admin', 'outbox'] as const,
  requestTypes: ['request-types'] as const,
  definitionVersions: (type: string) => ['request-types', 'versions', type] as const,
  /** One type at a version (a request's own), or at the current one. */
  requestType: (type: string, version: number | null) =>
    ['request-types', 'detail', type, version ?? 'current'] as const,
  audit: (search: { from: string; to: string; action: string }) => ['audit', search] as const,
  /** Issue 6: the asset register and the items a request points at. */
  assets: ['assets'] as const,
  assetPage: (query: AssetListQuery) => ['assets', 'page', query] as const,
  asset: (id: string) => ['assets', 'detail', id] as const,
  requestAssets: (requestId: string) => ['assets', 'of-request', requestId] as const,
  /** ORG-3: deputyships and the people a deputy may be chosen from. */
  deputies: ['deputies'] as const,
  deputyCandidates: (q: string) => ['deputies', 'candidates', q] as const,
};
