import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type Session } from '../helpers/test-app.js';

type Event = { kind: string; toStatus: string | null; data: Record<string, unknown> };
type Detail = {
  status: string;
  workflow: {
    stage: string | null;
    version: number;
    active: Array<{ id: string }>;
    data: Record<string, unknown>;
    actions: Array<{ name: string }>;
  };
  history: Event[];
  clocks: Array<{ key: string; status: string }>;
};

/** Issue 3: requests run on their type's workflow definition, through the API (INT-1..INT-6, TYPE-1, TYPE-6). */
describe('requests on their workflows', () => {
  let t: TestApp;
  let requester: Session;
  let chief: Session;
  let deputy: Session;
  let head: Session;
  let desk: Session;
  let officer: Session;
  let itChief: Session;
  let vendor: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.unit('commerce');
    await t.unit('trade', 'commerce');
    await t.unit('it-services', 'commerce');
    requester = await t.signedIn('wf-requester', { unit: 'trade' });
    chief = await t.signedIn('wf-chief', { unit: 'trade', roles: [{ role: 'section_chief', unit: 'trade' }] });
    deputy = await t.signedIn('wf-deputy', {
      unit: 'commerce',
      roles: [{ role: 'division_deputy', unit: 'commerce' }],
    });
    head = await t.signedIn('wf-head', { unit: 'commerce', roles: [{ role: 'division_head', unit: 'commerce' }] });
    desk = await t.signedIn('wf-desk', { unit: 'it-services', roles: ['desk_agent'] });
    officer = await t.signedIn('wf-officer', { unit: 'it-services', roles: ['it_officer'] });
    itChief = await t.signedIn('wf-it-chief', {
      unit: 'it-services',
      roles: [{ role: 'it_chief', unit: 'it-services' }],
    });
    vendor = await t.signedIn('wf-vendor', { unit: 'it-services', roles: ['vendor_engineer'] });
  });
  afterAll(() => t.stop());

  const detail = async (id: string, as: Session = desk) =>
    (await t.inject({ method: 'GET', url: `/api/requests/${id}`, as })).json<Detail>();
  const act = (id: string, action: string, as: Session, fields: Record<string, unknown> = {}) =>
    t.inject({ method: 'POST', url: `/api/requests/${id}/actions/${action}`, as, payload: { fields } });
  async function steps(id: string, list: Array<[string, Session, Record<string, unknown>?]>) {
    for (const [action, as, fields] of list) {
      const res = await act(id, action, as, fields);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
  }
  const active = (d: Detail) => d.workflow.active.map((a) => a.id);
  const waitingFor = async (as: Session) =>
    (await t.inject({ method: 'GET', url: '/api/requests?waitingFor=me&pageSize=100', as }))
      .json<{ items: Array<{ id: string }> }>()
      .items.map((i) => i.id);

  it('collects the 附件一 sign-offs of 科長, 組室副主管 and 組室主管 before the desk receives the request (INT-6)', async () => {
    const r = await t.fileRequest(requester, { title: '簽核測試' });
    let d = await detail(r.id, requester);
    expect(d.status).toBe('submitted');
    expect(active(d)).toEqual(['signoff_section_chief']);
    expect(d.clocks).toEqual([]);
    // The queue's "waits for me": the section chief's, not yet the desk's.
    expect(await waitingFor(chief)).toContain(r.id);
    expect(await waitingFor(desk)).not.toContain(r.id);
    // The desk cannot take the request yet, and the deputy cannot sign before the chief.
    expect((await act(r.id, 'receive', desk)).statusCode).toBe(409);
    expect((await act(r.id, 'sign_division_deputy', deputy)).statusCode).toBe(409);
    expect((await act(r.id, 'sign_section_chief', head)).statusCode).toBe(403);
    await steps(r.id, [
      ['sign_section_chief', chief, { opinion: '同意' }],
      ['sign_division_deputy', deputy, { opinion: '擬同意' }],
      ['sign_division_head', head, { opinion: '可' }],
    ]);
    d = await detail(r.id);
    expect(active(d)).toEqual(['at_desk']);
    expect(await waitingFor(desk)).toContain(r.id);
    expect(await waitingFor(chief)).not.toContain(r.id);
    expect(d.workflow.data['signoffs']).toMatchObject({
      section_chief: { opinion: '同意', by: chief.user.id },
      division_deputy: { opinion: '擬同意', by: deputy.user.id },
      division_head: { opinion: '可', by: head.user.id },
    });
    // The service-level clocks start when the desk has the request, not at filing.
    expect(d.clocks.map((c) => c.key).sort()).toEqual(['fault.limit', 'fault.repair', 'fault.response']);
    expect(d.workflow.actions.map((a) => a.name)).toEqual(expect.arrayContaining(['receive', 'request_completion']));
    const transitions = d.history.filter((h) => h.kind === 'transition').map((h) => h.data['action']);
    expect(transitions).toEqual(['sign_section_chief', 'sign_division_deputy', 'sign_division_head']);
  });

  it('runs a general request through triage, approval, the change/problem stage, acceptance and archiving (TYPE-1, INT-2..INT-5)', async () => {
    const r = await t.fileRequest(desk, {
      channel: 'phone',
      // A unit nobody supervises: no 附件一 sign-offs are needed.
      unitId: await t.unit('operations'),
      applicantUserId: officer.user.id,
      title: '電話報修：網路斷線',
    });
    await steps(r.id, [
      ['receive', desk, { note: '電話受理' }],
      ['triage', desk, { isItService: true, withinContract: true, opinion: '網路維護屬合約範圍' }],
      ['approve_in_contract', officer, { opinion: '同意辦理' }],
      ['dispatch', desk, { difficulty: 'simple', plannedCompletionDate: '2026-11-25' }],
    ]);
    let d = await detail(r.id);
    expect(d.workflow.stage).toBe('change_problem');
    expect(active(d)).toEqual(['change_problem', 'change_problem_working']);
    // The stage waits for a vendor engineer; the desk gives it to one, who then works it.
    expect(
      (await act(r.id, 'complete_handling', vendor, { handlingResult: 'x', actualCompletionDate: '2026-11-24' }))
        .statusCode,
    ).toBe(403);
    const assigned = await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/assign`,
      as: desk,
      payload: { assigneeId: vendor.user.id },
    });
    expect(assigned.statusCode).toBe(200);
    await steps(r.id, [
      ['add_change_problem_note', vendor, { note: '更換交換器模組' }],
      ['complete_handling', vendor, { handlingResult: '已更換模組，網路恢復', actualCompletionDate: '2026-11-24' }],
    ]);
    d = await detail(r.id, officer);
    expect(d.status).toBe('resolved');
    expect(d.clocks.every((c) => c.status === 'stopped')).toBe(true);
    // The applicant (not the desk that typed it in) accepts the work; then the desk archives it.
    expect((await act(r.id, 'confirm', desk)).statusCode).toBe(403);
    await steps(r.id, [['reopen', officer, { reasons: '仍偶有斷線' }]]);
    // While it waited for the applicant it was theirs; back in the stage, the desk gives it out again.
    await t.inject({
      method: 'POST',
      url: `/api/requests/${r.id}/assign`,
      as: desk,
      payload: { assigneeId: vendor.user.id },
    });
    await steps(r.id, [
      ['complete_handling', vendor, { handlingResult: '更換線材', actualCompletionDate: '2026-11-24' }],
      ['confirm', officer, { comment: '確認正常' }],
      ['archive', desk],
    ]);
    d = await detail(r.id, officer);
    expect(d.status).toBe('closed');
    expect(d.workflow.actions).toEqual([]);
    const archived = d.history.filter((h) => h.kind === 'archived');
    expect(archived).toHaveLength(1);
  });

  it('grades an incident, escalates it by grade, and records the reports to the superior authority and the national CERT (TYPE-6)', async () => {
    const r = await t.fileRequest(desk, {
      type: 'security_incident',
      channel: 'phone',
      unitId: await t.unit('trade'),
      title: '網站遭置換',
      form: {
        agencyName: '中部科學園區管理局',
        reporterName: '王小明',
        reporterPhone: '04-2565-8588',
        occurredAt: '2026-11-23T09:20:00+08:00',
        category: 'intrusion',
        damage: 'web_defaced',
        description: '首頁遭置換',
      },
    });
    const tooLong = await act(r.id, 'assess_direct_handling', desk, {
      canHandleDirectly: false,
      assessment: '超'.repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('fields.assessment');
    await steps(r.id, [
      ['assess_direct_handling', desk, { canHandleDirectly: false, assessment: '需資訊科長研判' }],
      ['grade_incident', itChief, { grade: 'B', level: 3, impact: '對外網站停止服務', response: '切換備援站台' }],
    ]);
    let d = await detail(r.id);
    expect(d.clocks.map((c) => c.key)).toEqual(
      expect.arrayContaining(['incident.report', 'incident.damage_control.level_3_4']),
    );
    const reported = d.history.find((h) => h.kind === 'reported_internally');
    expect(reported?.data).toMatchObject({ to: ['division_head', 'deputy_director_general'], grade: 'B', level: 3 });
    const headNotes = (await t.inject({ method: 'GET', url: '/api/notifications', as: head })).json();
    expect(headNotes.some((n: { requestId: string }) => n.requestId === r.id)).toBe(true);
    await steps(r.id, [
      [
        'report_externally',
        itChief,
        {
          reportedToSuperiorAt: '2026-11-23T09:50:00+08:00',
          reportedToNationalCertAt: '2026-11-23T09:55:00+08:00',
          channel: 'web',
        },
      ],
      ['supervise_division_head', head, { instructions: '持續追蹤' }],
    ]);
    d = await detail(r.id);
    expect(d.history.filter((h) => h.kind === 'reported_externally')).not.toHaveLength(0);
  });

  it('keeps a request on the version it started with when a new version is published', async () => {
    const before = await t.fileRequest(requester, { title: '版本一' });
    const admin = await t.signedIn('wf-admin', { roles: ['admin'] });
    const v1 = (await t.inject({ method: 'GET', url: '/api/request-types/general/definition', as: admin })).json();
    const published = await t.inject({
      method: 'POST',
      url: '/api/request-types/general/definitions',
      as: admin,
      payload: { ...v1, version: 2 },
    });
    expect(published.statusCode).toBe(201);
    const after = await t.fileRequest(requester, { title: '版本二' });
    expect((await detail(before.id, requester)).workflow.version).toBe(1);
    expect((await detail(after.id, requester)).workflow.version).toBe(2);
    // The old request goes on under version 1.
    await steps(before.id, [['sign_section_chief', chief, { opinion: '同意' }]]);
  });
});
