import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetRepository } from '../../src/db/repositories/asset.repository.js';
import type { AssetDetail, AssetPage, RequestAssets } from '../../src/shared/api/asset.schema.js';
import { TestApp, type Session } from '../helpers/test-app.js';

type Problem = { code: string; errors?: Array<{ field: string; code: string; message: string; message_zh: string }> };

/** Issue 6 (ITSM-3): the asset register through the API: finding, reading, changing, relating, pointing requests at items. */
describe('the asset register', () => {
  let t: TestApp;
  let keeper: Session;
  let dcAdmin: Session;
  let security: Session;
  let tradeStaff: Session;
  let investStaff: Session;
  let commerceHead: Session;
  let vendor: Session;
  let server: AssetDetail;
  let system: AssetDetail;
  let switchItem: AssetDetail;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.unit('commerce');
    await t.unit('trade', 'commerce');
    await t.unit('invest');
    keeper = await t.signedIn('keeper', { unit: 'it-services', roles: ['asset_keeper'] });
    dcAdmin = await t.signedIn('dcadmin', { unit: 'it-services', roles: ['dc_admin'] });
    security = await t.signedIn('security', { unit: 'it-services', roles: ['security_officer'] });
    tradeStaff = await t.signedIn('trade-staff', { unit: 'trade' });
    investStaff = await t.signedIn('invest-staff', { unit: 'invest' });
    commerceHead = await t.signedIn('commerce-head', {
      unit: 'commerce',
      roles: [{ role: 'division_head', unit: 'commerce' }],
    });
    vendor = await t.signedIn('vendor', { unit: 'trade', kind: 'vendor', roles: ['vendor_engineer'] });
    const create = async (as: Session, body: Record<string, unknown>) => {
      const res = await t.inject({ method: 'POST', url: '/api/assets', as, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<AssetDetail>();
    };
    server = await create(keeper, {
      assetNumber: 'DC-115-0001',
      name: '貿易管理系統 AP 主機',
      kind: 'server_ap',
      ownerUnitId: await t.unit('trade'),
      rackLocation: '3F 機房 A05-U12',
      ipAddresses: ['10.20.1.15', '2001:db8::15'],
      os: 'Linux',
      osVersion: 'Ubuntu 24.04',
      serialNumber: 'SN-88812',
    });
    system = await create(dcAdmin, {
      assetNumber: 'SYS-0007',
      name: '貿易管理系統',
      kind: 'information_system',
      ownerUnitId: await t.unit('trade'),
    });
    switchItem = await create(keeper, {
      assetNumber: 'NET-0042',
      name: '核心交換器',
      kind: 'network_device',
      ownerUnitId: await t.unit('invest'),
      ipAddresses: ['10.20.0.1'],
      brand: 'Cisco',
      model: 'C9300',
    });
  }, 120_000);
  afterAll(() => t.stop());

  const list = async (as: Session, query = '') =>
    (await t.inject({ method: 'GET', url: `/api/assets${query}`, as })).json<AssetPage>();
  const numbers = (page: AssetPage) => page.items.map((i) => i.assetNumber);
  const detail = async (id: string, as: Session = keeper) =>
    (await t.inject({ method: 'GET', url: `/api/assets/${id}`, as })).json<AssetDetail>();

  it('enters an item by hand with its history, and refuses a taken asset number whatever its case', async () => {
    expect(server.history.map((h) => h.kind)).toEqual(['registered']);
    expect(server.history[0]!.actor?.displayName).toBe('使用者 keeper');
    expect(server.ownerUnit?.name).toBe('單位 trade');
    const res = await t.inject({
      method: 'POST',
      url: '/api/assets',
      as: keeper,
      payload: { assetNumber: 'dc-115-0001', name: '重複', kind: 'storage', ownerUnitId: null },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Problem>().errors?.[0]?.field).toBe('assetNumber');
    const bySecurity = await t.inject({
      method: 'POST',
      url: '/api/assets',
      as: security,
      payload: { assetNumber: 'X-1', name: '資安', kind: 'storage', ownerUnitId: null },
    });
    expect(bySecurity.statusCode).toBe(403);
  });

  it('lists by asset number and finds items by number, name, serial number or address', async () => {
    expect(numbers(await list(security))).toEqual(['DC-115-0001', 'NET-0042', 'SYS-0007']);
    expect(numbers(await list(security, '?q=sys-'))).toEqual(['SYS-0007']);
    expect(numbers(await list(security, `?q=${encodeURIComponent('交換器')}`))).toEqual(['NET-0042']);
    expect(numbers(await list(security, '?q=88812'))).toEqual(['DC-115-0001']);
    expect(numbers(await list(security, '?q=2001:db8'))).toEqual(['DC-115-0001']);
    expect(numbers(await list(security, '?q=10.20.'))).toEqual(['DC-115-0001', 'NET-0042']);
    expect(numbers(await list(security, '?kind=network_device'))).toEqual(['NET-0042']);
    expect(numbers(await list(security, `?unitId=${await t.unit('trade')}`))).toEqual(['DC-115-0001', 'SYS-0007']);
    expect(numbers(await list(security, '?status=retired'))).toEqual([]);
    const paged = await list(security, '?pageSize=2&page=2');
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(numbers(paged)).toEqual(['SYS-0007']);
  });

  it('shows staff the items of their unit and supervisors those of the units below; others get 404', async () => {
    expect(numbers(await list(tradeStaff))).toEqual(['DC-115-0001', 'SYS-0007']);
    expect(numbers(await list(investStaff))).toEqual(['NET-0042']);
    expect(numbers(await list(commerceHead))).toEqual(['DC-115-0001', 'SYS-0007']);
    expect(numbers(await list(vendor))).toEqual([]);
    expect((await t.inject({ method: 'GET', url: `/api/assets/${server.id}`, as: tradeStaff })).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: `/api/assets/${server.id}`, as: investStaff })).statusCode).toBe(404);
    expect((await t.inject({ method: 'GET', url: `/api/assets/${server.id}`, as: vendor })).statusCode).toBe(404);
  });

  it('records every change field by field in the history and the audit trail', async () => {
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/assets/${server.id}`,
      as: dcAdmin,
      payload: {
        rackLocation: '3F 機房 B02-U20',
        ipAddresses: ['10.20.1.15', '10.20.1.16', '10.20.1.16'],
        name: '貿易管理系統 AP 主機',
        attributes: { cpu: 8, memoryGb: 32 },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<AssetDetail>();
    expect(after.rackLocation).toBe('3F 機房 B02-U20');
    expect(after.ipAddresses).toEqual(['10.20.1.15', '10.20.1.16']);
    const updated = after.history.filter((h) => h.kind === 'updated');
    expect(updated).toHaveLength(1);
    expect(updated[0]!.actor?.displayName).toBe('使用者 dcadmin');
    expect(updated[0]!.data).toEqual({
      changes: {
        rackLocation: { before: '3F 機房 A05-U12', after: '3F 機房 B02-U20' },
        ipAddresses: { before: ['10.20.1.15', '2001:db8::15'], after: ['10.20.1.15', '10.20.1.16'] },
        attributes: { before: {}, after: { cpu: 8, memoryGb: 32 } },
      },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'asset.updated')
      .where('object_id', '=', server.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect((audit[0]!.data as { changes: Record<string, unknown> }).changes).toHaveProperty('rackLocation');

    // Nothing changed: nothing recorded.
    const same = await t.inject({
      method: 'PATCH',
      url: `/api/assets/${server.id}`,
      as: dcAdmin,
      payload: { rackLocation: '3F 機房 B02-U20' },
    });
    expect(same.json<AssetDetail>().history.filter((h) => h.kind === 'updated')).toHaveLength(1);
  });

  it('refuses an address that is not one, naming it in both languages', async () => {
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/assets/${server.id}`,
      as: keeper,
      payload: { ipAddresses: ['10.20.1.15', '10.20.1.300'] },
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json<Problem>();
    expect(problem.errors).toEqual([
      expect.objectContaining({
        field: 'ipAddresses.1',
        code: 'invalid_ip',
        message_zh: expect.stringContaining('IPv4'),
      }),
    ]);
    const empty = await t.inject({ method: 'PATCH', url: `/api/assets/${server.id}`, as: keeper, payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('lets readers read and keepers edit: 403 for a reader, 404 for one who does not see the item', async () => {
    const change = { rackLocation: 'X' };
    expect(
      (await t.inject({ method: 'PATCH', url: `/api/assets/${server.id}`, as: security, payload: change })).statusCode,
    ).toBe(403);
    expect(
      (await t.inject({ method: 'PATCH', url: `/api/assets/${server.id}`, as: tradeStaff, payload: change }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.inject({ method: 'PATCH', url: `/api/assets/${server.id}`, as: investStaff, payload: change }))
        .statusCode,
    ).toBe(404);
  });

  it('relates items both ways in each history, refuses repeats and self-relations, and removes relations', async () => {
    const relate = (from: string, body: Record<string, unknown>, as = keeper) =>
      t.inject({ method: 'POST', url: `/api/assets/${from}/relations`, as, payload: body });
    const res = await relate(system.id, { toAssetId: server.id, kind: 'runs_on' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<AssetDetail>().relations).toEqual([
      expect.objectContaining({
        direction: 'outgoing',
        kind: 'runs_on',
        asset: expect.objectContaining({ assetNumber: 'DC-115-0001' }),
      }),
    ]);
    const serverSide = await detail(server.id);
    expect(serverSide.relations).toEqual([
      expect.objectContaining({
        direction: 'incoming',
        kind: 'runs_on',
        asset: expect.objectContaining({ assetNumber: 'SYS-0007' }),
      }),
    ]);
    expect(serverSide.history.at(-1)).toMatchObject({
      kind: 'related',
      data: { relation: 'runs_on', direction: 'incoming', assetNumber: 'SYS-0007' },
    });
    expect((await relate(system.id, { toAssetId: server.id, kind: 'runs_on' })).statusCode).toBe(409);
    const self = await relate(system.id, { toAssetId: system.id, kind: 'depends_on' });
    expect(self.statusCode).toBe(400);
    expect(self.json<Problem>().errors?.[0]).toMatchObject({ field: 'toAssetId', code: 'same_asset' });
    expect((await relate(system.id, { toAssetId: server.id, kind: 'owns' })).statusCode).toBe(400);
    expect((await relate(system.id, { toAssetId: switchItem.id, kind: 'depends_on' }, security)).statusCode).toBe(403);

    // A relation to an item of another unit stays hidden from the unit's staff, counted.
    expect((await relate(server.id, { toAssetId: switchItem.id, kind: 'connected_to' })).statusCode).toBe(201);
    const seenByTrade = await detail(server.id, tradeStaff);
    expect(seenByTrade.relations.map((r) => r.asset.assetNumber)).toEqual(['SYS-0007']);
    expect(seenByTrade.hiddenRelations).toBe(1);

    const remove = (from: string, to: string, kind: string, as = keeper) =>
      t.inject({ method: 'DELETE', url: `/api/assets/${from}/relations/${to}/${kind}`, as });
    expect((await remove(server.id, switchItem.id, 'connected_to', security)).statusCode).toBe(403);
    expect((await remove(server.id, switchItem.id, 'connected_to')).statusCode).toBe(204);
    expect((await remove(server.id, switchItem.id, 'connected_to')).statusCode).toBe(404);
    const switchSide = await detail(switchItem.id);
    expect(switchSide.relations).toEqual([]);
    expect(switchSide.history.map((h) => h.kind)).toEqual(['registered', 'related', 'unrelated']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['asset.related', 'asset.unrelated'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['asset.related', 'asset.related', 'asset.unrelated']);
  });

  it('points requests and incidents at items the person sees, and shows them on both sides', async () => {
    const filed = await t.fileRequest(tradeStaff, { title: '貿易管理系統無法登入' });
    const link = (assetId: string, as = tradeStaff) =>
      t.inject({ method: 'POST', url: `/api/requests/${filed.id}/assets`, as, payload: { assetId } });
    const res = await link(server.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<RequestAssets>()).toMatchObject({ hidden: 0, canLink: true });
    expect(res.json<RequestAssets>().items.map((i) => i.assetNumber)).toEqual(['DC-115-0001']);
    expect((await link(server.id)).statusCode).toBe(200);
    // An item of another unit is not disclosed.
    expect((await link(switchItem.id)).statusCode).toBe(404);
    // The keeper sees the item but not the trade section's request.
    expect((await link(server.id, keeper)).statusCode).toBe(404);
    expect((await link(switchItem.id, security)).statusCode).toBe(404);

    const item = await detail(server.id);
    expect(item.requests).toEqual([
      expect.objectContaining({ number: filed.number, relation: 'linked', visible: false, title: null }),
    ]);
    expect((await detail(server.id, tradeStaff)).requests[0]).toMatchObject({
      visible: true,
      title: '貿易管理系統無法登入',
    });
    expect(item.history.at(-1)).toMatchObject({ kind: 'linked', request: { number: filed.number } });

    const unlink = await t.inject({
      method: 'DELETE',
      url: `/api/requests/${filed.id}/assets/${server.id}`,
      as: tradeStaff,
    });
    expect(unlink.statusCode).toBe(204);
    expect(
      (await t.inject({ method: 'DELETE', url: `/api/requests/${filed.id}/assets/${server.id}`, as: tradeStaff }))
        .statusCode,
    ).toBe(404);
    expect((await detail(server.id)).history.at(-1)).toMatchObject({
      kind: 'unlinked',
      request: { number: filed.number },
    });
    const listed = await t.inject({ method: 'GET', url: `/api/requests/${filed.id}/assets`, as: tradeStaff });
    expect(listed.json<RequestAssets>().items).toEqual([]);

    // A withdrawn request no longer changes.
    await link(system.id);
    const withdrawn = await t.inject({
      method: 'POST',
      url: `/api/requests/${filed.id}/actions/withdraw`,
      as: tradeStaff,
      payload: { fields: {} },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await link(server.id)).statusCode).toBe(409);
    const after = await t.inject({ method: 'GET', url: `/api/requests/${filed.id}/assets`, as: tradeStaff });
    expect(after.json<RequestAssets>()).toMatchObject({ canLink: false, hidden: 0 });
  });

  it('shows the application that moved an item in, as the approval enters it', async () => {
    const application = await t.fileRequest(tradeStaff, { title: '主機進駐機房申請' });
    const now = t.clock.now();
    const moved = await assetRepository.insert(t.database.db, {
      asset_number: 'DC-115-0002',
      name: '資料庫主機',
      kind: 'server_db',
      status: 'in_service',
      owner_unit_id: await t.unit('trade'),
      moved_in_request_id: application.id,
      in_service_since: '2026-11-23',
      evidence: JSON.stringify({ host_scan: { date: '2026-11-10', highestSeverity: 'low' } }),
    });
    await assetRepository.appendHistory(t.database.db, {
      assetId: moved.id,
      kind: 'registered',
      requestId: application.id,
      actorId: null,
      at: now,
    });
    const item = await detail(moved.id, tradeStaff);
    expect(item.requests).toEqual([
      expect.objectContaining({ number: application.number, relation: 'moved_in', visible: true, linkedAt: null }),
    ]);
    expect(item.evidence).toEqual({ host_scan: { date: '2026-11-10', highestSeverity: 'low' } });
    expect(item.history[0]).toMatchObject({ kind: 'registered', actor: null, request: { number: application.number } });
  });
});
