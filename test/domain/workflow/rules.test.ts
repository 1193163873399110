import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvalContext } from '../../../src/domain/workflow/conditions.js';
import type { RuleRef } from '../../../src/domain/workflow/definition.schema.js';
import {
  addLead,
  checkRuleRef,
  incidentGradeOf,
  runRule,
  type RuleFailure,
} from '../../../src/domain/workflow/rules.js';
import { CTX, requestFacts } from './fixtures.js';

const L = { 'zh-TW': '一個月', en: 'one month' };

type FactsOverrides = Partial<Omit<EvalContext, 'request'>> & { request?: Partial<EvalContext['request']> };

function facts(over: FactsOverrides = {}): EvalContext {
  return {
    fields: over.fields ?? {},
    form: over.form ?? {},
    data: over.data ?? {},
    request: requestFacts('general', over.request),
  };
}

const run = (ref: RuleRef, f: EvalContext, now = CTX.now): RuleFailure[] =>
  runRule(ref, f, { now, today: CTX.today, actor: null });
const codes = (failures: RuleFailure[]) => failures.map((f) => `${f.code}:${f.field}`);

describe('leadTime (TYPE-3 one month, TYPE-5 one week, INT-6 three weeks)', () => {
  it.each([
    ['2026-11-23', 1, 0, '2026-12-23'],
    ['2027-01-31', 1, 0, '2027-02-28'],
    ['2028-01-31', 1, 0, '2028-02-29'],
    ['2026-12-31', 0, 7, '2027-01-07'],
    ['2026-11-23', 0, 21, '2026-12-14'],
  ])('from %s, %i month(s) and %i day(s) ahead is %s', (today, months, days, expected) => {
    expect(addLead(today, months, days)).toBe(expected);
  });

  it('lands a month ahead on the same day, or the month’s last day, and a week ahead exactly 7 days on', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const today = d.toISOString().slice(0, 10);
        const [y, m, day] = today.split('-').map(Number) as [number, number, number];
        const monthEnd = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
        const expected = new Date(Date.UTC(y, m, Math.min(day, monthEnd))).toISOString().slice(0, 10);
        expect(addLead(today, 1, 0)).toBe(expected);
        expect(Date.parse(addLead(today, 0, 7)) - Date.parse(today)).toBe(7 * 86_400_000);
      }),
    );
  });

  const month: RuleRef = { rule: 'leadTime', months: 1, label: L };
  it('accepts a wished date exactly one month ahead and refuses one day less', () => {
    expect(run(month, facts({ request: { wishedDate: '2026-12-23' } }))).toEqual([]);
    const late = run(month, facts({ request: { wishedDate: '2026-12-22' } }));
    expect(late).toEqual([
      {
        field: 'wishedDate',
        code: 'lead_time',
        message: {
          'zh-TW': '須於一個月前提出申請：希望完成日期最早為 2026-12-23',
          en: 'File one month ahead: the wished date can be 2026-12-23 at the earliest',
        },
      },
    ]);
  });

  it('refuses a missing date, and reads another date when told', () => {
    expect(codes(run(month, facts({ request: { wishedDate: null } })))).toEqual(['lead_time:wishedDate']);
    const onField: RuleRef = { rule: 'leadTime', days: 7, label: L, field: 'fields.neededOn' };
    expect(run(onField, facts({ fields: { neededOn: '2026-11-30' } }))).toEqual([]);
    expect(codes(run(onField, facts({ fields: { neededOn: '2026-11-29' } })))).toEqual(['lead_time:neededOn']);
  });
});

describe('signoffsComplete (INT-6, 附件一)', () => {
  const ref: RuleRef = { rule: 'signoffsComplete', roles: ['section_chief', 'division_deputy', 'division_head'] };
  const signed = (...roles: string[]) => ({
    signoffs: Object.fromEntries(roles.map((r) => [r, { by: 'x', at: CTX.now }])),
  });

  it('names each missing sign-off', () => {
    expect(codes(run(ref, facts({ data: signed('section_chief') })))).toEqual([
      'signoff_missing:signoffs.division_deputy',
      'signoff_missing:signoffs.division_head',
    ]);
    expect(run(ref, facts({ data: signed('section_chief', 'division_deputy', 'division_head') }))).toEqual([]);
  });

  it('does not ask for a supervisor the unit does not have', () => {
    expect(run(ref, facts({ data: signed('division_head'), request: { unitRoles: ['division_head'] } }))).toEqual([]);
  });
});

describe('TYPE-2 rules', () => {
  const points = [
    'descriptionClear',
    'environmentAllows',
    'businessMature',
    'technicallyFeasible',
    'manpowerSufficient',
    'coordinationNeeded',
  ];
  it('reviewPointsAnswered wants every point answered yes or no', () => {
    const ref: RuleRef = { rule: 'reviewPointsAnswered', path: 'data.review', points };
    const review = Object.fromEntries(points.map((p) => [p, false]));
    expect(run(ref, facts({ data: { review } }))).toEqual([]);
    const partial = run(ref, facts({ data: { review: { ...review, manpowerSufficient: undefined } } }));
    expect(partial).toEqual([
      {
        field: 'review.manpowerSufficient',
        code: 'review_point_unanswered',
        message: {
          'zh-TW': '審查要點「現有人力是否足夠」尚未審查',
          en: 'Review point "there is enough manpower" is not answered',
        },
      },
    ]);
  });

  it("dataOwnerConsent wants the owner's consent only when another unit's data is involved", () => {
    const ref: RuleRef = {
      rule: 'dataOwnerConsent',
      flag: 'data.feasibility.otherUnitData',
      consent: 'data.consent.consent',
    };
    expect(run(ref, facts({ data: { feasibility: { otherUnitData: false } } }))).toEqual([]);
    const asked = { feasibility: { otherUnitData: true } };
    expect(codes(run(ref, facts({ data: asked })))).toEqual(['data_owner_consent_missing:consent.consent']);
    expect(codes(run(ref, facts({ data: { ...asked, consent: { consent: false } } })))).toEqual([
      'data_owner_refused:consent.consent',
    ]);
    expect(run(ref, facts({ data: { ...asked, consent: { consent: true } } }))).toEqual([]);
  });

  it('documentsChecked names each document not ticked', () => {
    const ref: RuleRef = {
      rule: 'documentsChecked',
      path: 'fields.documents',
      documents: ['acceptanceReport', 'userManual'],
    };
    const r = run(ref, facts({ fields: { documents: { acceptanceReport: true, userManual: false } } }));
    expect(r).toEqual([
      {
        field: 'documents.userManual',
        code: 'document_missing',
        message: {
          'zh-TW': '開發文件不完整：缺少使用手冊',
          en: 'The documentation is incomplete: user manual is missing',
        },
      },
    ]);
  });
});

describe('TYPE-6 grading', () => {
  const ref: RuleRef = { rule: 'incidentGrading', path: 'data.incident' };
  it.each([
    [{}, ['grade_missing:incident.grade']],
    [{ grade: 'B' }, []],
    [{ level: 2 }, []],
    [{ grade: 'A', level: 4 }, []],
    [{ grade: 'D', level: 1 }, []],
    [{ grade: 'A', level: 3 }, ['grade_level_mismatch:incident.level']],
  ])('%j → %j', (incident, expected) => {
    expect(codes(run(ref, facts({ data: { incident } })))).toEqual(expected);
  });

  it('derives one grading from the other (A↔4, B↔3, C↔2, D↔1)', () => {
    expect(incidentGradeOf({ grade: 'C' })).toEqual({ grade: 'C', level: 2 });
    expect(incidentGradeOf({ level: 4 })).toEqual({ grade: 'A', level: 4 });
    expect(incidentGradeOf({ grade: 'Z', level: 9 })).toEqual({ grade: null, level: null });
    expect(incidentGradeOf(undefined)).toEqual({ grade: null, level: null });
  });

  it('instantNotInFuture allows five minutes of clock skew', () => {
    const r: RuleRef = { rule: 'instantNotInFuture', fields: ['fields.reportedAt'] };
    expect(run(r, facts({ fields: { reportedAt: '2026-11-23T02:04:00Z' } }))).toEqual([]);
    expect(codes(run(r, facts({ fields: { reportedAt: '2026-11-23T02:06:00Z' } })))).toEqual([
      'instant_in_future:reportedAt',
    ]);
  });
});

describe('TYPE-4 and TYPE-7 rules', () => {
  it('attachmentRequired counts the files on the request', () => {
    const ref: RuleRef = { rule: 'attachmentRequired', min: 1 };
    expect(codes(run(ref, facts()))).toEqual(['attachment_missing:attachments']);
    expect(run(ref, facts({ request: { attachmentCount: 1 } }))).toEqual([]);
  });

  it('dateOnOrBefore keeps the planned date no later than the wished date', () => {
    const ref: RuleRef = {
      rule: 'dateOnOrBefore',
      field: 'fields.plannedCompletionDate',
      limit: 'request.wishedDate',
      label: { 'zh-TW': '需求日', en: 'wished date' },
    };
    const request = { wishedDate: '2026-12-01' };
    expect(run(ref, facts({ request, fields: { plannedCompletionDate: '2026-12-01' } }))).toEqual([]);
    expect(run(ref, facts({ request, fields: { plannedCompletionDate: '2026-12-02' } }))).toEqual([
      {
        field: 'plannedCompletionDate',
        code: 'date_after_limit',
        message: { 'zh-TW': '不得晚於需求日（2026-12-01）', en: 'must not be later than the wished date (2026-12-01)' },
      },
    ]);
  });

  it('stampedOriginalReceived wants the original with both seals', () => {
    const ref: RuleRef = { rule: 'stampedOriginalReceived', path: 'data.receipt' };
    expect(codes(run(ref, facts()))).toEqual(['original_not_received:receipt.receivedOn']);
    const unsealed = { receipt: { receivedOn: '2026-11-20', companySeal: true, responsiblePersonSeal: false } };
    expect(codes(run(ref, facts({ data: unsealed })))).toEqual(['seal_missing:receipt.responsiblePersonSeal']);
    expect(run(ref, facts({ data: { receipt: { ...unsealed.receipt, responsiblePersonSeal: true } } }))).toEqual([]);
  });
});

describe('rule references', () => {
  it('are checked when a definition loads', () => {
    expect(checkRuleRef({ rule: 'leadTime', months: 1, label: L })).toBeNull();
    expect(checkRuleRef({ rule: 'leadTime', label: L })).toMatch(/give months, days or workingDays/);
    expect(checkRuleRef({ rule: 'leadTime', months: -1, label: L })).toMatch(/months/);
    expect(checkRuleRef({ rule: 'signoffsComplete', roles: ['desk_agent'] })).toMatch(/roles\.0/);
    expect(checkRuleRef({ rule: 'hasOwnProperty' })).toMatch(/unknown rule "hasOwnProperty"/);
  });
});
