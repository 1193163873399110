import { describe, expect, it } from 'vitest';
import { applyAction, initialState } from '../../../src/domain/workflow/engine.js';
import { CTX, Case, INVESTMENT_PATH, kinds, P, refusal, requestFacts, shipped } from './fixtures.js';

const WHO = { by: expect.any(String), at: CTX.now };

/** Through the desk's review to an in-contract, IT-approved request (000 §2.1.1–2.1.3). */
function approved(): Case {
  const c = Case.file('general').signAndReceive();
  c.do(P.desk, 'triage', { isItService: true, withinContract: true, opinion: '合約內維護' });
  c.do(P.it, 'approve_in_contract', { opinion: '同意辦理' });
  return c;
}

describe('TYPE-1 general IT service: the main path (000 §2.1, ch. 3)', () => {
  it('goes from the 附件一 sign-offs to the desk, triage, approval, handling, acceptance and archive', () => {
    const c = Case.file('general');
    expect(c.value).toBe('signoff_section_chief');
    expect(c.status).toBe('submitted');

    c.do(P.chief, 'sign_section_chief', { opinion: '同意' });
    expect(c.value).toBe('signoff_division_deputy');
    c.do(P.deputy, 'sign_division_deputy');
    c.do(P.head, 'sign_division_head');
    expect(c.value).toBe('at_desk');
    expect(c.last.effects).toEqual([
      { kind: 'startClock', clock: 'fault.response' },
      { kind: 'startClock', clock: 'fault.repair' },
      { kind: 'startClock', clock: 'fault.limit' },
      { kind: 'assign', role: 'desk_agent', slot: 'request', userId: null },
    ]);

    c.do(P.desk, 'receive', { note: '已收件' });
    expect(c).toMatchObject({ value: 'triage', status: 'in_progress' });
    expect(c.last.effects[0]).toEqual({ kind: 'stopClock', clock: 'fault.response' });

    c.do(P.desk, 'triage', { isItService: true, withinContract: true, opinion: '合約內維護' });
    expect(c.value).toBe('it_approval');
    c.do(P.it, 'approve_in_contract', { opinion: '同意辦理' });
    expect(c.value).toBe('dispatch');
    c.do(P.desk, 'dispatch', { difficulty: 'simple', handler: '李佳穎', plannedCompletionDate: '2026-11-25' });
    expect(c).toMatchObject({ value: { change_problem: 'change_problem_working' }, status: 'in_progress' });
    expect(c.last.stage).toBe('change_problem');
    expect(c.last.effects).toEqual([
      { kind: 'startStage', stage: 'change_problem' },
      { kind: 'assign', role: 'vendor_engineer', slot: 'stage', userId: null },
    ]);

    c.assign(P.vendor.userId, 'stage');
    c.do(P.vendor, 'add_change_problem_note', { note: '已更換網路線' });
    c.do(P.vendor, 'complete_handling', {
      handlingResult: '更換網路線後恢復連線',
      improvementSuggestions: '定期巡檢',
      actualCompletionDate: '2026-11-24',
    });
    expect(c).toMatchObject({ value: 'awaiting_confirmation', status: 'resolved' });
    expect(c.last.stage).toBeNull();
    expect(kinds(c.last.effects)).toEqual(['completeStage', 'notify', 'stopClock', 'assign']);

    c.do(P.staff, 'confirm', { comment: '驗收無誤' });
    expect(c).toMatchObject({ value: 'archiving', status: 'in_progress' });
    c.do(P.desk, 'archive');
    expect(c).toMatchObject({ value: 'closed', status: 'closed' });
    expect(c.last.effects).toEqual([
      { kind: 'archive' },
      { kind: 'notify', to: ['requester', { role: 'it_officer', scope: 'service_unit' }], notice: 'request_closed' },
      { kind: 'stopClock', clock: '*' },
    ]);
    expect(c.can(P.admin)).toEqual([]);

    // 附件一 as laid out: sign-offs, opinions with dates, the desk's part, the confirmation.
    expect(c.data).toMatchObject({
      signoffs: {
        section_chief: { opinion: '同意', by: 'chief01', at: CTX.now },
        division_deputy: { by: 'deputy01' },
        division_head: { by: 'head01' },
      },
      opinions: {
        handler: { isItService: true, withinContract: true, opinion: '合約內維護', by: 'desk01' },
        it_officer: { opinion: '同意辦理', by: 'itofficer01' },
      },
      dispatch: { plannedCompletionDate: '2026-11-25', handler: '李佳穎' },
      stages: { change_problem: { notes: [{ note: '已更換網路線', ...WHO }] } },
      completion: { handlingResult: '更換網路線後恢復連線', actualCompletionDate: '2026-11-24', by: 'vendor01' },
      confirmation: { comment: '驗收無誤', by: 'staff01' },
      archive: WHO,
    });
  });

  it('files a phone request typed in by the desk (INT-1), whose applicant confirms', () => {
    const c = Case.file('general', { channel: 'phone', createdBy: P.desk.userId, applicantUserId: P.staff.userId });
    expect(c.can(P.desk)).toEqual([]);
    expect(c.can(P.staff)).toEqual(['withdraw']);
  });

  it('lets the desk record a confirmation given by phone or on paper', () => {
    const c = approved();
    c.do(P.desk, 'dispatch', { difficulty: 'simple', plannedCompletionDate: '2026-11-25' });
    c.do(P.desk, 'complete_handling', { handlingResult: '完成', actualCompletionDate: '2026-11-24' });
    expect(refusal(c.attempt(P.desk, 'confirm_on_behalf', { confirmedVia: 'phone' }))).toEqual([
      'invalid_field:confirmedOn',
    ]);
    c.do(P.desk, 'confirm_on_behalf', { confirmedVia: 'paper', confirmedOn: '2026-11-24' });
    expect(c.value).toBe('archiving');
  });
});

describe('附件一 sign-offs before the desk receives (INT-6)', () => {
  it('skips the supervisors a unit does not have', () => {
    const noSection = Case.file('general', {
      unitId: 'investment',
      unitPath: INVESTMENT_PATH,
      unitRoles: ['division_head'],
      applicantUserId: P.investor.userId,
      createdBy: P.investor.userId,
    });
    expect(noSection.value).toBe('signoff_division_head');
    noSection.do(P.investmentHead, 'sign_division_head');
    expect(noSection.value).toBe('at_desk');
    noSection.do(P.desk, 'receive');
    expect(noSection.value).toBe('triage');
  });

  it('only lets the supervisors of the requesting unit sign', () => {
    const c = Case.file('general');
    expect(refusal(c.attempt(P.investmentHead, 'sign_section_chief'))).toEqual(['actor_not_allowed']);
    expect(refusal(c.attempt(P.staff, 'sign_section_chief'))).toEqual(['actor_not_allowed']);
    c.do(P.chief, 'sign_section_chief');
    c.do(P.deputy, 'sign_division_deputy');
    expect(refusal(c.attempt(P.investmentHead, 'sign_division_head'))).toEqual(['actor_not_allowed']);
  });

  it('does not let the desk receive before the sign-offs', () => {
    const c = Case.file('general');
    expect(refusal(c.attempt(P.desk, 'receive'))).toEqual(['action_not_available']);
  });

  it('refuses receipt when a sign-off is missing from the data', () => {
    const wf = shipped('general');
    const request = requestFacts('general', { data: { signoffs: { section_chief: { by: 'chief01' } } } });
    const r = applyAction(
      wf,
      { type: 'general', version: 1, value: 'at_desk' },
      { action: 'receive' },
      P.desk,
      request,
      CTX,
    );
    expect(refusal(r)).toEqual(['rule_broken:signoffs.division_deputy', 'rule_broken:signoffs.division_head']);
  });

  it('returns the request when a supervisor declines to sign', () => {
    const c = Case.file('general');
    expect(refusal(c.attempt(P.chief, 'decline_signoff'))).toEqual(['invalid_field:reasons']);
    c.do(P.chief, 'decline_signoff', { reasons: '請先與資訊服務科討論' });
    expect(c).toMatchObject({ value: 'returned', status: 'rejected' });
    expect(c.last.effects).toContainEqual({ kind: 'notify', to: ['requester'], notice: 'request_returned' });
  });

  it('lets the requester withdraw before the desk takes it, and nobody else', () => {
    const c = Case.file('general');
    expect(refusal(c.attempt(P.colleague, 'withdraw'))).toEqual(['actor_not_allowed']);
    c.do(P.staff, 'withdraw', { reason: '已不需要' });
    expect(c).toMatchObject({ value: 'withdrawn', status: 'cancelled' });
  });

  it('waits, clocks paused, for the requester to complete the form (000 §2.2.2)', () => {
    const c = Case.file('general');
    c.do(P.chief, 'sign_section_chief');
    c.do(P.deputy, 'sign_division_deputy');
    c.do(P.head, 'sign_division_head');
    c.do(P.desk, 'request_completion', { missing: '請填寫設備位置' });
    expect(c).toMatchObject({ value: 'awaiting_completion', status: 'waiting' });
    expect(kinds(c.last.effects)).toEqual(['notify', 'pauseClocks', 'assign']);
    c.do(P.staff, 'supply_completion', { supplement: '3 樓 301 室' });
    expect(c.value).toBe('at_desk');
    expect(c.last.effects[0]).toEqual({ kind: 'resumeClocks' });
  });

  it("does not let a requester take the desk's action", () => {
    const c = Case.file('general');
    c.do(P.chief, 'sign_section_chief');
    c.do(P.deputy, 'sign_division_deputy');
    c.do(P.head, 'sign_division_head');
    expect(refusal(c.attempt(P.staff, 'receive'))).toEqual(['actor_not_allowed']);
  });
});

describe('INT-2: IT service or not (000 §3.4–3.6)', () => {
  it('explains a non-IT request together with the IT section, then the desk closes it', () => {
    const c = Case.file('general').signAndReceive();
    c.do(P.desk, 'triage', { isItService: false, opinion: '屬總務業務' });
    expect(c).toMatchObject({ value: 'non_it_coordination', status: 'in_progress' });
    expect(c.last.effects).toEqual([{ kind: 'assign', role: 'it_officer', slot: 'request', userId: null }]);
    c.do(P.it, 'explain_to_requester', { explanation: '影印機屬秘書室', explainedOn: '2026-11-23' });
    expect(c.value).toBe('non_it_closing');
    expect(refusal(c.attempt(P.it, 'close_non_it'))).toEqual(['actor_not_allowed']);
    c.do(P.desk, 'close_non_it');
    expect(c).toMatchObject({ value: 'closed_not_it', status: 'closed' });
    expect(kinds(c.last.effects)).toEqual(['archive', 'notify', 'stopClock']);
  });

  it('goes back to triage when the IT section finds it is an IT service after all', () => {
    const c = Case.file('general').signAndReceive();
    c.do(P.desk, 'triage', { isItService: false, opinion: '非 IT' });
    c.do(P.it, 'reclassify_as_it', { reason: '涉及網路設定' });
    expect(c.value).toBe('triage');
  });

  it('asks whether an IT service is within the contract (field error naming the field)', () => {
    const c = Case.file('general').signAndReceive();
    const r = c.attempt(P.desk, 'triage', { isItService: true, opinion: 'x' });
    expect(r.ok ? [] : r.problems).toEqual([
      {
        code: 'invalid_field',
        field: 'withinContract',
        message: {
          'zh-TW': '是否為資訊委外服務合約範圍內需求：必填',
          en: 'Within the outsourcing contract?: is required',
        },
      },
    ]);
  });
});

describe('INT-3: outside the outsourcing contract (000 §3.7–3.17)', () => {
  function outside(): Case {
    const c = Case.file('general').signAndReceive();
    c.do(P.desk, 'triage', { isItService: true, withinContract: false, opinion: '非合約範圍' });
    expect(c.value).toBe('vendor_opinion');
    c.do(P.vendor, 'write_vendor_opinion', { opinion: '需另開發報表' });
    expect(c.value).toBe('onsite_decision');
    expect(c.last.effects).toContainEqual({
      kind: 'notify',
      to: [{ role: 'onsite_manager' }],
      notice: 'action_waiting',
    });
    return c;
  }

  it('closes a request the on-site manager finds excessive (§3.11)', () => {
    const c = outside();
    expect(refusal(c.attempt(P.it, 'onsite_decide', { approved: false, reasons: 'x' }))).toEqual(['actor_not_allowed']);
    c.do(P.onsite, 'onsite_decide', { approved: false, reasons: '需求過當' });
    expect(c).toMatchObject({ value: 'closed_excessive', status: 'closed' });
    expect(c.data).toMatchObject({ outOfContract: { onsiteDecision: { approved: false, reasons: '需求過當' } } });
  });

  it('estimates, reaches a three-party agreement and is handled by the change/problem mechanism', () => {
    const c = outside();
    c.do(P.onsite, 'onsite_decide', { approved: true, reasons: '可執行' });
    expect(c.value).toBe('estimating');
    expect(
      refusal(c.attempt(P.vendor, 'estimate', { workHours: 0, plannedCompletionDate: '2026-12-10', scope: 'x' })),
    ).toEqual(['invalid_field:workHours']);
    c.do(P.vendor, 'estimate', { workHours: 16, plannedCompletionDate: '2026-12-10', scope: '報表開發' });
    expect(c.status).toBe('waiting');
    expect(c.last.effects).toEqual([{ kind: 'pauseClocks' }]);

    // Each party agrees for itself.
    expect(c.can(P.staff)).toEqual(['agree_requester']);
    expect(c.can(P.it)).toEqual(['agree_it', 'end_without_agreement']);
    expect(c.can(P.onsite)).toEqual(['agree_vendor']);
    c.do(P.staff, 'agree_requester');
    c.roundTrip();
    expect(c.value).toEqual({
      negotiation: {
        it_party: 'it_agreement_pending',
        vendor_party: 'vendor_agreement_pending',
        requester_party: 'requester_agreed',
      },
    });
    c.do(P.it, 'agree_it', { opinion: '同意' });
    c.do(P.onsite, 'agree_vendor');
    expect(c).toMatchObject({ value: 'agreement_reached', status: 'in_progress' });
    expect(c.last.effects[0]).toEqual({ kind: 'resumeClocks' });
    c.do(P.it, 'record_agreement', {
      agreedHours: 12,
      plannedCompletionDate: '2026-12-08',
      minutes: '三方同意 12 小時',
    });
    expect(c.value).toEqual({ change_problem: 'change_problem_working' });
    expect(c.data).toMatchObject({
      outOfContract: {
        estimate: { workHours: 16 },
        agreement: { requester: WHO, it_section: { opinion: '同意' }, vendor: WHO, result: { agreedHours: 12 } },
      },
    });
  });

  it('closes when the parties do not agree', () => {
    const c = outside();
    c.do(P.onsite, 'onsite_decide', { approved: true, reasons: '可執行' });
    c.do(P.vendor, 'estimate', { workHours: 16, plannedCompletionDate: '2026-12-10', scope: '報表開發' });
    c.do(P.it, 'end_without_agreement', { reasons: '申請單位不同意工時' });
    expect(c).toMatchObject({ value: 'closed_no_agreement', status: 'closed' });
    expect(c.last.effects).toContainEqual({ kind: 'resumeClocks' });
  });

  it('lets the IT section send an in-contract claim to the vendor team, or refuse with reasons', () => {
    const c = Case.file('general').signAndReceive();
    c.do(P.desk, 'triage', { isItService: true, withinContract: true, opinion: 'x' });
    c.do(P.it, 'reclassify_out_of_contract', { opinion: '非合約範圍' });
    expect(c.value).toBe('vendor_opinion');
    const r = Case.file('general').signAndReceive();
    r.do(P.desk, 'triage', { isItService: true, withinContract: true, opinion: 'x' });
    r.do(P.it, 'refuse', { reasons: '不符資訊安全規定' });
    expect(r).toMatchObject({ value: 'returned', status: 'rejected' });
    expect(r.data).toMatchObject({ returnReasons: { reasons: '不符資訊安全規定' } });
  });
});

describe('INT-4: simple requests at once, disputed ones coordinated (000 §2.1.4–2.1.7)', () => {
  it('coordinates technically, then with the requester (clocks paused), then hands the conclusion to the desk', () => {
    const c = approved();
    c.do(P.desk, 'dispatch', { difficulty: 'disputed', plannedCompletionDate: '2026-11-30' });
    expect(c.value).toEqual({ coordination: 'technical_coordination' });
    c.do(P.it, 'conclude_technical', { result: '需調整防火牆' });
    expect(c).toMatchObject({ value: { coordination: 'requester_coordination' }, status: 'waiting' });
    expect(c.last.effects).toEqual([{ kind: 'pauseClocks' }]);
    c.do(P.it, 'conclude_coordination', { conclusion: '申請單位同意分兩階段' });
    expect(c.value).toEqual({ change_problem: 'change_problem_working' });
    expect(c.last.effects).toEqual([
      { kind: 'resumeClocks' },
      { kind: 'notify', to: [{ role: 'desk_agent' }], notice: 'action_waiting' },
      { kind: 'startStage', stage: 'change_problem' },
      { kind: 'assign', role: 'vendor_engineer', slot: 'stage', userId: null },
    ]);
  });

  it('returns a disputed request the coordination cannot settle', () => {
    const c = approved();
    c.do(P.desk, 'dispatch', { difficulty: 'disputed', plannedCompletionDate: '2026-11-30' });
    c.do(P.it, 'conclude_technical', { result: '無法辦理' });
    c.do(P.it, 'refuse', { reasons: '技術上不可行' });
    expect(c).toMatchObject({ value: 'returned', status: 'rejected' });
  });

  it('waits for the requester or a third party while handling, clocks paused (SLA-3)', () => {
    const c = approved();
    c.do(P.desk, 'dispatch', { difficulty: 'simple', plannedCompletionDate: '2026-11-25' });
    c.do(P.desk, 'wait_for_third_party', { party: '中華電信', reason: '線路維修' });
    expect(c).toMatchObject({ value: { change_problem: 'change_problem_waiting_third_party' }, status: 'waiting' });
    expect(c.last.stage).toBe('change_problem');
    c.do(P.desk, 'resume', { reply: '線路已修復' });
    c.do(P.desk, 'wait_for_requester', { question: '請提供電腦名稱' });
    c.do(P.staff, 'resume', { reply: 'PC-301' });
    expect(c.status).toBe('in_progress');
  });
});

describe('INT-5: acceptance (驗收) and archive', () => {
  it('reopens to the change/problem stage when the requester does not accept', () => {
    const c = approved();
    c.do(P.desk, 'dispatch', { difficulty: 'simple', plannedCompletionDate: '2026-11-25' });
    c.do(P.desk, 'complete_handling', { handlingResult: '完成', actualCompletionDate: '2026-11-24' });
    expect(refusal(c.attempt(P.desk, 'confirm'))).toEqual(['actor_not_allowed']);
    c.do(P.staff, 'reopen', { reasons: '仍無法連線' });
    expect(c.value).toEqual({ change_problem: 'change_problem_working' });
    expect(c.last.effects[0]).toEqual({ kind: 'notify', to: ['assignee'], notice: 'action_waiting' });
  });
});

describe('附件一 opinions of 科長, 副組長, 組長 (IT side)', () => {
  it('records them with their dates while the IT section approves, from the IT division only', () => {
    const c = Case.file('general').signAndReceive();
    c.do(P.desk, 'triage', { isItService: true, withinContract: true, opinion: 'x' });
    c.do(P.itChief, 'opinion_it_chief', { opinion: '請儘速辦理' });
    c.do(P.deputy, 'opinion_division_deputy', { opinion: '同意' });
    expect(refusal(c.attempt(P.investmentHead, 'opinion_division_head', { opinion: 'x' }))).toEqual([
      'actor_not_allowed',
    ]);
    c.do(P.head, 'opinion_division_head', { opinion: '准' });
    expect(c.value).toBe('it_approval');
    expect(c.data).toMatchObject({
      opinions: {
        it_chief: { opinion: '請儘速辦理', by: 'itchief01', at: CTX.now },
        division_deputy: { opinion: '同意', by: 'deputy01' },
        division_head: { opinion: '准', by: 'head01' },
      },
    });
  });
});

describe('INT-6: hardware for contract staff', () => {
  const wf = shipped('general');
  const file = (form: Record<string, unknown>, wishedDate: string) =>
    initialState(wf, requestFacts('general', { form, wishedDate }), CTX);
  const contractStaff = { hardwareForContractStaff: true, contractStaffProof: 'contract_provides_none' };

  it('needs three weeks: 21 days ahead is enough, 20 is not', () => {
    expect(file(contractStaff, '2026-12-14').ok).toBe(true);
    const r = file(contractStaff, '2026-12-13');
    expect(r.ok ? [] : r.problems).toEqual([
      {
        code: 'rule_broken',
        rule: 'leadTime',
        reason: 'lead_time',
        field: 'wishedDate',
        message: {
          'zh-TW': '須於三週前提出申請：希望完成日期最早為 2026-12-14',
          en: 'File three weeks ahead: the wished date can be 2026-12-14 at the earliest',
        },
      },
    ]);
    expect(file({}, '2026-11-24').ok).toBe(true);
  });

  it('needs proof that the contract provides none, or an approved document with its number', () => {
    expect(refusal(file({ hardwareForContractStaff: true }, '2027-01-31'))).toEqual([
      'invalid_field:contractStaffProof',
    ]);
    expect(
      refusal(file({ hardwareForContractStaff: true, contractStaffProof: 'approved_document' }, '2027-01-31')),
    ).toEqual(['invalid_field:approvedDocumentNo']);
    expect(
      file(
        {
          hardwareForContractStaff: true,
          contractStaffProof: 'approved_document',
          approvedDocumentNo: '中科資字第1150001號',
        },
        '2027-01-31',
      ).ok,
    ).toBe(true);
  });
});
