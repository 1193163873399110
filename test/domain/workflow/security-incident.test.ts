import { describe, expect, it } from 'vitest';
import { initialState } from '../../../src/domain/workflow/engine.js';
import { CTX, Case, P, refusal, requestFacts, shipped } from './fixtures.js';

const FORM = {
  agencyName: '中部科學園區管理局',
  supervisingAgency: '國家科學及技術委員會',
  reporterName: '王小明',
  reporterPhone: '04-25658588',
  reporterEmail: 'staff01@ctsp.gov.tw',
  occurredAt: '2026-11-23T09:10:00+08:00',
  ipAddress: '10.1.2.3',
  deviceBrandModel: 'ASUS D700',
  osNameVersion: 'Windows 11 23H2',
  category: 'virus',
  damage: 'other',
  damageOther: '檔案遭加密',
  description: '同仁電腦出現勒索訊息，檔案遭加密。',
};
const PHONE = { channel: 'phone' as const, createdBy: P.desk.userId, applicantUserId: P.staff.userId, form: FORM };
const REPORT = {
  reportedToSuperiorAt: '2026-11-23T09:40:00+08:00',
  reportedToNationalCertAt: '2026-11-23T09:45:00+08:00',
  channel: 'web',
  reportNo: 'NCERT-1150001',
};
const GRADING = { impact: '單機受影響，未擴散', response: '已隔離該電腦' };

function atChief(): Case {
  const c = Case.file('security_incident', PHONE);
  c.do(P.desk, 'assess_direct_handling', { canHandleDirectly: false, assessment: '疑似勒索軟體' });
  return c;
}

describe('TYPE-6 security incident (000 §2.6, 附件三)', () => {
  it('is reported by phone and recorded by the desk, starting the one-hour reporting clock', () => {
    const c = Case.file('security_incident', PHONE);
    expect(c).toMatchObject({ value: 'recorded', status: 'submitted' });
    expect(c.last.effects).toEqual([
      { kind: 'startClock', clock: 'incident.report' },
      { kind: 'assign', role: 'desk_agent', slot: 'request', userId: null },
    ]);
    const web = initialState(shipped('security_incident'), requestFacts('security_incident', { form: FORM }), CTX);
    expect(refusal(web)).toEqual(['channel_not_accepted:channel']);
  });

  it('handles directly what the desk can, stopping the reporting clock, and archives', () => {
    const c = Case.file('security_incident', PHONE);
    c.do(P.desk, 'assess_direct_handling', { canHandleDirectly: true, assessment: '誤報，防毒已清除' });
    expect(c).toMatchObject({ value: 'direct_handling', status: 'in_progress' });
    expect(c.last.effects[0]).toEqual({ kind: 'stopClock', clock: 'incident.report' });
    expect(
      refusal(c.attempt(P.desk, 'resolve_directly', { solution: '清除', repairedAt: '2026-11-23T12:00:00+08:00' })),
    ).toEqual(['rule_broken:repairedAt']);
    c.do(P.desk, 'resolve_directly', { solution: '防毒軟體清除', repairedAt: '2026-11-23T10:00:00+08:00' });
    c.do(P.desk, 'archive');
    expect(c).toMatchObject({ value: 'closed', status: 'closed' });
  });

  it('reports to the IT chief what the desk cannot handle, restarting the clock if it tried first', () => {
    const c = Case.file('security_incident', PHONE);
    c.do(P.desk, 'assess_direct_handling', { canHandleDirectly: true, assessment: '先行處理' });
    c.do(P.desk, 'escalate_to_it_chief', { reason: '無法清除' });
    expect(c.value).toBe('it_chief_review');
    expect(c.last.effects).toEqual([
      { kind: 'startClock', clock: 'incident.report' },
      { kind: 'assign', role: 'it_chief', slot: 'request', userId: null },
    ]);
  });

  it('grades a B incident, reports it externally with its times, escalates to 組長 and 副局長, gets support, and closes', () => {
    const c = atChief();
    expect(c.value).toBe('it_chief_review');
    expect(refusal(c.attempt(P.it, 'grade_incident', { grade: 'B', ...GRADING }))).toEqual(['actor_not_allowed']);
    c.do(P.itChief, 'grade_incident', { grade: 'B', level: 3, ...GRADING });
    expect(c).toMatchObject({ status: 'in_progress' });
    expect(c.value).toEqual({
      incident_response: {
        reporting: 'external_report_pending',
        supervision: 'supervision_division_head',
        handling: 'response_handling',
      },
    });
    expect(c.last.effects).toEqual([
      { kind: 'startClock', clock: 'incident.damage_control.level_3_4' },
      { kind: 'escalate', to: ['division_head', 'deputy_director_general'], grade: 'B', level: 3 },
    ]);

    // 往上報: the report to the superior authority and the national CERT, with its times.
    c.do(P.itChief, 'report_externally', REPORT);
    expect(c.last.effects).toEqual([
      { kind: 'recordExternalReport', to: 'superior_authority', at: '2026-11-23T09:40:00+08:00' },
      { kind: 'recordExternalReport', to: 'national_cert', at: '2026-11-23T09:45:00+08:00' },
      { kind: 'stopClock', clock: 'incident.report' },
    ]);

    // 督導處理: in order, as far as the grade requires.
    expect(refusal(c.attempt(P.ddg, 'supervise_deputy_director_general'))).toEqual(['action_not_available']);
    expect(refusal(c.attempt(P.investmentHead, 'supervise_division_head'))).toEqual(['actor_not_allowed']);
    c.do(P.head, 'supervise_division_head', { instructions: '請持續監控' });
    c.roundTrip();
    c.do(P.ddg, 'supervise_deputy_director_general', { instructions: '知悉' });

    // 需外部支援 → 協助處理 within 3 hours of consent.
    c.do(P.security, 'request_external_support', {
      supportWanted: '鑑識分析',
      requestedAt: '2026-11-23T09:50:00+08:00',
    });
    c.do(P.security, 'record_support_consent', { consentedAt: '2026-11-23T09:52:00+08:00' });
    expect(c.last.effects).toEqual([{ kind: 'startClock', clock: 'incident.external_support' }]);
    c.do(P.security, 'record_support_arrival', { arrivedAt: '2026-11-23T09:55:00+08:00', team: '技術服務中心' });
    expect(c.last.effects).toEqual([{ kind: 'stopClock', clock: 'incident.external_support' }]);
    c.do(P.security, 'record_damage_control', { completedAt: '2026-11-23T09:57:00+08:00', measures: '隔離並還原備份' });
    c.do(P.security, 'resolve_incident', { solution: '重灌並還原備份', repairedAt: '2026-11-23T09:59:00+08:00' });
    expect(c.value).toBe('archiving');
    c.do(P.desk, 'archive');
    expect(c).toMatchObject({ value: 'closed', status: 'closed' });
    expect(c.data).toMatchObject({
      incident: { grade: 'B', level: 3, impact: GRADING.impact, by: 'itchief01' },
      externalReport: REPORT,
      supervision: { division_head: { instructions: '請持續監控' }, deputy_director_general: { by: 'ddg01' } },
      externalSupport: { consent: { consentedAt: '2026-11-23T09:52:00+08:00' }, arrival: { team: '技術服務中心' } },
      resolution: { solution: '重灌並還原備份', repairedAt: '2026-11-23T09:59:00+08:00' },
    });
  });

  it.each([
    [
      { grade: 'A' },
      'incident.damage_control.level_3_4',
      ['division_head', 'deputy_director_general', 'director_general'],
    ],
    [
      { level: 4 },
      'incident.damage_control.level_3_4',
      ['division_head', 'deputy_director_general', 'director_general'],
    ],
    [{ grade: 'C' }, 'incident.damage_control.level_1_2', ['division_head']],
    [{ level: 1 }, 'incident.damage_control.level_1_2', ['division_head']],
  ])('grading %j starts %s and escalates to %j', (grading, clock, to) => {
    const c = atChief();
    c.do(P.security, 'grade_incident', { ...grading, ...GRADING });
    expect(c.last.effects).toEqual([{ kind: 'startClock', clock }, expect.objectContaining({ kind: 'escalate', to })]);
    // The supervision follows the same tiers, in order.
    c.do(P.head, 'supervise_division_head');
    if (to.length > 1) {
      c.do(P.ddg, 'supervise_deputy_director_general');
      c.do(P.dg, 'supervise_director_general');
    }
    expect((c.value as Record<string, Record<string, string>>).incident_response?.supervision).toBe('supervised');
  });

  it('refuses a grade and level that disagree, or neither', () => {
    const c = atChief();
    const mismatch = c.attempt(P.itChief, 'grade_incident', { grade: 'A', level: 2, ...GRADING });
    expect(mismatch.ok ? [] : mismatch.problems).toEqual([
      expect.objectContaining({ code: 'rule_broken', reason: 'grade_level_mismatch', field: 'incident.level' }),
    ]);
    expect(refusal(c.attempt(P.itChief, 'grade_incident', GRADING))).toEqual(['rule_broken:incident.grade']);
  });

  it('keeps 附件三 free texts to 100 characters', () => {
    const c = atChief();
    const r = c.attempt(P.itChief, 'grade_incident', {
      grade: 'D',
      impact: '影'.repeat(101),
      response: '應'.repeat(100),
    });
    expect(r.ok ? [] : r.problems).toEqual([
      {
        code: 'invalid_field',
        field: 'impact',
        message: {
          'zh-TW': '可能影響範圍及損失評估：不得超過 100 字',
          en: 'Scope and damage: must be at most 100 characters',
        },
      },
    ]);
    const form = initialState(
      shipped('security_incident'),
      requestFacts('security_incident', { ...PHONE, form: { ...FORM, description: '述'.repeat(101) } }),
      CTX,
    );
    expect(refusal(form)).toEqual(['invalid_field:description']);
  });

  it('checks the 附件三 form: category "other" needs its text, the IP and e-mail their formats', () => {
    const file = (form: Record<string, unknown>) =>
      initialState(shipped('security_incident'), requestFacts('security_incident', { ...PHONE, form }), CTX);
    expect(refusal(file({ ...FORM, category: 'other' }))).toEqual(['invalid_field:categoryOther']);
    expect(refusal(file({ ...FORM, ipAddress: '10.1.2.300', reporterEmail: 'nobody' }))).toEqual([
      'invalid_field:reporterEmail',
      'invalid_field:ipAddress',
    ]);
    expect(file({ ...FORM, ipAddress: '2001:db8::1' }).ok).toBe(true);
  });

  it('asks why the web was not used when the report went by phone, fax or e-mail', () => {
    const c = atChief();
    c.do(P.itChief, 'grade_incident', { grade: 'C', ...GRADING });
    expect(refusal(c.attempt(P.itChief, 'report_externally', { ...REPORT, channel: 'fax' }))).toEqual([
      'invalid_field:channelFailureReason',
    ]);
    c.do(P.itChief, 'report_externally', { ...REPORT, channel: 'fax', channelFailureReason: '通報網站無法連線' });
  });

  it('never pauses its clocks: the law counts wall-clock hours', () => {
    const wf = shipped('security_incident');
    const pausing = [...wf.nodes.values()].filter((n) => n.def.clocks?.pause);
    expect(pausing).toEqual([]);
  });

  it('lets the IT chief find it is not a graded incident and handle it directly', () => {
    const c = atChief();
    c.do(P.itChief, 'not_reportable', { reason: '非屬 A～D 級' });
    expect(c.value).toBe('direct_handling');
    expect(c.last.effects[0]).toEqual({ kind: 'stopClock', clock: 'incident.report' });
  });

  it('cancels an external support request', () => {
    const c = atChief();
    c.do(P.itChief, 'grade_incident', { grade: 'D', ...GRADING });
    c.do(P.itChief, 'request_external_support', { supportWanted: '協助', requestedAt: '2026-11-23T09:50:00+08:00' });
    c.do(P.itChief, 'cancel_support_request', { reason: '已自行排除' });
    expect((c.value as Record<string, Record<string, string>>).incident_response?.handling).toBe('response_handling');
  });
});
