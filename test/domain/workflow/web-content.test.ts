import { describe, expect, it } from 'vitest';
import { CTX, Case, kinds, P, refusal } from './fixtures.js';

const FORM = { menu: '園區公告', item: '最新公告', changeKind: 'add' };
const ROUTE = {
  menu: '園區公告',
  item: '園區活動',
  responsibleUnit: '工商組(資訊)',
  dataProvider: '全體組室',
  opinion: '由資訊科維護',
};

function reviewing(attachmentCount = 1): Case {
  return Case.file('web_content', { form: FORM, wishedDate: '2026-12-01', attachmentCount }).signAndReceive();
}

describe('TYPE-4 website content maintenance (000 §2.4)', () => {
  it('runs the desk review (2 h) and the IT review (4 h), schedules before the wished date, and the unit accepts', () => {
    const c = Case.file('web_content', { form: FORM, wishedDate: '2026-12-01', attachmentCount: 1 });
    c.do(P.chief, 'sign_section_chief');
    c.do(P.deputy, 'sign_division_deputy');
    c.do(P.head, 'sign_division_head');
    expect(c.last.effects).toContainEqual({ kind: 'startClock', clock: 'web_content.desk_review' });
    c.do(P.desk, 'receive');
    expect(c).toMatchObject({ value: 'desk_review', status: 'in_progress' });
    c.do(P.desk, 'pass_desk_review', { opinion: '內容詳實' });
    expect(c.value).toBe('it_review');
    expect(c.last.effects).toEqual([
      { kind: 'stopClock', clock: 'web_content.desk_review' },
      { kind: 'startClock', clock: 'web_content.it_review' },
      { kind: 'assign', role: 'it_officer', slot: 'request', userId: null },
    ]);
    c.do(P.it, 'route_by_responsibility_table', { ...ROUTE, requestingUnitResponsible: false, hasBackOffice: false });
    expect(c.value).toBe('scheduling');
    expect(c.last.effects[0]).toEqual({ kind: 'stopClock', clock: 'web_content.it_review' });

    expect(
      refusal(
        c.attempt(P.it, 'schedule_maintenance', { maintainerName: '黃俊傑', plannedCompletionDate: '2026-12-02' }),
      ),
    ).toEqual(['rule_broken:plannedCompletionDate']);
    c.do(P.it, 'schedule_maintenance', {
      maintainerUserId: 'vendor01',
      maintainerName: '謝宗翰',
      plannedCompletionDate: '2026-12-01',
    });
    expect(c.value).toEqual({ maintenance: 'maintenance_working' });
    expect(c.last.effects).toContainEqual({
      kind: 'assign',
      role: 'vendor_engineer',
      slot: 'request',
      userId: 'vendor01',
      userField: 'fields.maintainerUserId',
    });
    c.assign('vendor01');
    c.do(P.vendor, 'complete_maintenance', { handlingResult: '已上架公告', actualCompletionDate: '2026-11-30' });
    expect(c).toMatchObject({ value: 'awaiting_confirmation', status: 'resolved' });
    c.do(P.staff, 'confirm');
    c.do(P.desk, 'archive');
    expect(c).toMatchObject({ value: 'closed', status: 'closed' });
    expect(c.data).toMatchObject({
      opinions: { handler: { opinion: '內容詳實' }, it_officer: { responsibleUnit: '工商組(資訊)' } },
      dispatch: { plannedCompletionDate: '2026-12-01' },
      completion: { actualCompletionDate: '2026-11-30' },
    });
  });

  it('needs the content as an electronic file before the desk review passes', () => {
    const c = reviewing(0);
    const r = c.attempt(P.desk, 'pass_desk_review', { opinion: 'ok' });
    expect(r.ok ? [] : r.problems).toEqual([
      expect.objectContaining({ code: 'rule_broken', rule: 'attachmentRequired', field: 'attachments' }),
    ]);
  });

  it('asks the unit for details, pausing the desk review clock', () => {
    const c = reviewing();
    c.do(P.desk, 'request_details', { missing: '請附上新聞稿全文' });
    expect(c).toMatchObject({ value: 'awaiting_details', status: 'waiting' });
    expect(kinds(c.last.effects)).toEqual(['notify', 'pauseClocks', 'assign']);
    c.do(P.staff, 'supply_details', { supplement: '已附上' });
    expect(c.value).toBe('desk_review');
    expect(c.last.effects[0]).toEqual({ kind: 'resumeClocks' });
  });

  it('returns, with an explanation, a request the unit can maintain itself in its back office (附件二)', () => {
    const c = reviewing();
    c.do(P.desk, 'pass_desk_review', { opinion: 'ok' });
    const both = {
      ...ROUTE,
      item: '訓練進修',
      responsibleUnit: '投資組',
      requestingUnitResponsible: true,
      hasBackOffice: true,
    };
    expect(refusal(c.attempt(P.it, 'route_by_responsibility_table', both))).toEqual(['invalid_field:explanation']);
    c.do(P.it, 'route_by_responsibility_table', { ...both, explanation: '請由貴單位自行上後端管理系統維護' });
    expect(c).toMatchObject({ value: 'returned_self_service', status: 'rejected' });
    expect(c.last.effects).toContainEqual({ kind: 'notify', to: ['requester'], notice: 'request_returned' });
    expect(c.data).toMatchObject({
      opinions: { it_officer: { explanation: '請由貴單位自行上後端管理系統維護', at: CTX.now } },
    });
  });

  it('maintains it for a responsible unit that has no back office', () => {
    const c = reviewing();
    c.do(P.desk, 'pass_desk_review', { opinion: 'ok' });
    c.do(P.it, 'route_by_responsibility_table', { ...ROUTE, requestingUnitResponsible: true, hasBackOffice: false });
    expect(c.value).toBe('scheduling');
  });

  it('reopens the maintenance when the unit does not accept', () => {
    const c = reviewing();
    c.do(P.desk, 'pass_desk_review', { opinion: 'ok' });
    c.do(P.it, 'route_by_responsibility_table', { ...ROUTE, requestingUnitResponsible: false, hasBackOffice: false });
    c.do(P.it, 'schedule_maintenance', { maintainerName: 'x', plannedCompletionDate: '2026-11-30' });
    c.do(P.desk, 'complete_maintenance', { handlingResult: '完成', actualCompletionDate: '2026-11-30' });
    c.do(P.staff, 'reopen', { reasons: '錯字' });
    expect(c.value).toEqual({ maintenance: 'maintenance_working' });
  });

  it("keeps the IT review to the IT section and the desk's review to the desk", () => {
    const c = reviewing();
    expect(refusal(c.attempt(P.it, 'pass_desk_review', { opinion: 'ok' }))).toEqual(['actor_not_allowed']);
    c.do(P.desk, 'pass_desk_review', { opinion: 'ok' });
    expect(
      refusal(
        c.attempt(P.desk, 'route_by_responsibility_table', {
          ...ROUTE,
          requestingUnitResponsible: false,
          hasBackOffice: false,
        }),
      ),
    ).toEqual(['actor_not_allowed']);
  });
});
