import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DC_DEVICE_TYPES,
  DC_TESTS,
  requiredDeviceDocuments,
  requiredApplicationDocuments,
  type DcDeviceType,
} from '../../src/shared/data-centre.js';
import { TestApp, multipart, type Session } from '../helpers/test-app.js';

/**
 * Issue 6 (001, DC-1..DC-4): data-centre move-in/out applications. The planned move is on
 * 2026-12-10 (the test clock reads 2026-11-23), so a test report may be dated 2026-11-10 at the
 * earliest.
 */
const PLANNED = '2026-12-10';

/** Page 2 of the form for one device; every field filled, 「無」 where there is nothing. */
function device(deviceType: DcDeviceType, overrides: Record<string, unknown> = {}) {
  return {
    name: `設備 ${deviceType}`,
    deviceType,
    brand: 'HPE',
    model: 'ProLiant DL380 Gen11',
    serialNumber: 'SGH123ABC',
    os: 'none',
    osVersion: '無',
    cpu: '無',
    memory: '無',
    disk: '無',
    software: '無',
    database: '無',
    purpose: '公文系統備援',
    custodian: '王小明',
    maintenanceVendor: '中科資訊股份有限公司',
    warranty: '2029-12-31',
    rackUnits: 2,
    needsIp: 'none',
    ...overrides,
  };
}

const passing = (date = '2026-11-20', highestSeverity = 'low') => ({ date, highestSeverity });

/** A Linux application server with every test it needs, passing. */
const linuxServer = (overrides: Record<string, unknown> = {}) =>
  device('server_ap', {
    name: '公文系統 AP',
    os: 'linux',
    osVersion: 'Ubuntu 24.04',
    needsIp: 'internal',
    tests: { host_scan: passing(), malware_scan: passing('2026-11-21', 'none'), patch_level: passing() },
    ...overrides,
  });

function form(devices: unknown[], overrides: Record<string, unknown> = {}) {
  return {
    movement: 'move_in',
    letterNumber: '中科投字第1150001234號',
    letterDate: '2026-11-20',
    systemName: '公文管理系統',
    agencySealed: true,
    devices,
    ...overrides,
  };
}

type Problem = { field: string; code: string; message: string; message_zh: string };

describe('data-centre equipment applications', () => {
  let t: TestApp;
  let applicant: Session;
  let other: Session;
  let people: Record<string, Session>;
  beforeAll(async () => {
    t = await TestApp.start();
    applicant = await t.signedIn('dc-applicant', { unit: 'investment' });
    other = await t.signedIn('dc-other', { unit: 'commerce' });
    people = {
      dc_admin: await t.signedIn('dc-admin', { roles: ['dc_admin'] }),
      asset_keeper: await t.signedIn('dc-asset', { roles: ['asset_keeper'] }),
      security: await t.signedIn('dc-security', { roles: ['security_officer'] }),
      network: await t.signedIn('dc-network', { roles: ['network_admin'] }),
      antivirus: await t.signedIn('dc-antivirus', { roles: ['antivirus_officer'] }),
      mdr: await t.signedIn('dc-mdr', { roles: ['mdr_officer'] }),
      vans: await t.signedIn('dc-vans', { roles: ['vans_officer'] }),
      chief: await t.signedIn('dc-chief', { roles: ['netsec_chief'] }),
    };
  });
  afterAll(() => t.stop());

  const file = (f: Record<string, unknown>, overrides: Record<string, unknown> = {}, as = applicant) =>
    t.inject({
      method: 'POST',
      url: '/api/requests',
      as,
      payload: t.requestBody(as, {
        type: 'dc_equipment',
        title: '公文系統主機進駐機房',
        description: '公文系統汰換主機，申請移入資訊機房。',
        wishedDate: PLANNED,
        form: f,
        ...overrides,
      }),
    });
  const filed = async (f: Record<string, unknown>, overrides: Record<string, unknown> = {}) => {
    const res = await file(f, overrides);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; number: string }>();
  };
  const upload = (id: string, document: string, dev: number | null, as = applicant) =>
    t.inject({
      method: 'POST',
      url: `/api/requests/${id}/attachments`,
      as,
      ...multipart([{ name: `${document}.pdf`, type: 'application/pdf', content: `%PDF-1.4 ${document}` }], 'file', {
        document,
        ...(dev === null ? {} : { device: String(dev) }),
      }),
    });
  /** Uploads every file the form's devices and the application need. */
  async function uploadAll(id: string, devices: Array<Record<string, unknown>>) {
    for (const document of requiredApplicationDocuments({ devices })) {
      expect((await upload(id, document, null)).statusCode).toBe(201);
    }
    for (const [i, d] of devices.entries()) {
      for (const document of requiredDeviceDocuments(d)) expect((await upload(id, document, i)).statusCode).toBe(201);
    }
  }
  const act = (id: string, action: string, as: Session, fields: Record<string, unknown> = {}) =>
    t.inject({ method: 'POST', url: `/api/requests/${id}/actions/${action}`, as, payload: { fields } });
  const ok = async (id: string, action: string, as: Session, fields: Record<string, unknown> = {}) => {
    const res = await act(id, action, as, fields);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  const detail = async (id: string, as: Session = people.dc_admin!) =>
    (await t.inject({ method: 'GET', url: `/api/requests/${id}`, as })).json();
  const review = (decision: string, extra: Record<string, unknown> = {}) => ({ decision, opinion: '經檢視', ...extra });
  const REVIEWS = ['asset_keeper', 'security', 'network', 'antivirus', 'mdr', 'vans'] as const;

  /** Files, uploads, submits and has the window receive it: the application is in review. */
  async function inReview(devices: Array<Record<string, unknown>>, overrides: Record<string, unknown> = {}) {
    const { id, number } = await filed(form(devices, overrides));
    await uploadAll(id, devices);
    await ok(id, 'submit', applicant);
    await ok(id, 'receive_documents', people.dc_admin!, {
      receivedOn: '2026-11-23',
      letterReceived: true,
      originalFormReceived: true,
    });
    return { id, number };
  }

  describe('the evidence each device type needs (001 二.4, TC-ISMS-2-08 安全性檢測)', () => {
    const EXPECTED: Record<DcDeviceType, string[]> = {
      server_ap: ['host_scan', 'malware_scan', 'patch_level'],
      server_db: ['host_scan', 'malware_scan', 'patch_level'],
      server_vm: ['host_scan', 'malware_scan', 'patch_level'],
      web_ap: ['web_app_scan'],
      web_ap_db: ['web_app_scan'],
      large_public_site: ['penetration_test'],
      disk_array: [],
      storage: [],
      network_device: [],
      embedded_device: [],
      spare_part: [],
    };
    it('lists every device type of the table', () => {
      expect(Object.keys(EXPECTED).sort()).toEqual([...DC_DEVICE_TYPES].sort());
    });
    it.each(DC_DEVICE_TYPES.map((type) => [type, EXPECTED[type]] as const))(
      'a %s without reports is refused for exactly %j',
      async (type, tests) => {
        const res = await file(form([device(type)]));
        if (tests.length === 0) {
          expect(res.statusCode, res.body).toBe(201);
          return;
        }
        expect(res.statusCode).toBe(400);
        const errors = res.json<{ errors: Problem[] }>().errors;
        expect(errors.map((e) => e.field).sort()).toEqual(tests.map((test) => `form.devices.0.tests.${test}`).sort());
        expect(errors.every((e) => e.code === 'test_missing')).toBe(true);
        expect(errors[0]!.message_zh).toContain(`設備「設備 ${type}」`);
      },
    );
    it('a web AP serving the public also needs its source-code scan', async () => {
      const res = await file(form([device('web_ap', { publicFacing: true, tests: { web_app_scan: passing() } })]));
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: Problem[] }>().errors.map((e) => e.field)).toEqual([
        'form.devices.0.tests.source_code',
      ]);
      const complete = await file(
        form([device('web_ap', { publicFacing: true, tests: { web_app_scan: passing(), source_code: passing() } })]),
      );
      expect(complete.statusCode, complete.body).toBe(201);
    });
    it('knows the six tests of the table', () => {
      expect(new Set(Object.values(EXPECTED).flat().concat('source_code'))).toEqual(new Set(DC_TESTS));
    });
  });

  describe('the scan report (001 二.3, DC-2)', () => {
    const withScan = (date: string, highestSeverity = 'none') =>
      form([
        device('server_vm', {
          tests: { host_scan: { date, highestSeverity }, malware_scan: passing(), patch_level: passing() },
        }),
      ]);

    it('accepts a scan dated exactly one month before the planned move and refuses one a day older', async () => {
      expect((await file(withScan('2026-11-10'))).statusCode).toBe(201);
      const old = await file(withScan('2026-11-09'));
      expect(old.statusCode).toBe(400);
      const [error] = old.json<{ errors: Problem[] }>().errors;
      expect(error).toMatchObject({ field: 'form.devices.0.tests.host_scan.date', code: 'scan_too_old' });
      expect(error!.message_zh).toContain('主機弱點掃描結果');
      expect(error!.message_zh).toContain('2026-11-09');
      expect(error!.message).toContain('more than one month before the planned move on 2026-12-10');
    });

    it('refuses a scan dated after the planned move', async () => {
      const res = await file(withScan('2026-12-11'));
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: Problem[] }>().errors[0]!.code).toBe('scan_after_move');
    });

    it.each([
      ['medium', 400],
      ['high', 400],
      ['critical', 400],
      ['low', 201],
      ['none', 201],
    ] as const)('a %s finding is answered %i', async (severity, status) => {
      const res = await file(withScan('2026-11-20', severity));
      expect(res.statusCode).toBe(status);
      if (status === 400) {
        const [error] = res.json<{ errors: Problem[] }>().errors;
        expect(error).toMatchObject({
          field: 'form.devices.0.tests.host_scan.highestSeverity',
          code: 'severity_too_high',
        });
        expect(error!.message_zh).toContain('中風險以上須修補後重新檢測');
      }
    });

    it('refuses a blank page-2 field but accepts 無', async () => {
      const blank = await file(form([device('storage', { software: '  ' })]));
      expect(blank.statusCode).toBe(400);
      expect(blank.json<{ errors: Problem[] }>().errors.map((e) => e.field)).toContain('form.devices.0.software');
      expect((await file(form([device('storage', { software: '無' })]))).statusCode).toBe(201);
    });
  });

  describe('documents (DC-1)', () => {
    it('submitting names every missing file; Linux hosts need agent proofs, an IP the network forms', async () => {
      const devices = [linuxServer(), device('storage')];
      const { id } = await filed(form(devices));
      const missing = await act(id, 'submit', applicant);
      expect(missing.statusCode).toBe(400);
      const errors = missing.json<{ errors: Problem[] }>().errors;
      const zh = errors.map((e) => e.message_zh);
      expect(zh).toEqual(
        expect.arrayContaining([
          '設備「公文系統 AP」尚缺「資訊系統上線作業紀錄表」',
          '設備「公文系統 AP」尚缺「主機弱點掃描結果」',
          '設備「公文系統 AP」尚缺「防毒軟體安裝佐證」',
          '設備「公文系統 AP」尚缺「VANS 安裝佐證」',
          '申請尚缺「申請函（掃描檔）」',
          '申請尚缺「主機設備網路連線申請單」',
          '申請尚缺「SSLVPN 網路連線維護申請單」',
        ]),
      );
      // The storage device needs no report: nothing is asked of it.
      expect(zh.some((m) => m.includes('設備 storage'))).toBe(false);
      expect(errors).toHaveLength(3 + 1 + 3 + 3);

      await uploadAll(id, devices);
      await ok(id, 'submit', applicant);
      const d = await detail(id, applicant);
      expect(d.attachments.find((a: { document: string }) => a.document === 'proof_mdr')).toMatchObject({ device: 0 });
    });

    it('reads a scanner export uploaded as a report: it must agree with the form and show nothing medium or above', async () => {
      const { id } = await filed(form([linuxServer()]));
      const nessus = (severity: number, end = 'Fri Nov 20 16:00:00 2026') =>
        `<NessusClientData_v2><Report name="r"><ReportHost name="10.20.1.15"><HostProperties><tag name="HOST_END">${end}</tag></HostProperties><ReportItem port="22" severity="${severity}" pluginID="1" pluginName="x"></ReportItem></ReportHost></Report></NessusClientData_v2>`;
      const send = (content: string) =>
        t.inject({
          method: 'POST',
          url: `/api/requests/${id}/attachments`,
          as: applicant,
          ...multipart([{ name: 'scan.nessus', type: 'application/xml', content }], 'file', {
            document: 'report_host_scan',
            device: '0',
          }),
        });
      const medium = await send(nessus(2));
      expect(medium.statusCode).toBe(400);
      expect(medium.json<{ errors: Problem[] }>().errors[0]).toMatchObject({
        field: 'file',
        code: 'severity_too_high',
      });
      const otherDay = await send(nessus(1, 'Thu Nov 19 16:00:00 2026'));
      expect(otherDay.statusCode).toBe(400);
      expect(otherDay.json<{ errors: Problem[] }>().errors[0]!.code).toBe('export_disagrees');
      // The form says 2026-11-20, low: the export agrees.
      expect((await send(nessus(1))).statusCode).toBe(201);
    });

    it('the applicant withdraws a file uploaded by mistake until the window receives it', async () => {
      const devices = [device('storage')];
      const { id } = await filed(form(devices));
      const wrong = (await upload(id, 'application_letter', null)).json<Array<{ id: string }>>()[0]!.id;
      const remove = (attachmentId: string, as: Session) =>
        t.inject({ method: 'DELETE', url: `/api/requests/${id}/attachments/${attachmentId}`, as });
      expect((await remove(wrong, people.dc_admin!)).statusCode).toBe(403);
      expect((await remove(wrong, other)).statusCode).toBe(404);
      expect((await remove(wrong, applicant)).statusCode).toBe(204);
      let d = await detail(id, applicant);
      expect(d.attachments).toEqual([]);
      expect(d.history.find((h: { kind: string }) => h.kind === 'attachment_removed').data).toMatchObject({
        fileName: 'application_letter.pdf',
        document: 'application_letter',
      });
      const right = (await upload(id, 'application_letter', null)).json<Array<{ id: string }>>()[0]!.id;
      await ok(id, 'submit', applicant);
      await ok(id, 'receive_documents', people.dc_admin!, {
        receivedOn: '2026-11-23',
        letterReceived: true,
        originalFormReceived: true,
      });
      expect((await remove(right, applicant)).statusCode).toBe(409);
      d = await detail(id, applicant);
      expect(d.attachments).toHaveLength(1);
    });

    it('checks what an upload says it is', async () => {
      const { id } = await filed(form([device('storage')]));
      const unknown = await upload(id, 'holiday_photos', null);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json<{ errors: Problem[] }>().errors[0]!.field).toBe('document');
      expect((await upload(id, 'golive_record', 3)).statusCode).toBe(400);
      expect((await upload(id, 'golive_record', null)).statusCode).toBe(400);
      expect((await upload(id, 'application_letter', 0)).statusCode).toBe(400);
      const general = await t.fileRequest(applicant);
      const notAnApplication = await upload(general.id, 'application_letter', null);
      expect(notAnApplication.statusCode).toBe(400);
      expect(notAnApplication.json<{ errors: Problem[] }>().errors[0]!.code).toBe('not_an_application');
    });
  });

  it('reviews in parallel; one reviewer returns it, the agency corrects, only that reviewer looks again, approval registers the device', async () => {
    const { id, number } = await inReview([linuxServer()]);
    let d = await detail(id);
    expect(d.status).toBe('in_progress');
    const waiting = d.workflow.active.map((s: { id: string }) => s.id);
    expect(waiting).toEqual(expect.arrayContaining(['dc_admin_pending', 'security_pending', 'vans_pending']));
    // Each reviewer sees only their own step; nobody else may take it.
    expect(d.workflow.actions.map((a: { name: string }) => a.name)).toEqual(['review_dc_admin']);
    expect((await act(id, 'review_security', people.dc_admin!, review('approve'))).statusCode).toBe(403);
    expect((await act(id, 'review_security', applicant, review('approve'))).statusCode).toBe(403);
    // Every review step runs its own service-level clock.
    expect(d.clocks.map((c: { key: string }) => c.key)).toEqual(
      expect.arrayContaining(['dc.review.dc_admin', 'dc.review.security', 'dc.review.vans']),
    );

    await ok(
      id,
      'review_dc_admin',
      people.dc_admin!,
      review('approve', { assetNumbers: ['DC-115-0001'], rackLocations: ['A03-U12'] }),
    );
    for (const key of REVIEWS) {
      const extra = key === 'network' ? { ipAddresses: ['10.20.1.15'] } : {};
      await ok(id, `review_${key}`, people[key]!, review(key === 'security' ? 'return' : 'approve', extra));
    }
    d = await detail(id);
    expect(d.workflow.active.map((s: { id: string }) => s.id)).toEqual(['consolidation']);
    // The security officer returned it: it cannot go to the chief.
    const forward = await act(id, 'forward_for_approval', people.dc_admin!, { opinion: '陳核' });
    expect(forward.statusCode).toBe(400);
    expect(forward.json<{ errors: Problem[] }>().errors.map((e) => e.code)).toEqual(['review_returned']);

    await ok(id, 'request_correction', people.dc_admin!, { reasons: '上線作業紀錄表未填寫檢測人員' });
    d = await detail(id, applicant);
    expect(d.status).toBe('waiting');
    expect(d.clocks.every((c: { status: string }) => c.status !== 'running')).toBe(true);
    await ok(id, 'resubmit', applicant, { note: '已補正上線作業紀錄表' });

    d = await detail(id);
    // Those who agreed are not asked again.
    const pending = d.workflow.active.map((s: { id: string }) => s.id).filter((s: string) => s.endsWith('_pending'));
    expect(pending).toEqual(['security_pending']);
    await ok(id, 'review_security', people.security!, review('approve'));
    d = await detail(id);
    expect(d.workflow.active.map((s: { id: string }) => s.id)).toEqual(['final_consolidation']);
    // After a correction the administrator can forward it or return it, not ask again.
    expect(d.workflow.actions.map((a: { name: string }) => a.name).sort()).toEqual([
      'amend_asset_numbers',
      'forward_for_approval',
      'return_application',
    ]);
    await ok(id, 'forward_for_approval', people.dc_admin!, { opinion: '各項審查均符合，陳核' });
    expect((await act(id, 'approve', people.dc_admin!, {})).statusCode).toBe(403);
    await ok(id, 'approve', people.chief!, { opinion: '同意' });

    d = await detail(id, applicant);
    expect(d.status).toBe('closed');
    const registered = d.history.find((h: { kind: string }) => h.kind === 'assets_registered');
    expect(registered.data.assets).toEqual([
      expect.objectContaining({ assetNumber: 'DC-115-0001', change: 'registered' }),
    ]);
    const asset = await t.database.db
      .selectFrom('assets')
      .selectAll()
      .where('asset_number', '=', 'DC-115-0001')
      .executeTakeFirstOrThrow();
    expect(asset).toMatchObject({
      name: '公文系統 AP',
      kind: 'server_ap',
      status: 'in_service',
      owner_unit_id: applicant.user.unitId,
      rack_location: 'A03-U12',
      ip_addresses: ['10.20.1.15'],
      os: 'linux',
      os_version: 'Ubuntu 24.04',
      moved_in_request_id: id,
      in_service_since: PLANNED,
    });
    expect(Object.keys(asset.evidence.tests as object).sort()).toEqual(['host_scan', 'malware_scan', 'patch_level']);
    expect((asset.evidence.files as unknown[]).length).toBe(requiredDeviceDocuments(linuxServer()).length);
    const link = await t.database.db
      .selectFrom('request_assets')
      .selectAll()
      .where('asset_id', '=', asset.id)
      .executeTakeFirst();
    expect(link?.request_id).toBe(id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', asset.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['asset.registered']);
    expect(number).toMatch(/^CTSP-115-/);
  });

  it('returns an application still incomplete after the correction; the agency applies again, linking the old one', async () => {
    const devices = [device('storage')];
    const { id, number } = await inReview(devices);
    await ok(id, 'review_dc_admin', people.dc_admin!, review('return', { assetNumbers: [] }));
    for (const key of REVIEWS) await ok(id, `review_${key}`, people[key]!, review('not_applicable'));
    await ok(id, 'request_correction', people.dc_admin!, { reasons: '申請單第 1 頁未核章' });
    await ok(id, 'resubmit', applicant, { note: '已補核章' });
    await ok(id, 'review_dc_admin', people.dc_admin!, review('return'));
    await ok(id, 'return_application', people.dc_admin!, {
      reasons: '經通知修正後，申請單第 1 頁仍未核章',
      letterNumber: '中市數網字第1150009999號',
    });
    const returned = await detail(id, applicant);
    expect(returned.status).toBe('rejected');
    expect(returned.workflow.data.returnLetter.reasons).toContain('仍未核章');

    // Applying again: only for a returned application of the same type, and it links the old one.
    const open = (await filed(form(devices))).id;
    const notReturned = await file(form(devices), { previousRequestId: open });
    expect(notReturned.statusCode).toBe(400);
    expect(notReturned.json<{ errors: Problem[] }>().errors[0]).toMatchObject({
      field: 'previousRequestId',
      code: 'not_returned',
    });
    expect((await file(form(devices), { previousRequestId: id }, other)).statusCode).toBe(400);
    const again = await filed(form(devices), { previousRequestId: id });
    const d = await detail(again.id, applicant);
    expect(d.previousRequest).toEqual({ id, number });
    // The filing's response is the page, as its numbering statement returned it (issue 7).
    expect(again).toEqual(d);
    expect((await detail(id, applicant)).reapplications).toEqual([{ id: again.id, number: again.number }]);
  });

  it('a deputy acts for an absent reviewer while the deputyship runs (ORG-3)', async () => {
    const deputy = await t.signedIn('dc-deputy', { unit: 'it-services' });
    const { id } = await inReview([device('storage')]);
    expect(
      (await act(id, 'review_dc_admin', deputy, review('approve', { assetNumbers: ['DC-115-0900'] }))).statusCode,
    ).toBe(404);
    const appointed = await t.inject({
      method: 'POST',
      url: '/api/deputies',
      as: people.dc_admin!,
      payload: {
        principalId: people.dc_admin!.user.id,
        deputyId: deputy.user.id,
        role: 'dc_admin',
        startsAt: t.clock.now().toISOString(),
        endsAt: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
        reason: '休假',
      },
    });
    expect(appointed.statusCode, appointed.body).toBe(201);
    await ok(id, 'review_dc_admin', deputy, review('approve', { assetNumbers: ['DC-115-0900'] }));
    const d = await detail(id);
    expect(d.workflow.data.review.dc_admin.by).toBe(deputy.user.id);
  });

  it('the window returns an application whose documents are not complete', async () => {
    const devices = [device('network_device')];
    const { id } = await filed(form(devices));
    await uploadAll(id, devices);
    await ok(id, 'submit', applicant);
    await ok(id, 'return_application', people.dc_admin!, { reasons: '未收到紙本申請函' });
    expect((await detail(id, applicant)).status).toBe('rejected');
  });

  it('moving a device out closes its register item; an unknown or foreign asset number is refused at approval', async () => {
    const { id: inId } = await inReview([device('disk_array', { name: '磁碟陣列' })]);
    await ok(inId, 'review_dc_admin', people.dc_admin!, review('approve', { assetNumbers: ['DC-115-0100'] }));
    for (const key of REVIEWS) await ok(inId, `review_${key}`, people[key]!, review('not_applicable'));
    await ok(inId, 'forward_for_approval', people.dc_admin!, { opinion: '陳核' });
    await ok(inId, 'approve', people.chief!);

    // Moving out needs the registered number, not evidence.
    const noNumber = await file(form([device('disk_array')], { movement: 'move_out' }));
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json<{ errors: Problem[] }>().errors[0]!.field).toBe('form.devices.0.assetNumber');

    const moveOut = async (assetNumber: string) => {
      const { id } = await inReview([device('disk_array', { assetNumber })], { movement: 'move_out' });
      await ok(id, 'review_dc_admin', people.dc_admin!, review('approve'));
      for (const key of REVIEWS) await ok(id, `review_${key}`, people[key]!, review('not_applicable'));
      await ok(id, 'forward_for_approval', people.dc_admin!, { opinion: '陳核' });
      return id;
    };
    const unknown = await moveOut('DC-999-0000');
    const refused = await act(unknown, 'approve', people.chief!);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ errors: Problem[] }>().errors[0]).toMatchObject({
      field: 'form.devices.0.assetNumber',
      code: 'asset_not_movable',
    });
    expect((await detail(unknown)).status).toBe('in_progress');

    const out = await moveOut('dc-115-0100');
    await ok(out, 'approve', people.chief!);
    const asset = await t.database.db
      .selectFrom('assets')
      .selectAll()
      .where('asset_number', '=', 'DC-115-0100')
      .executeTakeFirstOrThrow();
    expect(asset).toMatchObject({ status: 'retired', moved_out_request_id: out, retired_on: PLANNED });
    const history = await t.database.db
      .selectFrom('asset_history')
      .select(['kind', 'request_id'])
      .where('asset_id', '=', asset.id)
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      { kind: 'registered', request_id: inId },
      { kind: 'moved_out', request_id: out },
    ]);
  });

  it('an asset number already in the register stops the approval with a message for the administrator', async () => {
    const { id } = await inReview([device('spare_part', { name: '備品硬碟' })]);
    await ok(id, 'review_dc_admin', people.dc_admin!, review('approve', { assetNumbers: ['DC-115-0001'] }));
    for (const key of REVIEWS) await ok(id, `review_${key}`, people[key]!, review('not_applicable'));
    await ok(id, 'forward_for_approval', people.dc_admin!, { opinion: '陳核' });
    const taken = await act(id, 'approve', people.chief!);
    expect(taken.statusCode).toBe(400);
    expect(taken.json<{ errors: Problem[] }>().errors[0]!.message_zh).toContain(
      '資產編號 DC-115-0001 已登錄於資產清冊',
    );
    await ok(id, 'send_back', people.chief!, { opinion: '資產編號重複，請另給編號' });
    expect((await detail(id)).workflow.active.map((s: { id: string }) => s.id)).toEqual(['final_consolidation']);
    await ok(id, 'amend_asset_numbers', people.dc_admin!, { assetNumbers: ['DC-115-0002'], rackLocations: ['B01'] });
    await ok(id, 'forward_for_approval', people.dc_admin!, { opinion: '已更正編號，陳核' });
    await ok(id, 'approve', people.chief!);
    const asset = await t.database.db
      .selectFrom('assets')
      .select(['name', 'rack_location'])
      .where('asset_number', '=', 'DC-115-0002')
      .executeTakeFirstOrThrow();
    expect(asset).toEqual({ name: '備品硬碟', rack_location: 'B01' });
  });
});
