import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, TestApp, type Session } from '../helpers/test-app.js';

/** The type's own fields (their forms in resources/workflows) for the types these tests file. */
const EQUIPMENT = { items: '筆記型電腦 2 台', purpose: '新進人員使用', budgetAllocated: true };
const RELOCATION = {
  equipment: '印表機（財產編號 3140101-03-000123）',
  fromLocation: '3F 東側',
  toLocation: '4F 會議室',
};
const APP = { system: '公文系統', requestKind: 'change' };

describe('filing and following requests (000 附件一, INT-6)', () => {
  let t: TestApp;
  let requester: Session; // unit: investment
  let colleague: Session; // same unit
  let outsider: Session; // another unit
  let desk: Session;
  let chief: Session; // section chief of a section under the commerce division
  let divisionHead: Session; // head of the commerce division

  beforeAll(async () => {
    t = await TestApp.start({ maxUploadBytes: 64 * 1024 });
    await t.unit('commerce');
    await t.unit('foreign-trade', 'commerce');
    requester = await t.signedIn('requester', { unit: 'investment' });
    colleague = await t.signedIn('colleague', { unit: 'investment' });
    outsider = await t.signedIn('outsider', { unit: 'construction' });
    desk = await t.signedIn('desk', { unit: 'it-services', roles: ['desk_agent'], kind: 'contractor' });
    chief = await t.signedIn('chief', {
      unit: 'foreign-trade',
      roles: [{ role: 'section_chief', unit: 'foreign-trade' }],
    });
    divisionHead = await t.signedIn('head', { unit: 'commerce', roles: [{ role: 'division_head', unit: 'commerce' }] });
  });
  afterAll(() => t.stop());

  it('files a request with every 附件一 field and records its creation in the history', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: requester,
      payload: t.requestBody(requester),
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(res.headers['location']).toBe(`/api/requests/${r.id}`);
    expect(r).toMatchObject({
      number: expect.stringMatching(/^CTSP-115-\d{5}$/),
      type: 'general',
      channel: 'web',
      status: 'submitted',
      unitId: requester.user.unitId,
      applicantUserId: requester.user.id,
      applicantName: '王小明',
      applicantPhone: '04-2565-8588 #123',
      applicationDate: '2026-11-23',
      wishedDate: '2026-12-10',
      description: '三樓東側印表機卡紙後無法列印，請協助處理。',
      can: { comment: true, attach: true, assign: false },
      // A unit without supervisors goes straight to the desk; the requester may still withdraw.
      workflow: expect.objectContaining({
        version: 1,
        active: [expect.objectContaining({ id: 'at_desk' })],
        actions: [expect.objectContaining({ name: 'withdraw' })],
      }),
    });
    expect(r.history[0]).toEqual(
      expect.objectContaining({
        seq: 1,
        kind: 'created',
        toStatus: 'submitted',
        actor: { id: requester.user.id, displayName: '使用者 requester' },
      }),
    );
    // SLA-2: a general request starts the 2-hour acknowledgement, 8-hour repair and 3-day limit clocks.
    expect(
      r.history.slice(1).map((h: { kind: string; data: { clock: string } }) => `${h.kind}:${h.data.clock}`),
    ).toEqual(['clock_started:fault.response', 'clock_started:fault.repair', 'clock_started:fault.limit']);
    // Written in one statement with the clocks' entries (issue 7), numbered in order.
    expect(r.history.map((h: { seq: number }) => h.seq)).toEqual([1, 2, 3, 4]);
  });

  it('answers a filing with the page its filer then reads (issue 7: returned by the numbering statement)', async () => {
    for (const [as, body] of [
      [requester, t.requestBody(requester, { title: '回應即頁面' })],
      // The desk types in a phone request for another unit (INT-1).
      [desk, { ...t.requestBody(outsider, { title: '電話報修' }), channel: 'phone' }],
    ] as const) {
      const res = await t.inject({ method: 'POST', url: '/api/requests', as, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      const filed = res.json();
      const read = await t.inject({ method: 'GET', url: `/api/requests/${filed.id}`, as });
      expect(filed).toEqual(read.json());
      expect(filed.history.length).toBeGreaterThan(1);
      expect(filed.sla.state).not.toBe('none');
    }
  });

  it('answers a step with the page its actor then reads (issue 7: returned by the step’s statement)', async () => {
    const { id } = await t.fileRequest(requester);
    const res = await t.inject({
      method: 'POST',
      url: `/api/requests/${id}/actions/receive`,
      as: desk,
      payload: { fields: {} },
    });
    expect(res.statusCode, res.body).toBe(200);
    const stepped = res.json();
    const read = await t.inject({ method: 'GET', url: `/api/requests/${id}`, as: desk });
    expect(stepped).toEqual(read.json());
    // The step's own history entries (its transition, the acknowledgement clock it stopped) are
    // on the page it answered with, after the filing's.
    expect(stepped.status).toBe('in_progress');
    expect(stepped.history.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'transition', data: expect.objectContaining({ action: 'receive' }) }),
      expect.objectContaining({ kind: 'clock_stopped', data: expect.objectContaining({ clock: 'fault.response' }) }),
    ]);
    expect(stepped.history.map((h: { seq: number }) => h.seq)).toEqual(
      Array.from({ length: stepped.history.length }, (_, i) => i + 1),
    );
  });

  it('keys each filing, and each clock it starts, in the order they were filed (issue 7: version 7 UUIDs)', async () => {
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const file = async () => {
      const { id } = await t.fileRequest(requester);
      const clocks = await t.database.db
        .selectFrom('request_clocks')
        .select('id')
        .where('request_id', '=', id)
        .execute();
      expect(clocks.length).toBeGreaterThan(0);
      return { id, clocks: clocks.map((c) => c.id) };
    };
    const first = await file();
    // The database counts its keys' time in milliseconds: the second filing starts in a later one.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = await file();
    for (const id of [first.id, second.id, ...first.clocks, ...second.clocks]) expect(id).toMatch(v7);
    expect(second.id > first.id).toBe(true);
    expect(second.clocks.every((later) => first.clocks.every((earlier) => later > earlier))).toBe(true);
  });

  it('names each bad field with a message in Chinese and English, and saves nothing', async () => {
    const before = (await t.inject({ method: 'GET', url: '/api/requests', as: desk })).json().total;
    const res = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: requester,
      payload: t.requestBody(requester, {
        applicantPhone: '',
        wishedDate: '2026-13-45',
        colour: 'red',
        title: 'x'.repeat(201),
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed', title_zh: '輸入資料有誤' });
    const byField = Object.fromEntries(problem.errors.map((e: { field: string }) => [e.field, e]));
    expect(byField['applicantPhone']).toMatchObject({ in: 'body', message: 'Required', message_zh: '必填' });
    expect(byField['wishedDate']).toMatchObject({ message_zh: '日期（YYYY-MM-DD）不正確' });
    expect(byField['title']).toMatchObject({ message: 'At most 200 characters', message_zh: '不得超過 200 個字' });
    expect(byField['colour']).toMatchObject({ code: 'unknown_field', message_zh: '不接受的欄位' });
    expect((await t.inject({ method: 'GET', url: '/api/requests', as: desk })).json().total).toBe(before);
  });

  it('refuses a wished completion date before the application date', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: requester,
      payload: t.requestBody(requester, { wishedDate: '2026-11-01' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'wishedDate', code: 'before_application' })]);
  });

  it('refuses equipment wished for within a month and a relocation within a week (SLA-2 lead times)', async () => {
    // The test clock stands at 2026-11-23 in Taipei.
    const equipment = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: requester,
      payload: t.requestBody(requester, { type: 'equipment', wishedDate: '2026-12-22', form: EQUIPMENT }),
    });
    expect(equipment.statusCode).toBe(400);
    expect(equipment.json().errors[0]).toMatchObject({
      field: 'wishedDate',
      code: 'lead_time',
      message_zh: '須於實際需要一個月前提出申請：希望完成日期最早為 2026-12-23',
    });
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/requests',
          as: requester,
          payload: t.requestBody(requester, { type: 'equipment', wishedDate: '2026-12-23', form: EQUIPMENT }),
        })
      ).statusCode,
    ).toBe(201);
    const relocation = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: requester,
      payload: t.requestBody(requester, { type: 'relocation', wishedDate: '2026-11-29', form: RELOCATION }),
    });
    expect(relocation.json().errors[0].code).toBe('lead_time');
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/requests',
          as: requester,
          payload: t.requestBody(requester, { type: 'relocation', wishedDate: '2026-11-30', form: RELOCATION }),
        })
      ).statusCode,
    ).toBe(201);
  });

  it('lets staff file only for their own unit through the web form', async () => {
    const otherUnit = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: requester,
      payload: t.requestBody(requester, { unitId: outsider.user.unitId }),
    });
    expect(otherUnit.statusCode).toBe(403);
    expect(otherUnit.json().errors[0]).toMatchObject({ field: 'unitId', message_zh: '僅能以您所屬單位提出申請' });
    const phone = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: requester,
      payload: t.requestBody(requester, { channel: 'phone' }),
    });
    expect(phone.statusCode).toBe(403);
    expect(phone.json().errors[0].field).toBe('channel');
  });

  it('lets the desk type in a phone request for another unit (INT-1)', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: desk,
      payload: t.requestBody(desk, {
        unitId: outsider.user.unitId,
        channel: 'phone',
        applicantName: '林大華',
        applicantUserId: outsider.user.id,
      }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      channel: 'phone',
      unitId: outsider.user.unitId,
      applicantUserId: outsider.user.id,
      createdBy: { id: desk.user.id },
    });
    const seen = await t.inject({ method: 'GET', url: `/api/requests/${res.json().id}`, as: outsider });
    expect(seen.statusCode).toBe(200);
  });

  it('shows a requester their own and their unit’s requests, hides others’ (404), and shows the desk everything', async () => {
    const mine = await t.fileRequest(requester, { title: '可見性測試 A' });
    const theirs = await t.fileRequest(outsider, { title: '可見性測試 B' });

    const list = (s: Session) =>
      t
        .inject({ method: 'GET', url: '/api/requests?q=可見性測試', as: s })
        .then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await list(requester)).toEqual([mine.id]);
    expect(await list(colleague)).toEqual([mine.id]);
    expect(await list(outsider)).toEqual([theirs.id]);
    expect((await list(desk)).sort()).toEqual([mine.id, theirs.id].sort());

    const hidden = await t.inject({ method: 'GET', url: `/api/requests/${theirs.id}`, as: requester });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('not_found');
    const unknown = await t.inject({
      method: 'GET',
      url: '/api/requests/00000000-0000-4000-8000-000000000000',
      as: requester,
    });
    expect(unknown.json()).toEqual({
      ...hidden.json(),
      instance: '/api/requests/00000000-0000-4000-8000-000000000000',
    });
  });

  it('shows a division head the requests of the sections below, and a section chief only their section', async () => {
    const section = await t.signedIn('trader', { unit: 'foreign-trade' });
    const fromSection = await t.fileRequest(section, { title: '組室範圍測試' });
    const fromElsewhere = await t.fileRequest(requester, { title: '組室範圍測試' });
    const ids = (s: Session) =>
      t
        .inject({ method: 'GET', url: '/api/requests?q=組室範圍測試', as: s })
        .then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await ids(divisionHead)).toEqual([fromSection.id]);
    expect(await ids(chief)).toEqual([fromSection.id]);
    expect(fromElsewhere.id).not.toBe(fromSection.id);
  });

  it('filters by status, type, unit, assignee and free text; sorts; pages with a total', async () => {
    const a = await t.fileRequest(requester, {
      title: '篩選 甲',
      type: 'equipment',
      wishedDate: '2026-12-31',
      form: EQUIPMENT,
    });
    const b = await t.fileRequest(requester, {
      title: '篩選 乙',
      type: 'app_dev',
      wishedDate: '2026-12-01',
      form: APP,
    });
    const c = await t.fileRequest(outsider, { title: '篩選 丙', type: 'app_dev', wishedDate: '2026-12-15', form: APP });
    await t.inject({
      method: 'POST',
      url: `/api/requests/${b.id}/assign`,
      as: desk,
      payload: { assigneeId: desk.user.id },
    });

    const get = async (query: string) => {
      const res = await t.inject({ method: 'GET', url: `/api/requests?q=篩選&${query}`, as: desk });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    expect((await get('type=app_dev&sort=number')).items.map((i: { id: string }) => i.id)).toEqual([b.id, c.id]);
    expect((await get('type=app_dev,equipment')).total).toBe(3);
    expect((await get(`unitId=${outsider.user.unitId}`)).items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    expect((await get('assignee=me')).items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    expect((await get('assignee=none')).total).toBe(2);
    expect((await get(`assignee=${desk.user.id}`)).items[0].assignee).toEqual({
      id: desk.user.id,
      displayName: '使用者 desk',
    });
    expect((await get('status=submitted')).total).toBe(3);
    expect((await get('status=closed')).total).toBe(0);
    expect((await get('sort=wishedDate')).items.map((i: { id: string }) => i.id)).toEqual([b.id, c.id, a.id]);
    expect((await get('sort=-wishedDate')).items.map((i: { id: string }) => i.id)).toEqual([a.id, c.id, b.id]);
    const page2 = await get('sort=wishedDate&pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const mine = await t.inject({ method: 'GET', url: '/api/requests?q=篩選&mine=true', as: requester });
    expect(mine.json().total).toBe(2);
    const byNumber = await t.inject({
      method: 'GET',
      url: `/api/requests?q=${encodeURIComponent(c.number)}`,
      as: desk,
    });
    expect(byNumber.json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    const literal = await t.inject({ method: 'GET', url: `/api/requests?q=${encodeURIComponent('%')}`, as: desk });
    expect(literal.json().total).toBe(0);
  });

  it("counts a queue's matches with its page, on a full page, the last one and one past it (issue 7)", async () => {
    await t.fileRequest(requester, { title: '計數 甲' });
    await t.fileRequest(requester, { title: '計數 乙' });
    const get = async (query: string) => {
      const res = await t.inject({ method: 'GET', url: `/api/requests?status=submitted&${query}`, as: desk });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: Array<{ id: string }>; total: number; totalCapped: boolean };
    };
    const whole = await get('pageSize=100');
    const n = whole.items.length;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThan(100);
    expect(whole).toMatchObject({ total: n, totalCapped: false });
    // A full page counts the rest too; the last page and one past it still know the total.
    expect(await get('pageSize=1')).toMatchObject({ items: [whole.items[0]], total: n, totalCapped: false });
    expect(await get(`pageSize=1&page=${n}`)).toMatchObject({ items: [whole.items[n - 1]], total: n });
    expect(await get(`pageSize=1&page=${n + 2}`)).toMatchObject({ items: [], total: n, totalCapped: false });
  });

  it('rejects unknown filters and bad paging with a named field', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/requests?status=lost&pageSize=1000&colour=red', as: desk });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string; in: string }) => `${e.in}:${e.field}`)
      .sort();
    expect(fields).toEqual(['query:colour', 'query:pageSize', 'query:status.0']);
  });

  it('takes comments and shows them with the history', async () => {
    const r = await t.fileRequest(requester);
    const res = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/comments`,
      as: desk,
      payload: { body: '已派員前往處理。' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ body: '已派員前往處理。', author: { id: desk.user.id } });
    await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/comments`,
      as: colleague,
      payload: { body: '謝謝！' },
    });
    const detail = (await t.inject({ method: 'GET', url: `/api/requests/${r.id}`, as: requester })).json();
    expect(detail.comments.map((c: { body: string }) => c.body)).toEqual(['已派員前往處理。', '謝謝！']);
    const told = detail.history.filter((h: { kind: string }) => ['created', 'commented'].includes(h.kind));
    expect(told.map((h: { kind: string; actor: { id: string } }) => `${h.kind}:${h.actor.id}`)).toEqual([
      `created:${requester.user.id}`,
      `commented:${desk.user.id}`,
      `commented:${colleague.user.id}`,
    ]);
    expect(detail.history.map((h: { seq: number }) => h.seq)).toEqual(
      detail.history.map((_: unknown, i: number) => i + 1),
    );
    const hidden = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/comments`,
      as: outsider,
      payload: { body: '?' },
    });
    expect(hidden.statusCode).toBe(404);
    const empty = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/comments`,
      as: requester,
      payload: { body: '   ' },
    });
    expect(empty.statusCode).toBe(400);
  });

  it('stores attachments, serves them back byte for byte, and audits downloads', async () => {
    const r = await t.fileRequest(requester);
    const pdf = Buffer.from('%PDF-1.4 附件內容 \x00\x01\x02', 'utf8');
    const body = multipart([
      { name: '申請公文.pdf', type: 'application/pdf', content: pdf },
      { name: 'photo.png', type: 'image/png', content: Buffer.alloc(2048, 7) },
    ]);
    const res = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/attachments`,
      as: requester,
      payload: body.payload,
      headers: body.headers,
    });
    expect(res.statusCode).toBe(201);
    const [doc, photo] = res.json();
    expect(doc).toMatchObject({
      fileName: '申請公文.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(photo).toMatchObject({ fileName: 'photo.png', size: 2048 });

    const download = await t.inject({ method: 'GET', url: `/api/requests/${r.id}/attachments/${doc.id}`, as: desk });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('申請公文.pdf')}`);
    expect(
      (await t.inject({ method: 'GET', url: `/api/requests/${r.id}/attachments/${doc.id}`, as: outsider })).statusCode,
    ).toBe(404);

    const detail = (await t.inject({ method: 'GET', url: `/api/requests/${r.id}`, as: requester })).json();
    expect(detail.attachments).toHaveLength(2);
    expect(detail.history.filter((h: { kind: string }) => h.kind === 'attachment_added')).toHaveLength(2);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', doc.id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['request.attachment_added', 'request.attachment_downloaded']);
  });

  it('refuses an oversize upload with 413 and keeps none of the files sent with it', async () => {
    const r = await t.fileRequest(requester);
    const body = multipart([
      { name: 'small.txt', type: 'text/plain', content: 'ok' },
      { name: 'big.bin', type: 'application/octet-stream', content: Buffer.alloc(65 * 1024) },
    ]);
    const res = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/attachments`,
      as: requester,
      payload: body.payload,
      headers: body.headers,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large', title_zh: '上傳的資料過大' });
    const detail = (await t.inject({ method: 'GET', url: `/api/requests/${r.id}`, as: requester })).json();
    expect(detail.attachments).toEqual([]);
  });

  it('refuses an upload without files, or in another field', async () => {
    const r = await t.fileRequest(requester);
    const wrongField = multipart([{ name: 'a.txt', type: 'text/plain', content: 'x' }], 'document');
    const res = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/attachments`,
      as: requester,
      payload: wrongField.payload,
      headers: wrongField.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'document', in: 'file' });
    const json = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/attachments`,
      as: requester,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('lets the desk assign a request to a handler, and refuses assigning to a non-handler', async () => {
    const r = await t.fileRequest(requester);
    const ok = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/assign`,
      as: desk,
      payload: { assigneeId: desk.user.id },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().assignee).toEqual({ id: desk.user.id, displayName: '使用者 desk' });
    expect(ok.json().history.find((h: { kind: string }) => h.kind === 'assigned')).toMatchObject({
      data: { to: desk.user.id },
    });
    const bad = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/assign`,
      as: desk,
      payload: { assigneeId: requester.user.id },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'assigneeId', code: 'not_a_handler' });
    const byRequester = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/assign`,
      as: requester,
      payload: { assigneeId: desk.user.id },
    });
    expect(byRequester.statusCode).toBe(403);
  });

  it('refuses comments and files once a request is closed', async () => {
    const r = await t.fileRequest(requester);
    await t.database.db.updateTable('requests').set({ status: 'closed' }).where('id', '=', r.id).execute();
    const res = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/comments`,
      as: requester,
      payload: { body: '還有問題' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'request_closed', title_zh: '此申請已結案，不能再變更' });
    const detail = (await t.inject({ method: 'GET', url: `/api/requests/${r.id}`, as: requester })).json();
    expect(detail.can).toEqual({ comment: false, attach: false, assign: false });
    expect(detail.workflow.actions).toEqual([]);
  });
});
