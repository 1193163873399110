import { describe, expect, it } from 'vitest';
import { applyAction } from '../../../src/domain/workflow/engine.js';
import { CTX, Case, kinds, P, refusal, requestFacts, shipped } from './fixtures.js';

const FORM = { system: '公文管理系統', requestKind: 'change' };
const SIX_YES = {
  descriptionClear: true,
  environmentAllows: true,
  businessMature: true,
  technicallyFeasible: true,
  manpowerSufficient: true,
  coordinationNeeded: false,
};
const FEASIBLE = { legal: true, institutional: true, technical: true, financial: true };
const PHASES = ['requirements_analysis', 'system_design', 'programming', 'testing', 'documentation', 'training'];
const ALL_DOCS = {
  requirementsAnalysis: true,
  specification: true,
  testReport: true,
  acceptanceReport: true,
  operationsManual: true,
  userManual: true,
};

function received(): Case {
  return Case.file('app_dev', { form: FORM }).signAndReceive();
}

/** Through the six-point review, the developer's estimate and the feasibility review to the IT decision. */
function toDecision(estimate: Record<string, unknown> = {}, feasibility: Record<string, unknown> = {}): Case {
  const c = received();
  c.do(P.desk, 'classify_request', { isSystemChange: true, opinion: '屬系統變更' });
  c.do(P.it, 'review_six_points', { ...SIX_YES, meetingNeeded: false, opinion: '可行' });
  c.do(P.it, 'assign_developer', { developerUserId: P.vendor.userId, developerName: '謝宗翰' });
  c.assign(P.vendor.userId);
  c.do(P.vendor, 'submit_estimate', {
    discussedWithItChief: true,
    interviewNotes: '訪談承辦人',
    scope: '新增查詢功能',
    personHours: 40,
    workingDays: 5,
    isNewSystem: false,
    withinAuthority: true,
    ...estimate,
  });
  c.do(P.it, 'assess_feasibility', { ...FEASIBLE, otherUnitData: false, opinion: '可行', ...feasibility });
  return c;
}

describe('TYPE-2 application development and maintenance (000 §2.2)', () => {
  it('develops a new system: review, estimate, feasibility, procurement, project stages, joint acceptance, archive', () => {
    const c = received();
    expect(c).toMatchObject({ value: 'classification', status: 'in_progress' });
    c.do(P.desk, 'classify_request', { isSystemChange: true, opinion: '屬系統變更' });
    expect(c.value).toEqual({ change_review: 'six_point_review' });
    c.do(P.it, 'review_six_points', { ...SIX_YES, meetingNeeded: false });
    expect(c.value).toEqual({ change_review: 'assigning_developer' });
    c.do(P.it, 'assign_developer', { developerUserId: P.vendor.userId, developerName: '謝宗翰' });
    expect(c.last.effects).toEqual([
      {
        kind: 'assign',
        role: 'vendor_engineer',
        slot: 'request',
        userId: 'vendor01',
        userField: 'fields.developerUserId',
      },
    ]);
    c.assign(P.vendor.userId);

    expect(
      refusal(
        c.attempt(P.vendor, 'submit_estimate', {
          discussedWithItChief: true,
          interviewNotes: '訪談',
          scope: '新系統',
          personHours: 400,
          workingDays: 60,
          isNewSystem: true,
          withinAuthority: false,
        }),
      ),
    ).toEqual(['invalid_field:proposal', 'invalid_field:targetDate', 'invalid_field:plan']);
    c.do(P.vendor, 'submit_estimate', {
      discussedWithItChief: true,
      interviewNotes: '訪談',
      scope: '新系統',
      personHours: 400,
      workingDays: 60,
      isNewSystem: true,
      proposal: '需求建議書：線上簽核',
      targetDate: '2027-06-30',
      withinAuthority: true,
    });
    expect(c.value).toBe('feasibility_review');

    c.do(P.it, 'assess_feasibility', { ...FEASIBLE, otherUnitData: false, opinion: '法令、制度、技術、財務皆可行' });
    expect(c.value).toBe('it_decision');
    expect(refusal(c.attempt(P.it, 'approve_request', { opinion: '准' }))).toEqual(['actor_not_allowed']);
    c.do(P.itChief, 'approve_request', { opinion: '准予辦理' });
    expect(c.value).toBe('new_system_check');
    c.do(P.it, 'judge_new_system', { isNewSystem: true });
    expect(c.value).toBe('procurement');
    c.do(P.it, 'complete_procurement', {
      requirementsDocument: '線上簽核需求書',
      procurementCaseNo: 'CTSP-115-001',
      contractor: '某資訊公司',
      awardedOn: '2027-01-15',
    });
    expect(c).toMatchObject({ value: { project: 'requirements_analysis' }, status: 'in_progress' });
    expect(c.last.stage).toBe('project');

    c.assign(P.vendor.userId, 'stage');
    c.do(P.vendor, 'add_project_note', { note: '開工會議' });
    for (const phase of PHASES) {
      expect(c.value).toEqual({ project: phase });
      c.do(P.vendor, `complete_${phase}`, { summary: `${phase} 完成`, completedOn: '2027-03-01' });
    }
    expect(c.value).toEqual({
      acceptance: { it_acceptance: 'it_acceptance_pending', unit_acceptance: 'unit_acceptance_pending' },
    });
    expect(kinds(c.last.effects)).toContain('completeStage');

    c.do(P.staff, 'accept_as_unit', { opinion: '功能符合' });
    c.roundTrip();
    c.do(P.it, 'accept_as_it_section', { documents: ALL_DOCS, opinion: '文件齊全' });
    expect(c).toMatchObject({ value: 'archiving', status: 'in_progress' });
    c.do(P.desk, 'archive');
    expect(c).toMatchObject({ value: 'closed', status: 'closed' });
    expect(c.data).toMatchObject({
      review: { ...SIX_YES, meetingNeeded: false },
      developer: { developerName: '謝宗翰' },
      estimate: { personHours: 400, workingDays: 60, proposal: '需求建議書：線上簽核' },
      opinions: { it_officer: { ...FEASIBLE, by: 'itofficer01' }, it_chief: { opinion: '准予辦理', by: 'itchief01' } },
      procurement: { procurementCaseNo: 'CTSP-115-001' },
      project: { training: { summary: 'training 完成' } },
      acceptance: { it_section: { documents: ALL_DOCS }, unit: { by: 'staff01' } },
    });
  });

  it('checks the documentation at acceptance, and sends the project back to the phase at fault', () => {
    const c = toDecision();
    c.do(P.itChief, 'approve_request', { opinion: '准' });
    c.do(P.it, 'judge_new_system', { isNewSystem: true });
    c.do(P.it, 'complete_procurement', {
      requirementsDocument: 'x',
      procurementCaseNo: 'x',
      contractor: 'x',
      awardedOn: '2027-01-15',
    });
    for (const phase of PHASES) c.do(P.vendor, `complete_${phase}`, { summary: 'ok', completedOn: '2027-03-01' });
    const r = c.attempt(P.it, 'accept_as_it_section', {
      documents: { ...ALL_DOCS, userManual: false, operationsManual: false },
    });
    expect(refusal(r)).toEqual(['rule_broken:documents.operationsManual', 'rule_broken:documents.userManual']);
    expect(r.ok ? '' : r.problems[1]?.message['zh-TW']).toBe('開發文件不完整：缺少使用手冊');
    c.do(P.it, 'reject_acceptance', { returnTo: 'documentation', reasons: '缺使用手冊' });
    expect(c.value).toEqual({ project: 'documentation' });
  });

  it('calls a meeting to revise the request, then reviews again', () => {
    const c = received();
    c.do(P.desk, 'classify_request', { isSystemChange: true, opinion: 'x' });
    c.do(P.it, 'review_six_points', { ...SIX_YES, descriptionClear: false, meetingNeeded: true });
    expect(c.value).toEqual({ change_review: 'review_meeting' });
    c.do(P.it, 'record_meeting', {
      attendees: '申請者、資訊科、委外團隊',
      minutes: '釐清需求',
      revisedRequest: '修正版',
    });
    expect(c.value).toEqual({ change_review: 'six_point_review' });
  });

  it('refuses a review that leaves a point unanswered', () => {
    const c = received();
    c.do(P.desk, 'classify_request', { isSystemChange: true, opinion: 'x' });
    const { coordinationNeeded: _skip, ...five } = SIX_YES;
    expect(refusal(c.attempt(P.it, 'review_six_points', { ...five, meetingNeeded: false }))).toEqual([
      'invalid_field:coordinationNeeded',
    ]);
    expect(refusal(c.attempt(P.staff, 'review_six_points', { ...SIX_YES, meetingNeeded: false }))).toEqual([
      'actor_not_allowed',
    ]);
  });

  it('will not approve without the six review points recorded', () => {
    const wf = shipped('app_dev');
    const request = requestFacts('app_dev', { form: FORM, data: { review: { descriptionClear: true } } });
    const r = applyAction(
      wf,
      { type: 'app_dev', version: 1, value: 'it_decision' },
      { action: 'approve_request', fields: { opinion: 'x' } },
      P.itChief,
      request,
      CTX,
    );
    expect(refusal(r)).toEqual([
      'rule_broken:review.environmentAllows',
      'rule_broken:review.businessMature',
      'rule_broken:review.technicallyFeasible',
      'rule_broken:review.manpowerSufficient',
      'rule_broken:review.coordinationNeeded',
    ]);
  });

  it("asks the data owner's consent, waiting with the clocks paused, and will not approve without it", () => {
    const refused = toDecision({}, { otherUnitData: true, dataOwnerUnit: '人事室' });
    expect(refused).toMatchObject({ value: 'data_owner_consent', status: 'waiting' });
    expect(refused.last.effects).toEqual([{ kind: 'pauseClocks' }]);
    refused.do(P.it, 'record_data_owner_consent', { ownerUnit: '人事室', consent: false, note: '個資不宜提供' });
    expect(refused.value).toBe('it_decision');
    const r = refused.attempt(P.itChief, 'approve_request', { opinion: '准' });
    expect(r.ok ? [] : r.problems).toEqual([
      expect.objectContaining({
        code: 'rule_broken',
        rule: 'dataOwnerConsent',
        reason: 'data_owner_refused',
        field: 'dataOwnerConsent.consent',
      }),
    ]);
    refused.do(P.itChief, 'return_with_reasons', { decision: 'postpone', reasons: '資料原屬單位不同意提供' });
    expect(refused).toMatchObject({ value: 'returned', status: 'rejected' });

    const consented = toDecision({}, { otherUnitData: true, dataOwnerUnit: '人事室' });
    consented.do(P.it, 'record_data_owner_consent', { ownerUnit: '人事室', consent: true });
    consented.do(P.itChief, 'approve_request', { opinion: '准' });
    expect(consented.value).toBe('new_system_check');
  });

  it('names the owning unit when another unit’s data is involved', () => {
    const c = received();
    c.do(P.desk, 'classify_request', { isSystemChange: true, opinion: 'x' });
    c.do(P.it, 'review_six_points', { ...SIX_YES, meetingNeeded: false });
    c.do(P.it, 'assign_developer', { developerUserId: P.vendor.userId, developerName: 'x' });
    c.do(P.vendor, 'submit_estimate', {
      discussedWithItChief: true,
      interviewNotes: 'x',
      scope: 'x',
      personHours: 8,
      workingDays: 1,
      isNewSystem: false,
      withinAuthority: true,
    });
    expect(refusal(c.attempt(P.it, 'assess_feasibility', { ...FEASIBLE, otherUnitData: true, opinion: 'x' }))).toEqual([
      'invalid_field:dataOwnerUnit',
    ]);
  });

  it('returns the request with reasons (postponed, reconsidered, or changed content needing a new request)', () => {
    const c = toDecision();
    expect(refusal(c.attempt(P.itChief, 'return_with_reasons', { decision: 'content_change' }))).toEqual([
      'invalid_field:reasons',
    ]);
    c.do(P.itChief, 'return_with_reasons', { decision: 'content_change', reasons: '需求內容調整，請另提新申請單' });
    expect(c).toMatchObject({ value: 'returned', status: 'rejected' });
    expect(c.last.effects).toContainEqual({ kind: 'notify', to: ['requester'], notice: 'request_returned' });
  });

  it('modifies an existing system under document change management, then the requester accepts', () => {
    const c = toDecision();
    c.do(P.itChief, 'approve_request', { opinion: '准' });
    c.do(P.it, 'judge_new_system', { isNewSystem: false });
    expect(c.value).toEqual({ change_handling: 'change_handling_working' });
    expect(c.last.stage).toBe('change');
    c.assign(P.vendor.userId, 'stage');
    expect(refusal(c.attempt(P.staff, 'add_change_note', { note: 'x' }))).toEqual(['actor_not_allowed']);
    c.do(P.vendor, 'add_change_note', { note: '修改查詢 SQL，更新系統規格書 v1.3' });
    expect(c.data).toMatchObject({ stages: { change: { notes: [{ note: '修改查詢 SQL，更新系統規格書 v1.3' }] } } });
    expect(
      refusal(c.attempt(P.vendor, 'complete_change', { handlingResult: '完成', actualCompletionDate: '2027-01-10' })),
    ).toEqual(['invalid_field:documentsUnderChangeControl']);
    c.do(P.vendor, 'complete_change', {
      handlingResult: '新增查詢功能',
      actualCompletionDate: '2027-01-10',
      documentsUnderChangeControl: true,
    });
    expect(c.status).toBe('resolved');
    c.do(P.staff, 'reopen', { reasons: '查詢結果錯誤' });
    expect(c.value).toEqual({ change_handling: 'change_handling_working' });
    c.do(P.vendor, 'complete_change', {
      handlingResult: '修正',
      actualCompletionDate: '2027-01-12',
      documentsUnderChangeControl: true,
    });
    c.do(P.staff, 'confirm');
    c.do(P.desk, 'archive');
    expect(c.status).toBe('closed');
  });

  it('gives usage help or fixes a bug when it is not a change, and the desk closes (000 §2.2.4–2.2.5)', () => {
    const c = received();
    c.do(P.desk, 'classify_request', { isSystemChange: false, opinion: '操作問題' });
    expect(c.value).toEqual({ providing_service: 'providing_service_working' });
    c.do(P.vendor, 'complete_service', {
      serviceKind: 'usage_help',
      handlingResult: '說明操作方式',
      actualCompletionDate: '2026-11-23',
    });
    expect(c).toMatchObject({ value: 'service_closing', status: 'resolved' });
    c.do(P.desk, 'close_service');
    expect(c).toMatchObject({ value: 'closed', status: 'closed' });
    expect(c.last.effects).toContainEqual({ kind: 'notify', to: ['requester'], notice: 'request_closed' });
  });
});
