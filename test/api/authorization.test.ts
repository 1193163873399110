import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { SHIPPED_CALENDAR_DIR } from '../../src/server/bootstrap.js';
import { ASSET_EDIT_ROLES, ASSET_READ_ALL_ROLES } from '../../src/domain/asset-policies.js';
import { assetRepository } from '../../src/db/repositories/asset.repository.js';
import { deputyRepository } from '../../src/db/repositories/deputy.repository.js';
import { NON_DEPUTISABLE_ROLES } from '../../src/shared/api/deputy.schema.js';
import { ROLES, type Role } from '../../src/shared/roles.js';
import { multipart, PASSWORD, TestApp, type Session } from '../helpers/test-app.js';

/**
 * Walks every API route with every role of ORG-2 and with an anonymous caller, and checks the
 * answer against the table below: who may do what is written down here once (docs/authorization.md
 * explains it in words). A route added without a line here fails the test.
 */
const calendarCsv = fs.readFileSync(`${SHIPPED_CALENDAR_DIR}/115年中華民國政府行政機關辦公日曆表.csv`);

const SEE_ALL: readonly Role[] = [
  'desk_agent',
  'it_officer',
  'it_chief',
  'onsite_manager',
  'vendor_engineer',
  'deputy_director_general',
  'director_general',
  'auditor',
  'admin',
];
const ASSIGN: readonly Role[] = ['desk_agent', 'it_officer', 'it_chief', 'onsite_manager', 'admin'];
const SUPERVISORS: readonly Role[] = ['section_chief', 'division_deputy', 'division_head'];
/** Issue 6: the asset register's readers of every item and its keepers; an item of the filer's unit. */
const ASSET_READERS = ASSET_READ_ALL_ROLES;
const ASSET_KEEPERS = ASSET_EDIT_ROLES;
const assetAnswer = (yes: number) => (role: Role) =>
  ASSET_KEEPERS.includes(role) ? yes : ASSET_READERS.includes(role) ? 403 : 404;
/** Who sees both the filer's request and the filer's unit's items, and may comment. */
const LINKERS = SEE_ALL.filter((r) => ASSET_READERS.includes(r));
/** Each keeper makes and removes a relation of its own kind, so that the walk's order does not matter. */
const RELATION_OF: Partial<Record<Role, string>> = {
  dc_admin: 'runs_on',
  asset_keeper: 'connected_to',
  admin: 'depends_on',
};

type Caller = Role | 'anonymous';
type Ctx = {
  requestId: string;
  attachmentId: string;
  filerId: string;
  reviewId: string;
  filerReviewItemId: string;
  accountRequestId: string;
  assets: AssetIds;
  deputyshipId: string;
  standInId: string;
  session: Session | null;
  role: Caller;
};
type AssetIds = {
  item: string;
  other: string;
  related: string;
  /** One item per role to link to the request, and one linked already to unlink. */
  toLink: Record<string, string>;
  toUnlink: Record<string, string>;
};
type Case = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  path: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  /** Sends a file as multipart/form-data: a small text file, or a calendar CSV. */
  upload?: 'text' | 'calendar';
  /** Signs in anew for this case (the case ends sessions). */
  freshSession?: boolean;
  /** Each caller comes from its own address (the route throttles per address). */
  ownAddress?: boolean;
  expect: (role: Role) => number;
  anonymous?: number;
};

const signedIn = (status: number) => () => status;
const only =
  (roles: readonly Role[], yes: number, no = 403) =>
  (role: Role) =>
    roles.includes(role) ? yes : no;
const seeing = (yes: number) => only(SEE_ALL, yes, 404);

const CASES: Case[] = [
  { method: 'GET', url: '/api/health', path: () => '/api/health', expect: signedIn(200), anonymous: 200 },
  { method: 'GET', url: '/api/openapi.json', path: () => '/api/openapi.json', expect: signedIn(200), anonymous: 200 },
  {
    method: 'POST',
    url: '/api/auth/login',
    path: () => '/api/auth/login',
    body: (c) => ({ username: `user-${c.role}`, password: c.role === 'anonymous' ? 'Wrong-pass-1!' : PASSWORD }),
    expect: signedIn(200),
    anonymous: 401,
  },
  { method: 'GET', url: '/api/auth/session', path: () => '/api/auth/session', expect: signedIn(200) },
  { method: 'GET', url: '/api/me', path: () => '/api/me', expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/password',
    path: () => '/api/me/password',
    body: () => ({ currentPassword: 'not-my-password', newPassword: 'Another-pass-1!' }),
    expect: signedIn(400),
  },
  { method: 'GET', url: '/api/me/tokens', path: () => '/api/me/tokens', expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/tokens',
    path: () => '/api/me/tokens',
    body: () => ({ name: 'ci' }),
    expect: signedIn(201),
  },
  {
    method: 'DELETE',
    url: '/api/me/tokens/:id',
    path: () => '/api/me/tokens/00000000-0000-4000-8000-000000000000',
    expect: signedIn(404),
  },
  { method: 'GET', url: '/api/units', path: () => '/api/units', expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/units',
    path: () => '/api/units',
    body: (c) => ({
      parentId: null,
      code: `new-${String(c.role).replaceAll('_', '-')}`,
      name: '新單位',
      nameEn: 'New unit',
      kind: 'division',
    }),
    expect: only(['admin'], 201),
  },
  { method: 'GET', url: '/api/users', path: () => '/api/users', expect: only([...ASSIGN, 'desk_agent', 'admin'], 200) },
  {
    method: 'POST',
    url: '/api/users',
    path: () => '/api/users',
    body: (c) => ({
      username: `created-by-${String(c.role).replaceAll('_', '-')}`,
      displayName: '新同仁',
      unitId: c.session?.user.unitId ?? '00000000-0000-4000-8000-000000000000',
      roles: [{ role: 'requester', unitId: null }],
      password: 'Initial-pass-1!',
      reason: '新進人員',
    }),
    expect: only(['admin'], 201),
  },
  {
    method: 'POST',
    url: '/api/requests',
    path: () => '/api/requests',
    body: (c) => ({
      unitId: c.session?.user.unitId ?? '00000000-0000-4000-8000-000000000000',
      applicantName: '申請人',
      applicantPhone: '1234',
      applicationDate: '2026-11-23',
      wishedDate: '2026-11-30',
      title: '權限測試',
      description: '權限測試',
    }),
    expect: (role) => (role === 'company_admin' ? 403 : 201),
  },
  { method: 'GET', url: '/api/requests', path: () => '/api/requests', expect: signedIn(200) },
  { method: 'GET', url: '/api/requests/:id', path: (c) => `/api/requests/${c.requestId}`, expect: seeing(200) },
  {
    method: 'GET',
    url: '/api/requests/:id/form.pdf',
    path: (c) => `/api/requests/${c.requestId}/form.pdf`,
    expect: seeing(200),
  },
  {
    // Issue 6: only a returned data-centre application has a return letter; the walk's request is not one.
    method: 'GET',
    url: '/api/requests/:id/return-letter.pdf',
    path: (c) => `/api/requests/${c.requestId}/return-letter.pdf`,
    expect: seeing(409),
  },
  {
    method: 'POST',
    url: '/api/requests/:id/comments',
    path: (c) => `/api/requests/${c.requestId}/comments`,
    body: () => ({ body: '意見' }),
    expect: seeing(201),
  },
  {
    method: 'POST',
    url: '/api/requests/:id/assign',
    path: (c) => `/api/requests/${c.requestId}/assign`,
    body: () => ({ assigneeId: null }),
    expect: (role) => (ASSIGN.includes(role) ? 200 : SEE_ALL.includes(role) ? 403 : 404),
  },
  {
    method: 'POST',
    url: '/api/requests/:id/attachments',
    path: (c) => `/api/requests/${c.requestId}/attachments`,
    upload: 'text',
    expect: seeing(201),
  },
  {
    method: 'GET',
    url: '/api/requests/:id/attachments/:attachmentId',
    path: (c) => `/api/requests/${c.requestId}/attachments/${c.attachmentId}`,
    expect: seeing(200),
  },
  {
    // Only the uploader withdraws a file (the filer here, who is none of these roles).
    method: 'DELETE',
    url: '/api/requests/:id/attachments/:attachmentId',
    path: (c) => `/api/requests/${c.requestId}/attachments/${c.attachmentId}`,
    expect: seeing(403),
  },
  {
    method: 'GET',
    url: '/api/calendar/add',
    path: () => '/api/calendar/add?start=2026-11-23T08:30:00%2B08:00&duration=PT2H',
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/calendar/between',
    path: () => '/api/calendar/between?from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z',
    expect: signedIn(200),
  },
  { method: 'GET', url: '/api/calendar/days', path: () => '/api/calendar/days?year=2026', expect: signedIn(200) },
  { method: 'GET', url: '/api/calendar/sources', path: () => '/api/calendar/sources', expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/calendar/imports',
    path: () => '/api/calendar/imports',
    upload: 'calendar',
    expect: only(['admin'], 201),
  },
  { method: 'GET', url: '/api/settings/office-hours', path: () => '/api/settings/office-hours', expect: signedIn(200) },
  {
    method: 'PUT',
    url: '/api/settings/office-hours',
    path: () => '/api/settings/office-hours',
    body: () => ({
      periods: [
        { start: '08:30', end: '12:30' },
        { start: '13:30', end: '17:30' },
      ],
    }),
    expect: only(['admin'], 200),
  },
  { method: 'GET', url: '/api/audit', path: () => '/api/audit?action=auth.', expect: only(['auditor', 'admin'], 200) },
  { method: 'GET', url: '/api/audit/verify', path: () => '/api/audit/verify', expect: only(['auditor', 'admin'], 200) },
  {
    // Only the requester may withdraw: everyone else who sees the request is refused.
    method: 'POST',
    url: '/api/requests/:id/actions/:action',
    path: (c) => `/api/requests/${c.requestId}/actions/withdraw`,
    body: () => ({}),
    expect: seeing(403),
  },
  { method: 'GET', url: '/api/notifications', path: () => '/api/notifications', expect: signedIn(200) },
  {
    method: 'GET',
    url: '/api/notifications/unread-count',
    path: () => '/api/notifications/unread-count',
    expect: signedIn(200),
  },
  {
    method: 'POST',
    url: '/api/notifications/read',
    path: () => '/api/notifications/read',
    body: () => ({}),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/me/notification-preferences',
    path: () => '/api/me/notification-preferences',
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    url: '/api/me/notification-preferences',
    path: () => '/api/me/notification-preferences',
    body: () => ({ preferences: [{ kind: 'sla_chase', byMail: false }] }),
    expect: signedIn(200),
  },
  { method: 'GET', url: '/api/admin/outbox', path: () => '/api/admin/outbox', expect: only(['admin'], 200) },
  { method: 'GET', url: '/api/settings/sla', path: () => '/api/settings/sla', expect: signedIn(200) },
  {
    method: 'PUT',
    url: '/api/settings/sla',
    path: () => '/api/settings/sla',
    body: () => ({ warningThresholds: [0.75, 0.9], chaseIntervalMinutes: 120 }),
    expect: only(['admin'], 200),
  },
  {
    method: 'GET',
    url: '/api/reports/service-levels',
    path: () => '/api/reports/service-levels?from=2026-11-01&to=2026-11-30',
    expect: only(SEE_ALL, 200),
  },
  { method: 'GET', url: '/api/me/sign-ins', path: () => '/api/me/sign-ins', expect: signedIn(200) },
  {
    method: 'GET',
    url: '/api/settings/password-policy',
    path: () => '/api/settings/password-policy',
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    url: '/api/settings/password-policy',
    path: () => '/api/settings/password-policy',
    body: () => ({
      minLength: 8,
      requireUpper: true,
      requireLower: true,
      requireDigit: true,
      requireSymbol: true,
      maxAgeDays: 90,
      historyCount: 3,
      lockoutThreshold: 3,
    }),
    expect: only(['admin'], 200),
  },
  {
    method: 'POST',
    url: '/api/users/:id/unlock',
    path: (c) => `/api/users/${c.filerId}/unlock`,
    body: () => ({}),
    expect: only(['desk_agent', 'admin'], 204),
  },
  {
    method: 'POST',
    url: '/api/auth/login/mfa',
    path: () => '/api/auth/login/mfa',
    body: () => ({ challenge: 'x'.repeat(43), code: '123456' }),
    expect: signedIn(401),
    anonymous: 401,
  },
  { method: 'GET', url: '/api/me/mfa', path: () => '/api/me/mfa', expect: signedIn(200) },
  { method: 'POST', url: '/api/me/mfa/setup', path: () => '/api/me/mfa/setup', expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/mfa/enable',
    path: () => '/api/me/mfa/enable',
    body: () => ({ code: '000000' }),
    expect: signedIn(400),
  },
  {
    method: 'POST',
    url: '/api/me/mfa/recovery-codes',
    path: () => '/api/me/mfa/recovery-codes',
    body: () => ({ code: '000000' }),
    expect: signedIn(409),
  },
  {
    method: 'POST',
    url: '/api/me/mfa/disable',
    path: () => '/api/me/mfa/disable',
    body: () => ({ password: 'not-my-password' }),
    expect: signedIn(400),
  },
  {
    method: 'POST',
    url: '/api/users/:id/mfa/reset',
    path: (c) => `/api/users/${c.filerId}/mfa/reset`,
    expect: only(['admin'], 204),
  },
  {
    method: 'POST',
    url: '/api/auth/password-reset',
    path: () => '/api/auth/password-reset',
    body: (c) => ({ username: `user-${c.role}` }),
    ownAddress: true,
    expect: signedIn(202),
    anonymous: 202,
  },
  {
    method: 'POST',
    url: '/api/auth/password-reset/confirm',
    path: () => '/api/auth/password-reset/confirm',
    body: () => ({ token: 'x'.repeat(43), newPassword: 'Another-pass-1!' }),
    expect: signedIn(400),
    anonymous: 400,
  },
  {
    method: 'GET',
    url: '/api/settings/security',
    path: () => '/api/settings/security',
    expect: only(['admin', 'auditor'], 200),
  },
  {
    method: 'PUT',
    url: '/api/settings/security',
    path: () => '/api/settings/security',
    body: () => ({
      mfaRequiredForAdmins: false,
      passwordResetMinutes: 30,
      externalAccountMaxDays: 180,
      accountReviewIntervalMonths: 6,
      accountReviewDueWorkingDays: 10,
      auditRetentionYears: 3,
    }),
    expect: only(['admin'], 200),
  },
  { method: 'GET', url: '/api/users/:id', path: (c) => `/api/users/${c.filerId}`, expect: only(['admin'], 200) },
  {
    method: 'PATCH',
    url: '/api/users/:id',
    path: (c) => `/api/users/${c.filerId}`,
    body: () => ({ phone: '04-1234', reason: '更新電話' }),
    expect: only(['admin'], 200),
  },
  {
    method: 'GET',
    url: '/api/users/:id/holdings',
    path: (c) => `/api/users/${c.filerId}/holdings`,
    expect: only(['admin'], 200),
  },
  { method: 'GET', url: '/api/account-requests', path: () => '/api/account-requests', expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/account-requests',
    path: () => '/api/account-requests',
    body: (c) => ({
      username: `asked-by-${String(c.role).replaceAll('_', '-')}`,
      displayName: '新同仁',
      email: 'new@example.invalid',
      unitId: c.session?.user.unitId ?? '00000000-0000-4000-8000-000000000000',
      roles: [{ role: 'requester', unitId: null }],
      reason: '新進人員',
    }),
    // Outside companies' accounts do not ask for agency accounts.
    expect: (role) => (role === 'company_admin' ? 403 : 201),
  },
  {
    method: 'POST',
    url: '/api/account-requests/:id/decision',
    path: (c) => `/api/account-requests/${c.accountRequestId}/decision`,
    body: () => ({ decision: 'approve' }),
    // Nobody supervises the filer's unit, so an administrator takes the supervisor's step.
    expect: only(['admin'], 200, 404),
  },
  {
    method: 'GET',
    url: '/api/account-reviews',
    path: () => '/api/account-reviews',
    expect: only([...SUPERVISORS, 'admin', 'auditor'], 200),
  },
  {
    method: 'POST',
    url: '/api/account-reviews',
    path: () => '/api/account-reviews',
    // One review is open already (opened before the walk).
    expect: only(['admin'], 409),
  },
  {
    method: 'GET',
    url: '/api/account-reviews/:id',
    path: (c) => `/api/account-reviews/${c.reviewId}`,
    expect: only([...SUPERVISORS, 'admin', 'auditor'], 200),
  },
  {
    method: 'POST',
    url: '/api/account-reviews/:id/items/:itemId',
    path: (c) => `/api/account-reviews/${c.reviewId}/items/${c.filerReviewItemId}`,
    body: () => ({ decision: 'keep' }),
    // The filer's unit has no supervisor: administrators review it; supervisors of other units do not see it.
    expect: (role) => (role === 'admin' ? 200 : SUPERVISORS.includes(role) ? 404 : 403),
  },
  {
    method: 'POST',
    url: '/api/users/:id/offboard',
    path: (c) => `/api/users/${c.filerId}/offboard`,
    body: (c) => ({ mode: 'transfer', unitId: c.session?.user.unitId, reason: '調職' }),
    expect: only(['admin'], 200),
  },
  {
    method: 'GET',
    url: '/api/request-types',
    path: () => '/api/request-types',
    expect: signedIn(200),
    anonymous: 200,
  },
  {
    method: 'GET',
    url: '/api/request-types/:type',
    path: () => '/api/request-types/vendor_account',
    expect: signedIn(200),
    anonymous: 200,
  },
  {
    method: 'GET',
    url: '/api/request-types/:type/versions',
    path: () => '/api/request-types/general/versions',
    expect: only(['admin'], 200),
  },
  {
    method: 'GET',
    url: '/api/request-types/:type/definition',
    path: () => '/api/request-types/general/definition',
    expect: only(['admin'], 200),
  },
  {
    method: 'POST',
    url: '/api/request-types/:type/definitions',
    path: () => '/api/request-types/general/definitions',
    // An administrator gets past authorisation to the definition's own check.
    body: () => ({ version: 1 }),
    expect: only(['admin'], 400),
  },
  {
    method: 'POST',
    url: '/api/public/vendor-applications',
    path: () => '/api/public/vendor-applications',
    // Anyone may apply, signed in or not; the form itself is checked (here it is empty).
    body: () => ({ form: {} }),
    ownAddress: true,
    expect: signedIn(400),
    anonymous: 400,
  },
  {
    method: 'GET',
    url: '/api/settings/workflow-units',
    path: () => '/api/settings/workflow-units',
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    url: '/api/settings/workflow-units',
    path: () => '/api/settings/workflow-units',
    body: () => ({ serviceUnitId: null, businessUnitId: null }),
    expect: only(['admin'], 200),
  },
  {
    method: 'GET',
    url: '/api/reference/web-content-routing',
    path: () => '/api/reference/web-content-routing',
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    url: '/api/reference/web-content-routing',
    path: () => '/api/reference/web-content-routing',
    body: () => ({
      rows: [
        {
          menu: '園區公告',
          item: '最新公告',
          responsibleUnit: '全體組室',
          dataProvider: '',
          note: '',
          selfService: false,
        },
      ],
    }),
    expect: only(['admin'], 200),
  },
  { method: 'GET', url: '/api/assets', path: () => '/api/assets?q=AUTH', expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/assets',
    path: () => '/api/assets',
    body: (c) => ({ assetNumber: `NEW-${String(c.role)}`, name: '新資產', kind: 'storage', ownerUnitId: null }),
    expect: only(ASSET_KEEPERS, 201),
  },
  {
    method: 'GET',
    url: '/api/assets/:id',
    path: (c) => `/api/assets/${c.assets.item}`,
    expect: only(ASSET_READERS, 200, 404),
  },
  {
    method: 'PATCH',
    url: '/api/assets/:id',
    path: (c) => `/api/assets/${c.assets.item}`,
    body: (c) => ({ rackLocation: `R-${String(c.role)}` }),
    expect: assetAnswer(200),
  },
  {
    method: 'POST',
    url: '/api/assets/:id/relations',
    path: (c) => `/api/assets/${c.assets.item}/relations`,
    body: (c) => ({ toAssetId: c.assets.other, kind: RELATION_OF[c.role as Role] ?? 'part_of' }),
    expect: assetAnswer(201),
  },
  {
    method: 'DELETE',
    url: '/api/assets/:id/relations/:toAssetId/:kind',
    path: (c) =>
      `/api/assets/${c.assets.item}/relations/${c.assets.related}/${RELATION_OF[c.role as Role] ?? 'part_of'}`,
    expect: assetAnswer(204),
  },
  {
    method: 'GET',
    url: '/api/requests/:id/assets',
    path: (c) => `/api/requests/${c.requestId}/assets`,
    expect: seeing(200),
  },
  {
    method: 'POST',
    url: '/api/requests/:id/assets',
    path: (c) => `/api/requests/${c.requestId}/assets`,
    body: (c) => ({ assetId: c.assets.toLink[c.role] ?? c.assets.item }),
    // Those who see the request but not the item, or the item but not the request, learn of neither.
    expect: only(LINKERS, 201, 404),
  },
  {
    method: 'DELETE',
    url: '/api/requests/:id/assets/:assetId',
    path: (c) => `/api/requests/${c.requestId}/assets/${c.assets.toUnlink[c.role] ?? c.assets.item}`,
    expect: only(LINKERS, 204, 404),
  },
  { method: 'GET', url: '/api/deputies', path: () => '/api/deputies', expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/deputies',
    path: () => '/api/deputies',
    // Each holder appoints a deputy for their own role; some roles nobody acts for.
    body: (c) => ({
      principalId: c.session?.user.id ?? '00000000-0000-4000-8000-000000000000',
      deputyId: c.standInId,
      role: c.role === 'anonymous' ? 'requester' : c.role,
      startsAt: '2026-11-23T02:00:00Z',
      endsAt: '2026-11-30T02:00:00Z',
      reason: '休假',
    }),
    expect: (role) => (NON_DEPUTISABLE_ROLES.includes(role) ? 400 : 201),
  },
  {
    method: 'DELETE',
    url: '/api/deputies/:id',
    path: (c) => `/api/deputies/${c.deputyshipId}`,
    // Someone else's deputyship: only an administrator sees and ends it.
    expect: only(['admin'], 204, 404),
  },
  {
    method: 'GET',
    url: '/api/deputies/candidates',
    path: () => '/api/deputies/candidates?q=stand',
    expect: (role) => (role !== 'admin' && NON_DEPUTISABLE_ROLES.includes(role) ? 403 : 200),
  },
  // Last two: they end the sessions the other cases use.
  {
    method: 'POST',
    url: '/api/auth/logout-all',
    path: () => '/api/auth/logout-all',
    body: () => ({}),
    freshSession: true,
    expect: signedIn(200),
  },
  {
    method: 'POST',
    url: '/api/auth/logout',
    path: () => '/api/auth/logout',
    freshSession: true,
    expect: signedIn(204),
  },
];

describe('authorisation of every route for every role', () => {
  let t: TestApp;
  const sessions = new Map<Role, Session>();
  let requestId = '';
  let attachmentId = '';
  let filerId = '';
  let reviewId = '';
  let filerReviewItemId = '';
  let accountRequestId = '';
  const assets: AssetIds = { item: '', other: '', related: '', toLink: {}, toUnlink: {} };
  let deputyshipId = '';
  let standInId = '';

  beforeAll(async () => {
    t = await TestApp.start();
    const filer = await t.signedIn('filer', { unit: 'filing-unit' });
    filerId = filer.user.id;
    const r = await t.fileRequest(filer);
    requestId = r.id;
    const upload = multipart([{ name: 'a.txt', type: 'text/plain', content: 'hello' }]);
    const res = await t.inject({
      method: 'POST',
      url: `/api/requests/${requestId}/attachments`,
      as: filer,
      payload: upload.payload,
      headers: upload.headers,
    });
    attachmentId = res.json()[0].id;
    for (const role of ROLES) {
      const scoped = SUPERVISORS.includes(role) ? { role, unit: 'role-unit' } : role;
      sessions.set(
        role,
        await t.signedIn(`user-${role}`, {
          unit: 'role-unit',
          roles: [scoped],
          kind: role === 'company_admin' ? 'external' : 'staff',
        }),
      );
    }
    const asked = await t.inject({
      method: 'POST',
      url: '/api/account-requests',
      as: filer,
      payload: {
        username: 'asked-by-filer',
        displayName: '新同仁',
        email: 'new@example.invalid',
        unitId: filer.user.unitId,
        roles: [{ role: 'requester', unitId: null }],
        reason: '新進人員',
      },
    });
    accountRequestId = asked.json<{ id: string }>().id;
    // Issue 6: items of the filer's unit, related and linked beforehand where a case removes something.
    const db = t.database.db;
    const item = async (n: string) =>
      (
        await assetRepository.insert(db, {
          asset_number: n,
          name: `資產 ${n}`,
          kind: 'server_ap',
          status: 'in_service',
          owner_unit_id: filer.user.unitId,
          moved_in_request_id: null,
          in_service_since: null,
        })
      ).id;
    assets.item = await item('AUTH-ITEM');
    assets.other = await item('AUTH-OTHER');
    assets.related = await item('AUTH-RELATED');
    for (const kind of Object.values(RELATION_OF)) {
      await assetRepository.relate(db, assets.item, assets.related, kind as 'runs_on', filerId, t.clock.now());
    }
    for (const role of ROLES) {
      assets.toLink[role] = await item(`AUTH-LINK-${role}`);
      assets.toUnlink[role] = await item(`AUTH-UNLINK-${role}`);
      await assetRepository.link(db, requestId, assets.toUnlink[role], filerId);
    }
    // ORG-3: a deputyship of someone none of the callers is, and the deputy the callers appoint.
    standInId = (await t.user('stand-in', { unit: 'role-unit' })).id;
    const principal = await t.user('principal', { unit: 'filing-unit', roles: ['it_officer'] });
    deputyshipId = (
      await deputyRepository.insert(db, {
        principalId: principal.id,
        deputyId: standInId,
        role: 'it_officer',
        unitId: principal.unitId,
        startsAt: t.clock.now(),
        endsAt: new Date(t.clock.now().getTime() + 86_400_000),
        reason: '休假',
        createdBy: principal.id,
        createdAt: t.clock.now(),
      })
    ).id;
    const review = await t.inject({ method: 'POST', url: '/api/account-reviews', as: sessions.get('admin')! });
    reviewId = review.json<{ id: string }>().id;
    filerReviewItemId = review
      .json<{ items: Array<{ id: string; userId: string }> }>()
      .items.find((i) => i.userId === filerId)!.id;
  }, 120_000);
  afterAll(() => t.stop());

  it('has a line in the table for every API route, and no line for a route that does not exist', () => {
    const registered = t.app.routeList
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(CASES.map((c) => `${c.method} ${c.url}`).sort()).toEqual(registered);
  });

  for (const c of CASES) {
    it(`${c.method} ${c.url}`, async () => {
      const callers: Caller[] = [...ROLES, 'anonymous'];
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const role of callers) {
        const known = role === 'anonymous' ? null : sessions.get(role)!;
        const session = known && c.freshSession ? await t.login(known.user) : known;
        const ctx: Ctx = {
          requestId,
          attachmentId,
          filerId,
          reviewId,
          filerReviewItemId,
          accountRequestId,
          assets,
          deputyshipId,
          standInId,
          session,
          role,
        };
        const upload =
          c.upload === 'calendar'
            ? multipart([{ name: '115.csv', type: 'text/csv', content: calendarCsv }])
            : multipart([{ name: 'b.txt', type: 'text/plain', content: 'x' }]);
        const res = await t.inject({
          method: c.method,
          url: c.path(ctx),
          as: session,
          ...(c.ownAddress ? { remoteAddress: `10.0.${callers.indexOf(role)}.1` } : {}),
          ...(c.upload ? { payload: upload.payload, headers: upload.headers } : c.body ? { payload: c.body(ctx) } : {}),
        });
        answers[role] = res.statusCode;
        expected[role] = role === 'anonymous' ? (c.anonymous ?? 401) : c.expect(role);
      }
      expect(answers).toEqual(expected);
    });
  }
});
