import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type Session } from '../helpers/test-app.js';

/** SLA-4: compliance by vendor, and a vendor with repeated breaches flagged for an improvement review. */
describe('service levels by vendor', () => {
  let t: TestApp;
  let requester: Session;
  let desk: Session;
  let chief: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    requester = await t.signedIn('sv-requester', { unit: 'investment' });
    desk = await t.signedIn('sv-desk', { roles: ['desk_agent'] });
    chief = await t.signedIn('sv-chief', { roles: ['it_chief'] });
  });
  afterAll(() => t.stop());

  it('groups clocks by the assignee’s company and flags a vendor with three breaches', async () => {
    const engineer = await t.user('sv-engineer', { unit: 'acme-systems', kind: 'vendor', roles: ['vendor_engineer'] });
    const assign = async (id: string, assigneeId: string) => {
      const res = await t.inject({
        method: 'POST',
        url: `/api/requests/${id}/assign`,
        as: desk,
        payload: { assigneeId },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const vendorRequests: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { id } = await t.fileRequest(requester, { title: `廠商處理 ${i}` });
      await assign(id, engineer.id);
      vendorRequests.push(id);
    }
    const inHouse = await t.fileRequest(requester, { title: '自辦' });
    await assign(inHouse.id, desk.user.id);
    // Three of the vendor's requests missed their targets.
    await t.database.db
      .updateTable('request_clocks')
      .set({ breached_at: t.clock.now() })
      .where('request_id', 'in', vendorRequests.slice(0, 3))
      .execute();
    await t.database.db
      .updateTable('request_clocks')
      .set({ status: 'stopped', stopped_at: t.clock.now(), consumed_ms: 0 })
      .where('request_id', 'in', [vendorRequests[3]!, inHouse.id])
      .execute();

    const res = await t.inject({
      method: 'GET',
      url: '/api/reports/service-levels?from=2026-11-01&to=2026-11-30&groupBy=vendor',
      as: chief,
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json<{
      rows: Array<{ key: string | null; label: string | null; breached: number; met: number; reviewNeeded: boolean }>;
    }>().rows;
    const clocksPerRequest = (
      await t.database.db.selectFrom('request_clocks').select('id').where('request_id', '=', inHouse.id).execute()
    ).length;
    expect(clocksPerRequest).toBeGreaterThan(0);
    const vendor = rows.find((r) => r.key === engineer.unitId);
    expect(vendor).toMatchObject({
      label: '單位 acme-systems',
      breached: 3 * clocksPerRequest,
      met: clocksPerRequest,
      reviewNeeded: true,
    });
    // The agency's own staff are one group, without a vendor, and not flagged.
    expect(rows.find((r) => r.key === null)).toMatchObject({ label: null, breached: 0, reviewNeeded: false });
  });
});
