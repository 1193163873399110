import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { TestApp, type Session } from '../helpers/test-app.js';

/** The text of every page of a PDF, as a reader (or a screen reader) would extract it. */
async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return pages.join('\n');
}

/** Issue 3 / DOC-1: 附件一, 附件三 and 附件四 printed filled in, in Traditional Chinese with an embedded font. */
describe('printed forms', () => {
  let t: TestApp;
  let requester: Session;
  let chief: Session;
  let desk: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    requester = await t.signedIn('pf-requester', { unit: 'pf-section' });
    chief = await t.signedIn('pf-chief', {
      unit: 'pf-section',
      roles: [{ role: 'section_chief', unit: 'pf-section' }],
    });
    desk = await t.signedIn('pf-desk', { roles: ['desk_agent'] });
  });
  afterAll(() => t.stop());

  const pdfOf = (id: string, as: Session) => t.inject({ method: 'GET', url: `/api/requests/${id}/form.pdf`, as });

  it('prints 附件一 with the applicant, ROC dates and the section chief’s signed opinion, and audits it', async () => {
    const r = await t.fileRequest(requester, { title: '印表機故障', applicantName: '王小明' });
    const signed = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/actions/sign_section_chief`,
      as: chief,
      payload: { fields: { opinion: '請儘速處理' } },
    });
    expect(signed.statusCode).toBe(200);
    const res = await pdfOf(r.id, requester);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is subset: only the glyphs used are embedded.
    expect(res.rawPayload.length).toBeLessThan(200_000);
    const text = await textOf(res.rawPayload);
    expect(text).toContain('資訊服務申請單');
    expect(text).toContain(r.number);
    expect(text).toContain('王小明');
    expect(text).toContain('115 年 11 月 23 日');
    expect(text).toContain('使用者 pf-chief');
    expect(text).toContain('印表機故障');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', r.id)
      .where('action', '=', 'request.form_printed')
      .execute();
    expect(audit).toHaveLength(1);
    const outsider = await t.signedIn('pf-outsider', { unit: 'pf-elsewhere' });
    expect((await pdfOf(r.id, outsider)).statusCode).toBe(404);
  });

  it('prints 附件三 for an incident and 附件四 for a vendor application', async () => {
    const incident = await t.fileRequest(desk, {
      type: 'security_incident',
      channel: 'phone',
      title: '網站遭置換',
      form: {
        agencyName: '中部科學園區管理局',
        reporterName: '李通報',
        reporterPhone: '04-2565-8588',
        occurredAt: '2026-11-23T09:20:00+08:00',
        category: 'intrusion',
        damage: 'web_defaced',
        description: '首頁遭置換為不明圖片',
      },
    });
    const three = await textOf((await pdfOf(incident.id, desk)).rawPayload);
    expect(three).toContain('資通安全事件通報單');
    expect(three).toContain('李通報');
    expect(three).toContain('■非法入侵');
    expect(three).toContain('■網頁遭篡改');
    expect(three).toContain('首頁遭置換為不明圖片');

    const applied = await t.inject({
      method: 'POST',
      url: '/api/public/vendor-applications',
      payload: {
        form: {
          park: 'ctsp',
          applicationCategory: 'new',
          applicantKind: 'customs_broker',
          companyCode: '87654321',
          companyName: '中科報關有限公司',
          responsiblePerson: '周負責',
          adminEmployeeNo: 'A01',
          adminName: '吳管理',
          adminPhone: '04-2200-0000',
          adminDepartment: '報關部',
          adminSupervisor: '鄭主管',
          adminEmail: 'admin@broker.example',
        },
      },
    });
    const four = await textOf((await pdfOf(applied.json().id, desk)).rawPayload);
    expect(four).toContain('廠商共用性資訊服務系統管理者申請表');
    expect(four).toContain('中科報關有限公司');
    expect(four).toContain('吳管理');
    expect(four).toContain('請蓋公司章');
  });
});
