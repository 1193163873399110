import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { TestApp, type Session } from '../helpers/test-app.js';

/** The text of each page of a PDF, as a reader (or a screen reader) would extract it. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return pages;
}

const squash = (text: string) => text.replace(/\s+/g, '');

type Detail = { status: string; workflow: { active: Array<{ id: string }>; data: Record<string, unknown> } };

/** A Linux application server: host scan, malware scan and patch level, dated within the month. */
const server = (overrides: Record<string, unknown> = {}) => ({
  name: '公文系統主機',
  deviceType: 'server_ap',
  brand: 'HPE',
  model: 'ProLiant DL380 Gen11',
  serialNumber: 'SGH123ABCD',
  os: 'linux',
  osVersion: 'Ubuntu 24.04 LTS',
  cpu: 'Intel Xeon Silver 4410Y ×2',
  memory: '128 GB',
  disk: '2 TB SSD RAID 1',
  software: 'Apache Tomcat 10',
  database: '無',
  purpose: '公文線上簽核',
  custodian: '陳保管',
  maintenanceVendor: '中科系統整合股份有限公司',
  warranty: '2031-12-31',
  rackUnits: 2,
  needsIp: 'internal',
  tests: {
    host_scan: { date: '2026-11-20', highestSeverity: 'low' },
    malware_scan: { date: '2026-11-18', highestSeverity: 'none' },
    patch_level: { date: '2026-11-19', highestSeverity: 'none' },
  },
  ...overrides,
});

/** A storage shelf: no tests, no agents, no IP: only the application letter. */
const storage = (i: number) => ({
  name: `儲存設備 ${i}`,
  deviceType: 'storage',
  brand: 'Synology',
  model: `RS${2400 + i}`,
  serialNumber: `SN-${String(i).padStart(4, '0')}`,
  os: 'none',
  osVersion: '無',
  cpu: '無',
  memory: '無',
  disk: '96 TB',
  software: '無',
  database: '無',
  purpose: '公文影像備份',
  custodian: '陳保管',
  maintenanceVendor: '無',
  warranty: '2030-06-30',
  rackUnits: 2,
  needsIp: 'none',
});

/** Issue 6: the move-in/out form (both pages) filled in, and the return letter, printed. */
describe('printed data-centre documents', () => {
  let t: TestApp;
  let requester: Session;
  let dcAdmin: Session;
  let assetKeeper: Session;
  let security: Session;
  let network: Session;
  let antivirus: Session;
  let mdr: Session;
  let vans: Session;
  let netsec: Session;
  let outsider: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.unit('dcp-city');
    await t.unit('dcp-agency', 'dcp-city');
    await t.unit('dcp-digital', 'dcp-city');
    requester = await t.signedIn('dcp-requester', { unit: 'dcp-agency' });
    const reviewer = (username: string, role: Parameters<TestApp['user']>[1]) =>
      t.signedIn(username, { unit: 'dcp-digital', ...role });
    dcAdmin = await reviewer('dcp-dc', { roles: ['dc_admin'] });
    assetKeeper = await reviewer('dcp-asset', { roles: ['asset_keeper'] });
    security = await reviewer('dcp-sec', { roles: ['security_officer'] });
    network = await reviewer('dcp-net', { roles: ['network_admin'] });
    antivirus = await reviewer('dcp-av', { roles: ['antivirus_officer'] });
    mdr = await reviewer('dcp-mdr', { roles: ['mdr_officer'] });
    vans = await reviewer('dcp-vans', { roles: ['vans_officer'] });
    netsec = await reviewer('dcp-chief', { roles: ['netsec_chief'] });
    outsider = await t.signedIn('dcp-outsider', { unit: 'dcp-elsewhere' });
  }, 120_000);
  afterAll(() => t.stop());

  const act = async (id: string, action: string, as: Session, fields: Record<string, unknown> = {}) => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/requests/${id}/actions/${action}`,
      as,
      payload: { fields },
    });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  const detail = async (id: string) =>
    (await t.inject({ method: 'GET', url: `/api/requests/${id}`, as: requester })).json<Detail>();
  const formPdf = (id: string, as: Session) => t.inject({ method: 'GET', url: `/api/requests/${id}/form.pdf`, as });
  const letterPdf = (id: string, as: Session) =>
    t.inject({ method: 'GET', url: `/api/requests/${id}/return-letter.pdf`, as });

  /** Uploads one labelled document (multipart: `document`, `device`, then the file). */
  async function upload(id: string, document: string, device: number | null) {
    const boundary = `----dcp${Math.random().toString(16).slice(2)}`;
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = Buffer.concat([
      Buffer.from(field('document', document) + (device === null ? '' : field('device', String(device)))),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${document}.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 ${document}\r\n--${boundary}--\r\n`,
      ),
    ]);
    const res = await t.inject({
      method: 'POST',
      url: `/api/requests/${id}/attachments`,
      as: requester,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, `${document}: ${res.body}`).toBe(201);
  }

  /** Files a move-in of one Linux server with its documents, and submits it to the window. */
  async function fileAndSubmit(title: string) {
    const r = await t.fileRequest(requester, {
      type: 'dc_equipment',
      title,
      description: '公文系統汰換新主機，移入資訊機房',
      applicationDate: '2026-11-23',
      wishedDate: '2026-12-10',
      form: {
        movement: 'move_in',
        letterNumber: '中市秘資字第1150012345號',
        letterDate: '2026-11-20',
        systemName: '公文管理系統',
        agencySealed: true,
        devices: [server()],
      },
    });
    for (const document of ['application_letter', 'network_request', 'sslvpn_request'])
      await upload(r.id, document, null);
    for (const document of [
      'golive_record',
      'report_host_scan',
      'report_malware_scan',
      'report_patch_level',
      'proof_antivirus',
      'proof_mdr',
      'proof_vans',
    ]) {
      await upload(r.id, document, 0);
    }
    await act(r.id, 'submit', requester);
    return r;
  }

  /** As fileAndSubmit, and the window finds the four documents complete. */
  async function fileAndReceive(title: string) {
    const r = await fileAndSubmit(title);
    await act(r.id, 'receive_documents', dcAdmin, {
      receivedOn: '2026-11-24',
      letterReceived: true,
      originalFormReceived: true,
    });
    return r;
  }

  const approveRest = async (id: string, except: string[] = []) => {
    const all: Array<[string, Session, Record<string, unknown>]> = [
      ['review_asset_keeper', assetKeeper, { decision: 'approve', opinion: '資產資料完整' }],
      ['review_security', security, { decision: 'approve', opinion: '弱掃報告無中風險以上弱點' }],
      [
        'review_network',
        network,
        { decision: 'approve', opinion: '網路連線申請單齊備', ipAddresses: ['10.20.30.40, 10.20.30.41'] },
      ],
      ['review_antivirus', antivirus, { decision: 'approve', opinion: '防毒已安裝' }],
      ['review_mdr', mdr, { decision: 'approve', opinion: 'MDR 已回報' }],
      ['review_vans', vans, { decision: 'approve', opinion: 'VANS 已安裝' }],
    ];
    for (const [action, as, fields] of all) if (!except.includes(action)) await act(id, action, as, fields);
  };

  it('prints both pages of an approved move-in: page 2 device data, asset number, IPs, ROC dates, opinions', async () => {
    const r = await fileAndReceive('公文系統主機移入');
    await act(r.id, 'review_dc_admin', dcAdmin, {
      decision: 'approve',
      opinion: '第 1 頁填寫無誤，給予資產編號',
      assetNumbers: ['DC-115-0042'],
      rackLocations: ['A03 機櫃 U10–U11'],
      coordination: '請於上班時間由廠商陪同搬入',
      vmLocation: '無',
      managementAccount: 'dcp-sysadmin',
    });
    await approveRest(r.id);
    await act(r.id, 'forward_for_approval', dcAdmin, { opinion: '各審查人員意見均符合，陳核' });
    await act(r.id, 'approve', netsec, { opinion: '准予移入' });
    expect((await detail(r.id)).status).toBe('closed');

    const res = await formPdf(r.id, requester);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pages = await pagesOf(res.rawPayload);
    const front = pages[0]!;
    expect(front).toContain('資訊機房設備／系統移（攜）出入申請單');
    expect(front).toContain(r.number);
    expect(front).toContain('單位 dcp-agency');
    expect(front).toContain('115 年 11 月 23 日'); // application date
    expect(front).toContain('115 年 12 月 10 日'); // planned move-in
    expect(front).toContain('■移入');
    expect(front).toContain('□移出');
    expect(front).toContain('公文管理系統');
    expect(front).toContain('中市秘資字第1150012345號');
    expect(front).toContain('115 年 11 月 20 日'); // the letter's date
    expect(front).toContain('DC-115-0042');
    expect(front).toContain('請於上班時間由廠商陪同搬入');
    expect(front).toContain('dcp-sysadmin');
    expect(front).toContain('（密碼另行通知）');
    expect(front).toContain('第 1 頁填寫無誤，給予資產編號');
    expect(front).toContain('弱掃報告無中風險以上弱點');
    expect(front).toContain('使用者 dcp-sec');
    expect(front).toContain('符合規定');
    expect(front).toContain('■核准：准予移入');
    expect(front).toContain('使用者 dcp-chief');
    const back = pages.slice(1).join('\n');
    expect(back).toContain('軟硬體資產資料');
    for (const value of [
      '公文系統主機',
      'Server（AP）',
      'HPE',
      'ProLiant DL380 Gen11',
      'SGH123ABCD',
      'Linux Ubuntu 24.04 LTS',
      'Intel Xeon Silver 4410Y ×2',
      '128 GB',
      '2 TB SSD RAID 1',
      'Apache Tomcat 10',
      '公文線上簽核',
      '陳保管',
      '中科系統整合股份有限公司',
      '2031-12-31',
      '內部 IP',
      '10.20.30.40, 10.20.30.41',
      'DC-115-0042',
      'A03 機櫃 U10–U11',
      '主機弱點掃描結果',
      '病毒及惡意程式偵測結果',
      '弱點、漏洞修補結果',
      '115 年 11 月 18 日',
      '低風險',
      '無弱點',
      '數位發展局填寫',
    ]) {
      // Wrapped lines come out joined without a space: compare without white space.
      expect(squash(back), value).toContain(squash(value));
    }
    // An approved application has no return letter.
    const letter = await letterPdf(r.id, requester);
    expect(letter.statusCode).toBe(409);
    expect(letter.headers['content-type']).toContain('application/problem+json');
    expect(letter.json()).toMatchObject({ code: 'conflict' });
  });

  it('prints the return letter of an application still incomplete after correction, for whoever sees it, audited', async () => {
    const r = await fileAndReceive('公文系統主機移入（補件）');
    // Before it is returned: no letter.
    expect((await letterPdf(r.id, requester)).statusCode).toBe(409);
    await act(r.id, 'review_dc_admin', dcAdmin, { decision: 'return', opinion: '申請單第 1 頁未填申請人電話分機' });
    await act(r.id, 'review_security', security, { decision: 'return', opinion: '資訊系統上線作業紀錄表未經主管簽章' });
    await approveRest(r.id, ['review_security']);
    await act(r.id, 'request_correction', dcAdmin, { reasons: '請補正申請單電話分機及上線作業紀錄表簽章' });
    await act(r.id, 'resubmit', requester, { note: '已補正電話分機' });
    await act(r.id, 'review_dc_admin', dcAdmin, { decision: 'approve', opinion: '電話已補正' });
    await act(r.id, 'review_security', security, { decision: 'return', opinion: '上線作業紀錄表仍未簽章' });
    expect((await detail(r.id)).workflow.active.map((a) => a.id)).toContain('final_consolidation');
    await act(r.id, 'return_application', dcAdmin, {
      reasons: '經通知修正後，資訊系統上線作業紀錄表仍未齊備',
      letterNumber: '中市數資字第1150098765號',
    });
    expect((await detail(r.id)).status).toBe('rejected');

    const res = await letterPdf(r.id, requester);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${r.number}-return-letter.pdf`);
    const text = (await pagesOf(res.rawPayload)).join('\n');
    expect(text).toContain('函');
    expect(text).toContain('受文者：單位 dcp-agency');
    expect(text).toContain('發文日期：中華民國115年11月23日');
    expect(text).toContain('發文字號：中市數資字第1150098765號');
    expect(text).toContain('檢還貴機關115年11月20日中市秘資字第1150012345號函申請資訊機房設備移入申請文件');
    expect(text).toContain(r.number);
    expect(text).toContain('經通知修正後，資訊系統上線作業紀錄表仍未齊備');
    expect(text).toContain('請補正申請單電話分機及上線作業紀錄表簽章');
    expect(text).toContain('資通安全專職人員意見：上線作業紀錄表仍未簽章');
    // The administrator's first objection was corrected: it is not a reason any more.
    expect(text).not.toContain('未填申請人電話分機');
    expect(text).toContain('重新提出申請');
    expect(text).toContain('正本：單位 dcp-agency');
    expect(text).toContain('副本：');
    expect(text).toContain('承辦人：使用者 dcp-dc');

    // Whoever sees the request prints it (the data centre too); someone of another unit learns nothing.
    expect((await letterPdf(r.id, dcAdmin)).statusCode).toBe(200);
    expect((await letterPdf(r.id, outsider)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', r.id)
      .where('action', '=', 'request.return_letter_printed')
      .execute();
    expect(audit).toHaveLength(2);

    // The form of the returned application shows the opinions and the letter.
    const form = (await pagesOf((await formPdf(r.id, requester)).rawPayload))[0]!;
    expect(form).toContain('上線作業紀錄表仍未簽章');
    expect(form).toContain('不符，須修正');
    expect(form).toContain('中市數資字第1150098765號');

    // The agency applies again, linking the returned application.
    const again = await t.fileRequest(requester, {
      type: 'dc_equipment',
      title: '公文系統主機移入（重新申請）',
      wishedDate: '2026-12-10',
      previousRequestId: r.id,
      form: {
        movement: 'move_in',
        letterNumber: '中市秘資字第1150012399號',
        letterDate: '2026-11-23',
        systemName: '公文管理系統',
        agencySealed: true,
        devices: [server()],
      },
    });
    expect((await letterPdf(again.id, requester)).statusCode).toBe(409);
    const againForm = (await pagesOf((await formPdf(again.id, requester)).rawPayload))[0]!;
    expect(againForm.replace(/\s+/g, '')).toContain(`原申請單號${r.number}`);
  });

  it('prints the letter of an application the window returns at once, numbered with the application', async () => {
    const r = await fileAndSubmit('公文系統主機移入（未附正本）');
    await act(r.id, 'return_application', dcAdmin, { reasons: '未收到申請單正本（須經申請機關核章）' });
    const text = (await pagesOf((await letterPdf(r.id, requester)).rawPayload)).join('\n');
    expect(text).toContain(`發文字號：${r.number}`);
    expect(text).toContain('經本局審查，文件尚未齊備');
    expect(text).toContain('（一）未收到申請單正本（須經申請機關核章）');
    expect(text).not.toContain('通知修正事項');
  });

  it('answers 404 for a request the caller cannot see, and 409 for a request of another type', async () => {
    const general = await t.fileRequest(requester, { title: '一般申請' });
    expect((await letterPdf(general.id, requester)).statusCode).toBe(409);
    expect((await letterPdf(general.id, outsider)).statusCode).toBe(404);
    expect((await letterPdf('00000000-0000-4000-8000-000000000000', requester)).statusCode).toBe(404);
  });

  it('prints 1 and 30 devices on A4 with page breaks, small with the font subset', async () => {
    const sizes: Record<number, number> = {};
    for (const count of [1, 30]) {
      const r = await t.fileRequest(requester, {
        type: 'dc_equipment',
        title: `儲存設備移入 ${count} 項`,
        description: '備份設備擴充',
        wishedDate: '2026-12-10',
        form: {
          movement: 'move_in',
          letterNumber: '中市秘資字第1150020000號',
          letterDate: '2026-11-20',
          systemName: '備份系統',
          agencySealed: true,
          devices: Array.from({ length: count }, (_, i) => storage(i + 1)),
        },
      });
      const res = await formPdf(r.id, requester);
      expect(res.statusCode).toBe(200);
      sizes[count] = res.rawPayload.length;
      const pages = await pagesOf(res.rawPayload);
      const text = pages.join('\n');
      expect(text).toContain(`設備 ${count}／${count}：儲存設備 ${count}`);
      expect(text).toContain(`SN-${String(count).padStart(4, '0')}`);
      expect(text).toContain('本設備種類無需檢附資安檢測報告');
      if (count === 30) expect(pages.length).toBeGreaterThan(5);
      else expect(pages.length).toBe(2);
    }
    // Measured: about 74 KB for 1 device and 104 KB for 30 (the CJK font subset is most of it).
    expect(sizes[1]).toBeLessThan(150_000);
    expect(sizes[30]).toBeLessThan(250_000);
  });
});
