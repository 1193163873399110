import { describe, expect, it } from 'vitest';
import { initialState } from '../../../src/domain/workflow/engine.js';
import { CTX, Case, P, refusal, requestFacts, shipped, TRADE_PATH } from './fixtures.js';

/** 附件四, filed on the public page without an account. */
const FORM = {
  park: 'ctsp',
  applicationCategory: 'new',
  applicantKind: 'park_company',
  companyCode: '12345678',
  companyName: '中科精密股份有限公司',
  responsiblePerson: '陳大文',
  adminEmployeeNo: 'E1024',
  adminName: '林小華',
  adminPhone: '04-25671234',
  adminExtension: '321',
  adminDepartment: '資訊部',
  adminSupervisor: '張經理',
  adminEmail: 'admin@example.com.tw',
};
const PUBLIC = {
  form: FORM,
  createdBy: null,
  applicantUserId: null,
  unitId: 'trade',
  unitPath: TRADE_PATH,
  unitRoles: [],
};
const ORIGINAL = { receivedOn: '2026-11-25', companySeal: true, responsiblePersonSeal: true };
const COMPLETE = { formComplete: true, equipmentReady: true, opinion: '表單齊全' };

function checked(): Case {
  const c = Case.file('vendor_account', PUBLIC);
  c.do(P.desk, 'receive_original', ORIGINAL);
  c.do(P.desk, 'pass_completeness_review', COMPLETE);
  return c;
}

describe('TYPE-7 vendor administrator account (000 §2.7, 附件四)', () => {
  it('is applied for without an account and waits for the stamped original, no clock running', () => {
    const c = Case.file('vendor_account', PUBLIC);
    expect(c).toMatchObject({ value: 'applied_online', status: 'waiting' });
    expect(c.last.effects).toEqual([
      { kind: 'pauseClocks' },
      { kind: 'assign', role: 'desk_agent', slot: 'request', userId: null },
    ]);
    expect(shipped('vendor_account').definition.filing).toMatchObject({
      public: true,
      channels: ['web'],
      document: 'attachment_4',
    });
  });

  it('receives the original, checks it, has the business unit confirm, and approval creates the account', () => {
    const c = Case.file('vendor_account', PUBLIC);
    c.do(P.desk, 'receive_original', ORIGINAL);
    expect(c).toMatchObject({ value: 'completeness_review', status: 'in_progress' });
    expect(c.last.effects).toEqual([
      { kind: 'resumeClocks' },
      { kind: 'startClock', clock: 'vendor_account.review' },
      { kind: 'assign', role: 'desk_agent', slot: 'request', userId: null },
    ]);
    c.do(P.desk, 'pass_completeness_review', COMPLETE);
    expect(c.value).toBe('business_unit_check');
    expect(c.last.effects).toEqual([
      {
        kind: 'notify',
        to: [
          { role: 'requester', scope: 'business_unit' },
          { role: 'section_chief', scope: 'business_unit' },
        ],
        notice: 'action_waiting',
      },
    ]);
    expect(
      refusal(c.attempt(P.investor, 'confirm_park_company', { confirmed: true, kind: 'park_company', opinion: 'x' })),
    ).toEqual(['actor_not_allowed']);
    expect(refusal(c.attempt(P.staff, 'confirm_park_company', { confirmed: true, opinion: '是園區廠商' }))).toEqual([
      'invalid_field:kind',
    ]);
    c.do(P.staff, 'confirm_park_company', { confirmed: true, kind: 'park_company', opinion: '為本園區廠商' });
    expect(c.value).toBe('it_decision');
    c.do(P.it, 'approve_account', { opinion: '同意開立' });
    expect(c).toMatchObject({ value: 'onboarding', status: 'in_progress' });
    expect(c.last.effects).toEqual([
      { kind: 'createCompanyAccount' },
      { kind: 'stopClock', clock: 'vendor_account.review' },
      { kind: 'assign', role: 'desk_agent', slot: 'request', userId: null },
    ]);
    c.do(P.desk, 'complete_onboarding', { permissionsGranted: true, goLiveOn: '2026-12-01' });
    expect(c).toMatchObject({ value: 'closed', status: 'closed' });
    expect(c.data).toMatchObject({
      receipt: ORIGINAL,
      opinions: { handler: { formComplete: true }, it_officer: { opinion: '同意開立' } },
      businessUnitCheck: { confirmed: true, kind: 'park_company', by: 'staff01' },
      onboarding: { goLiveOn: '2026-12-01' },
    });
  });

  it('will not go to the business unit without the stamped original', () => {
    const c = Case.file('vendor_account', PUBLIC);
    c.do(P.desk, 'receive_original', { ...ORIGINAL, responsiblePersonSeal: false });
    const r = c.attempt(P.desk, 'pass_completeness_review', COMPLETE);
    expect(r.ok ? [] : r.problems).toEqual([
      {
        code: 'rule_broken',
        rule: 'stampedOriginalReceived',
        reason: 'seal_missing',
        field: 'receipt.responsiblePersonSeal',
        message: {
          'zh-TW': '申請表正本未加蓋公司大小章',
          en: "The original does not bear both the company's and the responsible person's seals",
        },
      },
    ]);
    c.do(P.desk, 'not_approved', { reasons: '正本未加蓋負責人章' });
    expect(c.value).toBe('explaining');
  });

  it('explains a refusal in detail to the applicant', () => {
    const c = checked();
    c.do(P.staff, 'confirm_park_company', { confirmed: false, opinion: '查無此廠商' });
    expect(c).toMatchObject({ value: 'explaining', status: 'in_progress' });
    expect(refusal(c.attempt(P.it, 'explain_refusal', { reasons: 'x' }))).toEqual([
      'invalid_field:explainedOn',
      'invalid_field:explainedVia',
    ]);
    c.do(P.it, 'explain_refusal', { reasons: '公司代碼不屬本園區', explainedOn: '2026-11-26', explainedVia: 'email' });
    expect(c).toMatchObject({ value: 'refused', status: 'rejected' });
    expect(c.last.effects).toContainEqual({ kind: 'notify', to: ['requester'], notice: 'request_returned' });
  });

  it('lets the IT section refuse after the business unit confirmed', () => {
    const c = checked();
    c.do(P.chief, 'confirm_park_company', { confirmed: true, kind: 'customs_broker', opinion: '為報關行' });
    c.do(P.itChief, 'not_approved', { reasons: '電腦配備不符需求' });
    expect(c.value).toBe('explaining');
  });

  it('cancels an application whose original never arrives', () => {
    const c = Case.file('vendor_account', PUBLIC);
    c.do(P.desk, 'cancel_application', { reason: '逾期未寄正本' });
    expect(c).toMatchObject({ value: 'withdrawn', status: 'cancelled' });
  });

  it('checks the 附件四 fields', () => {
    const file = (form: Record<string, unknown>) =>
      initialState(shipped('vendor_account'), requestFacts('vendor_account', { ...PUBLIC, form }), CTX);
    const { adminEmail: _e, ...noEmail } = FORM;
    expect(refusal(file(noEmail))).toEqual(['invalid_field:adminEmail']);
    expect(refusal(file({ ...FORM, adminEmail: 'not-an-address', companyCode: '1'.repeat(21) }))).toEqual([
      'invalid_field:companyCode',
      'invalid_field:adminEmail',
    ]);
    expect(refusal(file({ ...FORM, applicationCategory: 'renewal' }))).toEqual(['invalid_field:applicationCategory']);
  });
});
