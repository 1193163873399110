import { describe, expect, it } from 'vitest';
import { assetFiltersFromParams, assetFiltersToParams, assetFiltersToQuery } from './asset-list-params.js';

describe('the asset register’s filters in the address bar', () => {
  it('round-trips the filters and drops what is not valid', () => {
    const params = new URLSearchParams(
      'q=NET&status=retired&kind=network_device&unitId=00000000-0000-4000-8000-000000000000&page=2',
    );
    const filters = assetFiltersFromParams(params);
    expect(assetFiltersToParams(filters).toString()).toBe(params.toString());
    expect(assetFiltersFromParams(new URLSearchParams('status=lost&kind=DROP TABLE&unitId=x&page=-1'))).toEqual({
      q: '',
      status: '',
      kind: '',
      unitId: '',
      page: 1,
    });
  });
  it('asks the API for one status as a list', () => {
    expect(assetFiltersToQuery({ q: ' x ', status: 'in_service', kind: '', unitId: '', page: 1 })).toEqual({
      q: 'x',
      status: ['in_service'],
      page: 1,
      pageSize: 25,
    });
  });
});
