import { ASSET_STATUSES, type AssetListQuery, type AssetStatus } from '../../shared/api/asset.schema.js';

/** The register's filters as they stand in the address bar, so that a filtered list can be shared. */
export type AssetFilters = { q: string; status: AssetStatus | ''; kind: string; unitId: string; page: number };

export const NO_ASSET_FILTERS: AssetFilters = { q: '', status: '', kind: '', unitId: '', page: 1 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KIND = /^[a-z][a-z0-9_]{0,49}$/;

export function assetFiltersFromParams(params: URLSearchParams): AssetFilters {
  const status = params.get('status') ?? '';
  const kind = params.get('kind') ?? '';
  const unitId = params.get('unitId') ?? '';
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    status: (ASSET_STATUSES as readonly string[]).includes(status) ? (status as AssetStatus) : '',
    kind: KIND.test(kind) ? kind : '',
    unitId: UUID.test(unitId) ? unitId : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function assetFiltersToParams(filters: AssetFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.unitId) params.set('unitId', filters.unitId);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function assetFiltersToQuery(filters: AssetFilters): AssetListQuery {
  const query: AssetListQuery = { page: filters.page, pageSize: 25 };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.status) query.status = [filters.status];
  if (filters.kind) query.kind = filters.kind;
  if (filters.unitId) query.unitId = filters.unitId;
  return query;
}
