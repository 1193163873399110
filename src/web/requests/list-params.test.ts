import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, filtersToQuery } from './list-params.js';

const id = '0b7f3c1e-2a4d-4c6e-8f10-123456789abc';

describe('request list filters', () => {
  it('reads defaults from an empty address', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual({
      status: '',
      type: '',
      unitId: '',
      assignee: '',
      q: '',
      sort: '-createdAt',
      page: 1,
    });
  });

  it('ignores malformed values', () => {
    const filters = filtersFromParams(
      new URLSearchParams('status=lost&type=x&unitId=1&assignee=bob&sort=title&page=-2'),
    );
    expect(filters).toMatchObject({ status: '', type: '', unitId: '', assignee: '', sort: '-createdAt', page: 1 });
  });

  it('round-trips through the address bar', () => {
    const params = new URLSearchParams(
      `status=open&type=equipment&unitId=${id}&assignee=me&q=印表機&sort=wishedDate&page=3`,
    );
    expect(filtersToParams(filtersFromParams(params)).toString()).toBe(params.toString());
  });

  it('turns "open" into every status that is not final', () => {
    const query = filtersToQuery({ ...filtersFromParams(new URLSearchParams('status=open')) });
    expect(query.status).toEqual(['submitted', 'in_progress', 'waiting', 'resolved']);
    expect(query.pageSize).toBe(25);
  });
});
