import { describe, expect, it } from 'vitest';
import { initialState } from '../../../src/domain/workflow/engine.js';
import { CTX, Case, P, refusal, requestFacts, shipped } from './fixtures.js';

const FORM = { items: '筆記型電腦 2 台', purpose: '新進人員使用', budgetAllocated: true };
const REVIEW_OK = {
  documentsComplete: true,
  budgetAllocated: true,
  specificationSuitable: true,
  businessNecessity: true,
  opinion: '符合需求',
};

function reviewing(): Case {
  return Case.file('equipment', { form: FORM, wishedDate: '2027-01-31' }).signAndReceive();
}

function delivered(): Case {
  const c = reviewing();
  c.do(P.it, 'pass_requirements_review', REVIEW_OK);
  c.do(P.it, 'submit_procurement', { mode: 'purchase', memoNo: '簽 1150123', estimatedAmount: 80000 });
  c.do(P.it, 'complete_procurement', {
    contractNo: 'C-115-01',
    supplier: '某電腦公司',
    expectedDelivery: '2027-01-10',
  });
  c.do(P.vendor, 'complete_installation', { deliveredOn: '2027-01-10', installedOn: '2027-01-11', testResult: '正常' });
  return c;
}

describe('TYPE-3 computer equipment (000 §2.3)', () => {
  it('reviews, purchases, delivers, accepts jointly, registers the assets and archives', () => {
    const c = reviewing();
    expect(c).toMatchObject({ value: 'requirements_review', status: 'in_progress' });
    expect(c.last.effects).toContainEqual({ kind: 'stopClock', clock: 'fault.response' });
    c.do(P.it, 'pass_requirements_review', REVIEW_OK);
    expect(c.value).toBe('procurement_request');
    c.do(P.itChief, 'opinion_it_chief', { opinion: '擬同意採購' });
    c.do(P.head, 'opinion_division_head', { opinion: '准' });
    c.do(P.it, 'submit_procurement', { mode: 'lease', memoNo: '簽 1150123' });
    expect(c.value).toBe('procurement');
    c.do(P.it, 'complete_procurement', { contractNo: 'C-115-01', supplier: '某電腦公司' });
    expect(c.value).toBe('delivery');
    c.do(P.vendor, 'complete_installation', {
      deliveredOn: '2027-01-10',
      installedOn: '2027-01-11',
      testResult: '正常',
    });
    expect(c.value).toEqual({
      joint_acceptance: {
        it_equipment_acceptance: 'it_equipment_acceptance_pending',
        unit_equipment_acceptance: 'unit_equipment_acceptance_pending',
      },
    });
    expect(c.can(P.staff)).toEqual(['accept_equipment_as_unit', 'fail_acceptance']);
    c.do(P.it, 'accept_equipment_as_it', { acceptedOn: '2027-01-12' });
    c.roundTrip();
    c.do(P.staff, 'accept_equipment_as_unit', { opinion: '測試正常' });
    expect(c).toMatchObject({ value: 'asset_registration', status: 'in_progress' });
    expect(c.last.effects).toContainEqual({ kind: 'assign', role: 'asset_keeper', slot: 'request', userId: null });
    expect(refusal(c.attempt(P.asset, 'register_assets', { assetNumbers: [] }))).toEqual([
      'invalid_field:assetNumbers',
    ]);
    c.do(P.asset, 'register_assets', { assetNumbers: ['3140101-03-000123', '3140101-03-000124'] });
    c.do(P.desk, 'archive');
    expect(c).toMatchObject({ value: 'closed', status: 'closed' });
    expect(c.data).toMatchObject({
      opinions: { it_officer: REVIEW_OK, it_chief: { opinion: '擬同意採購' }, division_head: { opinion: '准' } },
      procurement: { request: { mode: 'lease' }, contract: { contractNo: 'C-115-01' } },
      acceptance: { it_section: { acceptedOn: '2027-01-12' }, unit: { by: 'staff01' } },
      assets: { assetNumbers: ['3140101-03-000123', '3140101-03-000124'] },
    });
  });

  it('passes the review only with every check ticked: documents, budget, specification, need', () => {
    const c = reviewing();
    expect(refusal(c.attempt(P.it, 'pass_requirements_review', { ...REVIEW_OK, budgetAllocated: false }))).toEqual([
      'invalid_field:budgetAllocated',
    ]);
    const r = c.attempt(P.it, 'pass_requirements_review', { ...REVIEW_OK, specificationSuitable: false });
    expect(r.ok ? null : r.problems[0]?.message).toEqual({
      'zh-TW': '設備規格適切（含未來擴充性）：須勾選確認',
      en: 'Specification suitable, expandable: must be confirmed',
    });
  });

  it('explains the reasons and returns a request that fails the review', () => {
    const c = reviewing();
    c.do(P.it, 'return_with_reasons', { reasons: '預算未編列' });
    expect(c).toMatchObject({ value: 'returned', status: 'rejected' });
    expect(c.last.effects).toContainEqual({ kind: 'stopClock', clock: '*' });
  });

  it('goes back to delivery when the joint test fails', () => {
    const c = delivered();
    c.do(P.it, 'accept_equipment_as_it', { acceptedOn: '2027-01-12' });
    c.do(P.staff, 'fail_acceptance', { reasons: '螢幕故障' });
    expect(c.value).toBe('delivery');
  });

  it("does not let the requester take the IT section's or the asset keeper's steps", () => {
    const c = delivered();
    expect(refusal(c.attempt(P.staff, 'accept_equipment_as_it', { acceptedOn: '2027-01-12' }))).toEqual([
      'actor_not_allowed',
    ]);
  });

  describe('one month ahead (TYPE-3, 000 §2.3.2)', () => {
    const wf = shipped('equipment');
    const file = (wishedDate: string, form: Record<string, unknown> = FORM) =>
      initialState(wf, requestFacts('equipment', { form, wishedDate }), CTX);

    it('accepts a wished date exactly one month ahead, refuses one day less', () => {
      expect(file('2026-12-23').ok).toBe(true);
      expect(refusal(file('2026-12-22'))).toEqual(['rule_broken:wishedDate']);
    });

    it('also holds for contract staff, whose hardware needs proof (INT-6)', () => {
      const staff = { ...FORM, hardwareForContractStaff: true, contractStaffProof: 'contract_provides_none' };
      expect(file('2026-12-23', staff).ok).toBe(true);
      expect(refusal(file('2026-12-14', staff))).toEqual(['rule_broken:wishedDate']);
      expect(refusal(file('2026-12-23', { ...FORM, hardwareForContractStaff: true }))).toEqual([
        'invalid_field:contractStaffProof',
      ]);
    });

    it('needs the items, the purpose and the budget answer', () => {
      expect(refusal(file('2027-01-31', { items: 'x'.repeat(1001) }))).toEqual([
        'invalid_field:purpose',
        'invalid_field:budgetAllocated',
        'invalid_field:items',
      ]);
    });
  });
});
