import type { Me } from '../../shared/api/auth.schema.js';
import { SORT_KEYS, type RequestListQuery } from '../../shared/api/request.schema.js';
import {
  FINAL_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestStatus,
  type RequestType,
} from '../../shared/request-vocabulary.js';
import type { Role } from '../../shared/roles.js';

/** The list's filters as they stand in the address bar, so that a filtered list can be shared. */
export type ListFilters = {
  /** '' for all, 'open' for every status not final, or one status. */
  status: '' | 'open' | RequestStatus;
  type: '' | RequestType;
  unitId: string;
  /** '' for anyone, 'me', 'none' or a user id. */
  assignee: string;
  /** 'me': only requests whose current step waits for me (「待我處理」, issue 3). */
  waitingFor: '' | 'me';
  q: string;
  sort: (typeof SORT_KEYS)[number];
  page: number;
};

export const PAGE_SIZE = 25;

export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from search params, ignoring anything malformed. */
export function filtersFromParams(params: URLSearchParams): ListFilters {
  const status = params.get('status');
  const type = params.get('type');
  const unitId = params.get('unitId') ?? '';
  const assignee = params.get('assignee') ?? '';
  const sort = params.get('sort');
  const page = Number(params.get('page') ?? '1');
  return {
    status: status === 'open' || isOneOf(REQUEST_STATUSES, status) ? status : '',
    type: isOneOf(REQUEST_TYPES, type) ? type : '',
    unitId: UUID.test(unitId) ? unitId : '',
    assignee: assignee === 'me' || assignee === 'none' || UUID.test(assignee) ? assignee : '',
    waitingFor: params.get('waitingFor') === 'me' ? 'me' : '',
    q: (params.get('q') ?? '').slice(0, 200),
    sort: isOneOf(SORT_KEYS, sort) ? sort : '-createdAt',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Writes the filters back as search params, leaving defaults out. */
export function filtersToParams(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.type) params.set('type', filters.type);
  if (filters.unitId) params.set('unitId', filters.unitId);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.waitingFor) params.set('waitingFor', filters.waitingFor);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.sort !== '-createdAt') params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The API query for the filters. */
export function filtersToQuery(filters: ListFilters): RequestListQuery {
  const query: RequestListQuery = { sort: filters.sort, page: filters.page, pageSize: PAGE_SIZE };
  if (filters.status === 'open') query.status = [...OPEN_STATUSES];
  else if (filters.status) query.status = [filters.status];
  if (filters.type) query.type = [filters.type];
  if (filters.unitId) query.unitId = filters.unitId;
  if (filters.assignee) query.assignee = filters.assignee;
  if (filters.waitingFor) query.waitingFor = filters.waitingFor;
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

/** The filters with nothing chosen: every request, newest first. */
export const NO_FILTERS: ListFilters = {
  status: '',
  type: '',
  unitId: '',
  assignee: '',
  waitingFor: '',
  q: '',
  sort: '-createdAt',
  page: 1,
};

/** The address of the 「待我處理」 queue: requests whose current step waits for the person (issue 3). */
export const WAITING_FOR_ME_PATH = `/requests?${filtersToParams({ ...NO_FILTERS, waitingFor: 'me' }).toString()}`;

/** Roles with no step of their own on others' requests: filing, auditing, administering. */
const ONLY_OWN_ROLES: readonly Role[] = ['requester', 'company_admin', 'auditor', 'admin'];

/**
 * Whether the menu offers 「待我處理」: to those who take steps on other people's requests (desk,
 * IT section, vendors, supervisors who sign 附件一 …), not to those who only file their own.
 */
export function offersWaitingQueue(me: Pick<Me, 'roles'>): boolean {
  return me.roles.some((r) => !ONLY_OWN_ROLES.includes(r.role));
}
