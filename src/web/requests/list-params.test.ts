import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import {
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
  NO_FILTERS,
  offersWaitingQueue,
  WAITING_FOR_ME_PATH,
} from './list-params.js';

const id = '0b7f3c1e-2a4d-4c6e-8f10-123456789abc';

describe('request list filters', () => {
  it('reads defaults from an empty address', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual({
      status: '',
      type: '',
      unitId: '',
      assignee: '',
      waitingFor: '',
      q: '',
      sort: '-createdAt',
      page: 1,
    });
    expect(filtersFromParams(new URLSearchParams())).toEqual(NO_FILTERS);
  });

  it('ignores malformed values', () => {
    const filters = filtersFromParams(
      new URLSearchParams('status=lost&type=x&unitId=1&assignee=bob&waitingFor=someone&sort=title&page=-2'),
    );
    expect(filters).toMatchObject({
      status: '',
      type: '',
      unitId: '',
      assignee: '',
      waitingFor: '',
      sort: '-createdAt',
      page: 1,
    });
  });

  it('round-trips through the address bar', () => {
    const params = new URLSearchParams(
      `status=open&type=equipment&unitId=${id}&assignee=me&waitingFor=me&q=印表機&sort=wishedDate&page=3`,
    );
    expect(filtersToParams(filtersFromParams(params)).toString()).toBe(params.toString());
  });

  it('turns "open" into every status that is not final', () => {
    const query = filtersToQuery({ ...filtersFromParams(new URLSearchParams('status=open')) });
    expect(query.status).toEqual(['submitted', 'in_progress', 'waiting', 'resolved']);
    expect(query.pageSize).toBe(25);
  });

  it('keeps 「待我處理」 in the address and asks the API for it (GET /api/requests?waitingFor=me)', () => {
    const filters = filtersFromParams(new URLSearchParams('waitingFor=me&sort=dueAt'));
    expect(filters).toEqual({ ...NO_FILTERS, waitingFor: 'me', sort: 'dueAt' });
    expect(filtersToParams(filters).toString()).toBe('waitingFor=me&sort=dueAt');
    expect(filtersToQuery(filters)).toEqual({ waitingFor: 'me', sort: 'dueAt', page: 1, pageSize: 25 });
    // The menu's link reads back as the filter, and every other filter stays cleared.
    const linked = filtersFromParams(new URL(WAITING_FOR_ME_PATH, 'http://localhost').searchParams);
    expect(linked).toEqual({ ...NO_FILTERS, waitingFor: 'me' });
    expect(filtersToQuery(NO_FILTERS)).not.toHaveProperty('waitingFor');
  });

  it("offers 「待我處理」 to those who take steps on others' requests, not to those who only file", () => {
    const holding = (...roles: Role[]) => ({
      roles: roles.map((role) => ({ role, unitId: null, unitName: null })),
    });
    expect(offersWaitingQueue(holding('desk_agent'))).toBe(true);
    expect(offersWaitingQueue(holding('requester', 'section_chief'))).toBe(true);
    expect(offersWaitingQueue(holding('requester'))).toBe(false);
    expect(offersWaitingQueue(holding('auditor'))).toBe(false);
    expect(offersWaitingQueue(holding('admin'))).toBe(false);
  });
});
