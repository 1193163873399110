import { describe, expect, it } from 'vitest';
import { initialState } from '../../../src/domain/workflow/engine.js';
import { CTX, Case, P, refusal, requestFacts, shipped } from './fixtures.js';

const FORM = { equipment: '個人電腦（財產編號 3140101-03-000123）', fromLocation: '301 室', toLocation: '405 室' };

function surveyed(cablingNeeded: boolean): Case {
  const c = Case.file('relocation', { form: FORM, wishedDate: '2026-12-15' }).signAndReceive();
  c.do(P.desk, 'record_site_survey', {
    surveyedOn: '2026-11-24',
    cablingNeeded,
    opinion: cablingNeeded ? '405 室無網路孔' : '現有網路可用',
  });
  return c;
}

function moved(c: Case): Case {
  c.do(P.desk, 'complete_move', { handlingResult: '移機完成，可正常使用', actualCompletionDate: '2026-12-10' });
  return c;
}

describe('TYPE-5 equipment relocation (000 §2.5)', () => {
  it('surveys the site, moves, tests jointly, and hands the property transfer to the secretariat', () => {
    const c = Case.file('relocation', { form: FORM, wishedDate: '2026-12-15' }).signAndReceive();
    expect(c).toMatchObject({ value: 'site_survey', status: 'in_progress' });
    c.do(P.desk, 'record_site_survey', { surveyedOn: '2026-11-24', cablingNeeded: false, opinion: '現有網路可用' });
    expect(c.value).toEqual({ moving: 'moving_working' });
    moved(c);
    expect(c).toMatchObject({ value: 'joint_test', status: 'resolved' });
    expect(
      refusal(c.attempt(P.staff, 'confirm_joint_test', { testedOn: '2026-12-10', acceptanceNeeded: true })),
    ).toEqual(['invalid_field:acceptedOn']);
    c.do(P.staff, 'confirm_joint_test', { testedOn: '2026-12-10', acceptanceNeeded: false });
    expect(c).toMatchObject({ value: 'property_transfer', status: 'waiting' });
    c.do(P.staff, 'submit_property_transfer', { transferFormNo: 'PT-115-0042' });
    expect(c.value).toBe('property_transfer_check');
    expect(
      refusal(
        c.attempt(P.staff, 'confirm_property_transfer', { confirmed: true, handedToSecretariatOn: '2026-12-11' }),
      ),
    ).toEqual(['actor_not_allowed']);
    c.do(P.it, 'confirm_property_transfer', { confirmed: true, handedToSecretariatOn: '2026-12-11' });
    c.do(P.desk, 'archive');
    expect(c).toMatchObject({ value: 'closed', status: 'closed' });
    expect(c.data).toMatchObject({
      opinions: { handler: { cablingNeeded: false } },
      confirmation: { testedOn: '2026-12-10' },
      propertyTransfer: { form: { transferFormNo: 'PT-115-0042' }, check: { handedToSecretariatOn: '2026-12-11' } },
    });
  });

  it('gets IT approval, procures and lays new network cabling before the move', () => {
    const c = surveyed(true);
    expect(c.value).toBe('cabling_approval');
    c.do(P.it, 'approve_cabling', { opinion: '同意增設 2 孔' });
    c.do(P.it, 'submit_cabling_procurement', { memoNo: '簽 1150200', estimatedAmount: 12000 });
    c.do(P.it, 'complete_cabling_procurement', { contractNo: 'C-115-09', contractor: '某網路工程行' });
    c.do(P.vendor, 'complete_cabling', { completedOn: '2026-12-05' });
    expect(c.value).toEqual({ moving: 'moving_working' });
    expect(c.data).toMatchObject({
      cabling: {
        request: { memoNo: '簽 1150200' },
        contract: { contractNo: 'C-115-09' },
        works: { completedOn: '2026-12-05' },
      },
    });
  });

  it('returns the request when the IT section does not approve the cabling', () => {
    const c = surveyed(true);
    c.do(P.itChief, 'refuse_cabling', { reasons: '該空間不宜佈線' });
    expect(c).toMatchObject({ value: 'returned', status: 'rejected' });
  });

  it('goes back to moving when the joint test fails', () => {
    const c = moved(surveyed(false));
    c.do(P.staff, 'report_test_problem', { reasons: '印表機無法列印' });
    expect(c.value).toEqual({ moving: 'moving_working' });
  });

  it('waits for a third party during the move with the clocks paused', () => {
    const c = surveyed(false);
    c.do(P.desk, 'wait_for_third_party', { party: '總務', reason: '搬運人力' });
    expect(c).toMatchObject({ status: 'waiting' });
    expect(c.last.effects).toEqual([{ kind: 'pauseClocks' }]);
  });

  describe('one week ahead (000 §2.5.2)', () => {
    const wf = shipped('relocation');
    const file = (wishedDate: string) => initialState(wf, requestFacts('relocation', { form: FORM, wishedDate }), CTX);

    it('accepts a wished date exactly seven days ahead, refuses six', () => {
      expect(file('2026-11-30').ok).toBe(true);
      const r = file('2026-11-29');
      expect(r.ok ? [] : r.problems.map((p) => p.message['zh-TW'])).toEqual([
        '須於需求日期一週前提出申請：希望完成日期最早為 2026-11-30',
      ]);
    });
  });
});
