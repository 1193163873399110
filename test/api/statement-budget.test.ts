import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type Session } from '../helpers/test-app.js';

/**
 * Issue 7: how many statements the hot calls send to the database, caller resolution and the
 * response included. Each is a round trip (on PGlite, a turn of its one connection); these budgets
 * keep a change from adding reads to a hot path unnoticed. Lower them when a path gets cheaper.
 */
describe('statements per hot call (issue 7)', () => {
  let t: TestApp;
  let desk: Session;
  let staff: Session;
  let requestId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    desk = await t.signedIn('budget-desk', { roles: ['desk_agent'] });
    staff = await t.signedIn('budget-staff');
    requestId = (await t.fileRequest(desk)).id;
  });
  afterAll(() => t.stop());

  const call = (method: 'GET' | 'POST', url: string, payload?: object, as = desk) =>
    t.statementsOf(async () => {
      const res = await t.inject({ method, url, as, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBeLessThan(300);
    });

  // The page is one statement with its parts as JSON and the organisation (units, role holders,
  // acting deputies, the workflows' units). A filing knows its request has no clocks yet, and
  // stores its clocks, its history, its row (last, with its number) and its audit record in one
  // statement, which returns the page for its response. A step reads the organisation with its
  // lock, and its request's files and clocks in one statement after it; its new clocks, history
  // entries (its own and its effects'), row and audit record are one statement.
  // A filing's and a step's responses reuse the organisation they read, unless an effect changed
  // accounts or roles.
  // The SLA settings are kept in memory as the calendar is, and a notice to a role's holders takes
  // them from the organisation already read.
  // An audit record is one call (`govdesk_audit_append`); a notice is one statement, with its
  // mail to those who want it.
  it('files a request, with its response and a notice to the desk, in at most 4 statements (5, 7 before; without the notice 5, 7, 8, 9, 11, 14, 15, 16, 17, 29, 35)', async () => {
    // Filed by a member of staff: the desk is told of it.
    const n = await call('POST', '/api/requests', t.requestBody(staff), staff);
    expect(n).toBeLessThanOrEqual(4);
  });

  it('shows the request page in at most 2 statements (3, 11, 16 before)', async () => {
    const n = await call('GET', `/api/requests/${requestId}`);
    expect(n).toBeLessThanOrEqual(2);
  });

  // The queue's page and its count are one statement.
  it('lists the queue in at most 2 statements (3, 6 before)', async () => {
    const n = await call('GET', '/api/requests?status=submitted&type=general&sort=dueAt&pageSize=50');
    expect(n).toBeLessThanOrEqual(2);
  });

  it('lists a full page of the queue, with the count of the rest, in at most 2 statements (3 before)', async () => {
    await t.fileRequest(desk);
    let total = 0;
    const n = await t.statementsOf(async () => {
      const res = await t.inject({
        method: 'GET',
        url: '/api/requests?status=submitted&sort=dueAt&pageSize=1',
        as: desk,
      });
      expect(res.statusCode, res.body).toBe(200);
      total = res.json().total;
    });
    expect(total).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(2);
  });

  it('takes a step, with its response, in at most 6 statements (7, 9, 10, 11, 13, 15, 17, 18, 29, 35 before)', async () => {
    // `receive` stops the response clock: its workflow state, "waits for" keys and the clocks'
    // summary go into the request's row in one update, written with its history entries and its
    // audit record in one statement.
    const n = await call('POST', `/api/requests/${requestId}/actions/receive`, { fields: {} });
    expect(n).toBeLessThanOrEqual(5);
  });
});
