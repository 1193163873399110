import { describe, expect, it } from 'vitest';
import { actorMatches } from '../../../src/domain/workflow/actors.js';
import {
  applyAction,
  availableActions,
  describeState,
  initialState,
  pendingActions,
  recordInto,
  type StepOk,
} from '../../../src/domain/workflow/engine.js';
import {
  PROBLEM_CODES,
  PROBLEM_HTTP_STATUS,
  type ActorFacts,
  type RequestFacts,
  type WorkflowState,
} from '../../../src/domain/workflow/facts.js';
import { loadDefinition, type Workflow } from '../../../src/domain/workflow/validate.js';
import { CTX, P, refusal, requestFacts } from './fixtures.js';

const L = (zh: string, en = zh) => ({ 'zh-TW': zh, en });
const obj = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/** A definition using every feature of the engine: routing, rules, records, a stage, a parallel state. */
function engineDefinition() {
  return {
    type: 'general',
    version: 3,
    title: L('測試流程', 'Test flow'),
    description: L('測試', 'Test'),
    form: obj(
      { kind: { type: 'string', enum: ['a', 'b'], 'x-label': L('類別'), 'x-enum-labels': { a: L('甲'), b: L('乙') } } },
      ['kind'],
    ),
    filing: {
      channels: ['web', 'phone'],
      document: 'attachment_1',
      rules: [{ rule: 'leadTime', days: 7, label: L('一週', 'one week'), when: { field: 'form.kind', equals: 'b' } }],
    },
    initial: 'route',
    states: {
      route: {
        label: L('分送'),
        status: 'submitted',
        always: [
          { target: 'sign', when: { field: 'request.unitRoles', contains: 'section_chief' } },
          { target: 'desk' },
        ],
      },
      sign: { label: L('簽章'), status: 'submitted', on: { sign: { target: 'desk' } } },
      desk: {
        label: L('服務台'),
        status: 'submitted',
        assign: 'desk_agent',
        clocks: { start: ['fault.response'] },
        on: {
          take: [
            { target: 'review', when: { field: 'fields.route', equals: 'review' } },
            {
              target: 'work',
              when: { field: 'fields.route', equals: 'work' },
              effects: [{ kind: 'notify', to: ['requester'], notice: 'action_waiting' }],
            },
          ],
          note: {},
        },
      },
      review: {
        label: L('審核'),
        status: 'in_progress',
        clocks: { stop: ['fault.response'] },
        on: { approve: { target: 'work', rules: [{ rule: 'signoffsComplete', roles: ['section_chief'] }] } },
      },
      work: {
        label: L('處理'),
        status: 'in_progress',
        stage: 'fix',
        assign: 'vendor_engineer',
        initial: 'work_doing',
        states: {
          work_doing: {
            label: L('處理中'),
            on: { pause_for_requester: { target: 'work_waiting' }, add_note: {}, finish: { target: 'both' } },
          },
          work_waiting: {
            label: L('等待'),
            status: 'waiting',
            clocks: { pause: true },
            on: { resume: { target: 'work_doing' } },
          },
        },
      },
      both: {
        label: L('會同'),
        status: 'in_progress',
        type: 'parallel',
        states: {
          left: {
            label: L('左'),
            initial: 'left_pending',
            states: {
              left_pending: { label: L('左待'), on: { left_ok: { target: 'left_done' } } },
              left_done: { label: L('左完'), type: 'final' },
            },
          },
          right: {
            label: L('右'),
            initial: 'right_pending',
            states: {
              right_pending: { label: L('右待'), on: { right_ok: { target: 'right_done' } } },
              right_done: { label: L('右完'), type: 'final' },
            },
          },
        },
        on: { abort: { target: 'aborted' } },
        onDone: { target: 'done', effects: [{ kind: 'archive' }] },
      },
      done: { label: L('結案'), status: 'closed', type: 'final' },
      aborted: { label: L('撤銷'), status: 'cancelled', type: 'final' },
    },
    actions: {
      sign: {
        label: L('科長簽章'),
        by: [{ role: 'section_chief', scope: 'request_unit' }],
        record: 'signoffs.section_chief',
      },
      take: {
        label: L('收件'),
        by: [{ role: 'desk_agent' }],
        fields: obj(
          {
            route: {
              type: 'string',
              enum: ['review', 'work', 'elsewhere'],
              'x-label': L('去向', 'Route'),
              'x-enum-labels': { review: L('審核'), work: L('處理'), elsewhere: L('他處') },
            },
          },
          ['route'],
        ),
        record: 'desk.take',
      },
      note: {
        label: L('備註'),
        by: [{ role: 'desk_agent' }],
        fields: obj({ text: { type: 'string', maxLength: 20, 'x-label': L('內容', 'Text') } }, ['text']),
        record: 'notes[]',
      },
      approve: { label: L('核准'), by: [{ role: 'it_officer' }] },
      pause_for_requester: { label: L('等待申請人'), by: ['stage_assignee', { role: 'desk_agent' }] },
      resume: { label: L('繼續'), by: ['requester'] },
      add_note: {
        label: L('紀要'),
        by: ['stage_assignee'],
        fields: obj({ note: { type: 'string', maxLength: 100, 'x-label': L('紀要') } }, ['note']),
        record: 'stages.fix.notes[]',
      },
      finish: {
        label: L('完成'),
        by: ['stage_assignee'],
        fields: obj({
          grade: {
            type: 'string',
            enum: ['A', 'B', 'C', 'D'],
            'x-label': L('等級'),
            'x-enum-labels': { A: L('A'), B: L('B'), C: L('C'), D: L('D') },
          },
          level: {
            type: 'integer',
            enum: [1, 2, 3, 4],
            'x-label': L('級'),
            'x-enum-labels': { 1: L('1'), 2: L('2'), 3: L('3'), 4: L('4') },
          },
          reportedAt: { type: 'string', format: 'date-time', 'x-label': L('通報時間') },
          nextUser: { type: 'string', maxLength: 64, 'x-label': L('下一位') },
        }),
        record: 'incident',
      },
      left_ok: { label: L('左同意'), by: [{ role: 'it_officer' }] },
      right_ok: { label: L('右同意'), by: ['requester'] },
      abort: { label: L('中止'), by: [{ role: 'desk_agent' }] },
    },
  };
}

function withFinishEffects(def: ReturnType<typeof engineDefinition>) {
  (def.states.work.states.work_doing.on.finish as Record<string, unknown>).effects = [
    {
      kind: 'escalate',
      from: 'data.incident',
      byGrade: { A: ['division_head', 'director_general'], B: ['division_head'], C: ['it_chief'], D: ['it_chief'] },
    },
    { kind: 'recordExternalReport', to: 'national_cert', atField: 'fields.reportedAt' },
    { kind: 'recordExternalReport', to: 'superior_authority' },
    { kind: 'assign', role: 'it_officer', userField: 'fields.nextUser' },
  ];
  return def;
}

function load(def: unknown = withFinishEffects(engineDefinition())): Workflow {
  const r = loadDefinition(def);
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.workflow;
}

const WF = load();
const at = (value: WorkflowState['value']): WorkflowState => ({ type: 'general', version: 3, value });
const facts = (overrides: Partial<RequestFacts> = {}) => requestFacts('general', { form: { kind: 'a' }, ...overrides });

function step(state: WorkflowState, actor: ActorFacts, action: string, fields = {}, request = facts()): StepOk {
  const r = applyAction(WF, state, { action, fields }, actor, request, CTX);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('filing (initialState)', () => {
  it('routes through the section chief only when the unit has one (always transitions)', () => {
    const withChief = initialState(WF, facts(), CTX);
    expect(withChief).toMatchObject({ ok: true, state: at('sign'), status: 'submitted', effects: [] });
    const without = initialState(WF, facts({ unitRoles: ['division_head'] }), CTX);
    expect(without).toMatchObject({
      ok: true,
      state: at('desk'),
      effects: [
        { kind: 'startClock', clock: 'fault.response' },
        { kind: 'assign', role: 'desk_agent', slot: 'request', userId: null },
      ],
      event: { action: 'file', from: null, to: 'desk', by: 'staff01', at: CTX.now },
    });
  });

  it('refuses a channel the type does not take (INT-1)', () => {
    expect(refusal(initialState(WF, facts({ channel: 'email' }), CTX))).toEqual(['channel_not_accepted:channel']);
  });

  it('names the form field at fault', () => {
    const r = initialState(WF, facts({ form: { kind: 'c', colour: 'red' } }), CTX);
    expect(refusal(r)).toEqual(['invalid_field:colour', 'invalid_field:kind']);
    expect(r.ok ? null : r.problems[1]?.message).toEqual({
      'zh-TW': '類別：不是可接受的選項',
      en: '類別: is not one of the allowed values',
    });
  });

  it('checks a filing rule only when its condition holds', () => {
    const soon = { wishedDate: '2026-11-25' };
    expect(initialState(WF, facts({ ...soon, form: { kind: 'a' } }), CTX).ok).toBe(true);
    const r = initialState(WF, facts({ ...soon, form: { kind: 'b' } }), CTX);
    expect(r.ok ? [] : r.problems).toEqual([
      expect.objectContaining({ code: 'rule_broken', rule: 'leadTime', reason: 'lead_time', field: 'wishedDate' }),
    ]);
  });
});

describe('taking an action (applyAction)', () => {
  it('moves on, records the fields with who and when, and returns the effects', () => {
    const r = step(at('desk'), P.desk, 'take', { route: 'work' });
    expect(r.state).toEqual(at({ work: 'work_doing' }));
    expect(r.status).toBe('in_progress');
    expect(r.stage).toBe('fix');
    expect(r.data).toEqual({ desk: { take: { route: 'work', by: 'desk01', at: CTX.now } } });
    expect(r.effects).toEqual([
      { kind: 'notify', to: ['requester'], notice: 'action_waiting' },
      { kind: 'startStage', stage: 'fix' },
      { kind: 'assign', role: 'vendor_engineer', slot: 'stage', userId: null },
    ]);
    expect(r.event).toEqual({
      action: 'take',
      from: 'desk',
      to: { work: 'work_doing' },
      fields: { route: 'work' },
      by: 'desk01',
      at: CTX.now,
    });
  });

  it('takes the first branch whose condition holds', () => {
    expect(step(at('desk'), P.desk, 'take', { route: 'review' }).state.value).toBe('review');
  });

  it('answers no_branch when no condition holds', () => {
    const r = applyAction(WF, at('desk'), { action: 'take', fields: { route: 'elsewhere' } }, P.desk, facts(), CTX);
    expect(refusal(r)).toEqual(['no_branch']);
  });

  it('answers unknown_action for an action the definition does not have', () => {
    expect(refusal(applyAction(WF, at('desk'), { action: 'dance' }, P.desk, facts(), CTX))).toEqual(['unknown_action']);
    expect(refusal(applyAction(WF, at('desk'), { action: 'toString' }, P.desk, facts(), CTX))).toEqual([
      'unknown_action',
    ]);
  });

  it('answers action_not_available (409) before asking who acts', () => {
    expect(refusal(applyAction(WF, at('desk'), { action: 'approve' }, P.staff, facts(), CTX))).toEqual([
      'action_not_available',
    ]);
  });

  it("answers actor_not_allowed (403) when a requester takes the desk's action", () => {
    const r = applyAction(WF, at('desk'), { action: 'take', fields: { route: 'work' } }, P.staff, facts(), CTX);
    expect(refusal(r)).toEqual(['actor_not_allowed']);
  });

  it('names every field at fault, in both languages', () => {
    const missing = applyAction(WF, at('desk'), { action: 'take', fields: {} }, P.desk, facts(), CTX);
    expect(missing.ok ? [] : missing.problems).toEqual([
      { code: 'invalid_field', field: 'route', message: { 'zh-TW': '去向：必填', en: 'Route: is required' } },
    ]);
    const long = applyAction(
      WF,
      at('desk'),
      { action: 'note', fields: { text: 'x'.repeat(21), extra: 1 } },
      P.desk,
      facts(),
      CTX,
    );
    expect(long.ok ? [] : long.problems).toEqual([
      {
        code: 'invalid_field',
        field: 'extra',
        message: { 'zh-TW': 'extra：不是此步驟的欄位', en: 'extra: is not a field of this step' },
      },
      {
        code: 'invalid_field',
        field: 'text',
        message: { 'zh-TW': '內容：不得超過 20 字', en: 'Text: must be at most 20 characters' },
      },
    ]);
  });

  it('checks the rules of the chosen transition', () => {
    const r = applyAction(WF, at('review'), { action: 'approve' }, P.it, facts(), CTX);
    expect(r.ok ? [] : r.problems).toEqual([
      expect.objectContaining({
        code: 'rule_broken',
        rule: 'signoffsComplete',
        reason: 'signoff_missing',
        field: 'signoffs.section_chief',
      }),
    ]);
    const signed = facts({ data: { signoffs: { section_chief: { by: 'chief01', at: CTX.now } } } });
    expect(applyAction(WF, at('review'), { action: 'approve' }, P.it, signed, CTX).ok).toBe(true);
  });

  it('stays put for an action without a target, appending to a list', () => {
    const first = step(at('desk'), P.desk, 'note', { text: 'one' });
    const second = step(first.state, P.desk, 'note', { text: 'two' }, facts({ data: first.data }));
    expect(second.state).toEqual(at('desk'));
    expect(second.effects).toEqual([]);
    expect(second.data.notes).toEqual([
      { text: 'one', by: 'desk01', at: CTX.now },
      { text: 'two', by: 'desk01', at: CTX.now },
    ]);
  });

  it('does not change the facts it is given', () => {
    const request = facts({ data: { notes: [] } });
    const frozen = JSON.stringify(request);
    step(at('desk'), P.desk, 'note', { text: 'one' }, request);
    expect(JSON.stringify(request)).toBe(frozen);
  });

  it('refuses a state of another definition or version', () => {
    expect(
      refusal(
        applyAction(WF, { type: 'general', version: 2, value: 'desk' }, { action: 'note' }, P.desk, facts(), CTX),
      ),
    ).toEqual(['state_mismatch']);
    expect(refusal(applyAction(WF, at('nowhere'), { action: 'note' }, P.desk, facts(), CTX))).toEqual([
      'state_mismatch',
    ]);
  });

  it('maps every problem code to an HTTP status', () => {
    for (const code of PROBLEM_CODES) expect(PROBLEM_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
    expect(PROBLEM_HTTP_STATUS).toMatchObject({
      actor_not_allowed: 403,
      action_not_available: 409,
      invalid_field: 422,
    });
  });
});

describe('stages, waiting and effects', () => {
  const inStage = at({ work: 'work_doing' });
  const assigned = facts({ stageAssigneeId: P.vendor.userId });

  it("lets only the stage's assignee add its notes", () => {
    expect(
      refusal(applyAction(WF, inStage, { action: 'add_note', fields: { note: 'x' } }, P.desk, assigned, CTX)),
    ).toEqual(['actor_not_allowed']);
    const r = step(inStage, P.vendor, 'add_note', { note: '換硬碟' }, assigned);
    expect(r.data).toEqual({ stages: { fix: { notes: [{ note: '換硬碟', by: 'vendor01', at: CTX.now }] } } });
  });

  it('pauses the clocks while waiting for the requester and resumes them after (SLA-3)', () => {
    const waiting = step(inStage, P.desk, 'pause_for_requester', {}, assigned);
    expect(waiting).toMatchObject({ status: 'waiting', stage: 'fix', effects: [{ kind: 'pauseClocks' }] });
    const back = step(waiting.state, P.staff, 'resume', {}, assigned);
    expect(back).toMatchObject({ status: 'in_progress', effects: [{ kind: 'resumeClocks' }] });
  });

  it('completes the stage on leaving it and resolves field references in effects', () => {
    const r = step(
      inStage,
      P.vendor,
      'finish',
      { grade: 'B', reportedAt: '2026-11-23T09:30:00+08:00', nextUser: 'itofficer01' },
      assigned,
    );
    expect(r.stage).toBeNull();
    expect(r.effects).toEqual([
      { kind: 'completeStage', stage: 'fix' },
      { kind: 'escalate', to: ['division_head'], grade: 'B', level: 3 },
      { kind: 'recordExternalReport', to: 'national_cert', at: '2026-11-23T09:30:00+08:00' },
      { kind: 'recordExternalReport', to: 'superior_authority', at: CTX.now },
      { kind: 'assign', role: 'it_officer', slot: 'request', userId: 'itofficer01', userField: 'fields.nextUser' },
    ]);
  });

  it("escalates by today's level when no grade is given", () => {
    const r = step(inStage, P.vendor, 'finish', { level: 4 }, assigned);
    expect(r.effects).toContainEqual({
      kind: 'escalate',
      to: ['division_head', 'director_general'],
      grade: 'A',
      level: 4,
    });
  });
});

describe('parallel states', () => {
  const both = at({ both: { left: 'left_pending', right: 'right_pending' } });

  it('offers the actions of every region, each to its own actors', () => {
    expect(availableActions(WF, both, P.it, facts()).map((a) => a.name)).toEqual(['left_ok']);
    expect(availableActions(WF, both, P.staff, facts()).map((a) => a.name)).toEqual(['right_ok']);
    expect(availableActions(WF, both, P.desk, facts()).map((a) => a.name)).toEqual(['abort']);
    expect(pendingActions(WF, both).map((a) => a.name)).toEqual(['left_ok', 'right_ok', 'abort']);
  });

  it('finishes when every region has, surviving a JSON round trip in between', () => {
    const half = step(both, P.it, 'left_ok');
    expect(half.status).toBe('in_progress');
    const stored = JSON.parse(JSON.stringify(half.state)) as WorkflowState;
    const done = step(stored, P.staff, 'right_ok');
    expect(done).toMatchObject({
      state: at('done'),
      status: 'closed',
      effects: [{ kind: 'archive' }, { kind: 'stopClock', clock: '*' }],
    });
  });

  it('leaves every region at once', () => {
    expect(step(both, P.desk, 'abort')).toMatchObject({ state: at('aborted'), status: 'cancelled' });
  });

  it('describes where the request stands', () => {
    expect(describeState(WF, both)).toEqual({
      workflow: 'general@3',
      value: both.value,
      active: [
        { id: 'both', label: L('會同') },
        { id: 'left', label: L('左') },
        { id: 'left_pending', label: L('左待') },
        { id: 'right', label: L('右') },
        { id: 'right_pending', label: L('右待') },
      ],
      status: 'in_progress',
      stage: null,
    });
  });
});

describe('available actions', () => {
  it('lists what the actor may do now, with the schema of the fields', () => {
    const actions = availableActions(WF, at('desk'), P.desk, facts());
    expect(actions.map((a) => a.name)).toEqual(['take', 'note']);
    expect(actions[0]?.fields).toMatchObject({ required: ['route'] });
    expect(availableActions(WF, at('desk'), P.staff, facts())).toEqual([]);
  });

  it('lists nothing at the end, or for a state of another version', () => {
    expect(availableActions(WF, at('done'), P.admin, facts())).toEqual([]);
    expect(availableActions(WF, { type: 'general', version: 1, value: 'desk' }, P.desk, facts())).toEqual([]);
  });
});

describe('who may act (actor specs)', () => {
  it('counts the applicant and whoever filed on the web for themselves as the requester, not a desk agent typing a phone request (INT-1)', () => {
    const web = facts({ createdBy: 'staff01', applicantUserId: null });
    expect(actorMatches('requester', P.staff, web)).toBe(true);
    const phone = facts({ channel: 'phone', createdBy: 'desk01', applicantUserId: 'staff01' });
    expect(actorMatches('requester', P.desk, phone)).toBe(false);
    expect(actorMatches('requester', P.staff, phone)).toBe(true);
  });

  it("scopes a supervisor role to the request's unit and the units above it", () => {
    const spec = { role: 'division_head', scope: 'request_unit' } as const;
    expect(actorMatches(spec, P.head, facts())).toBe(true);
    expect(actorMatches(spec, P.investmentHead, facts())).toBe(false);
    expect(actorMatches({ role: 'division_head' }, P.investmentHead, facts())).toBe(true);
    const agencyWide: ActorFacts = { userId: 'x', roles: [{ role: 'division_head', unitId: null }] };
    expect(actorMatches(spec, agencyWide, facts())).toBe(false);
  });

  it('scopes to the IT section and to the business unit when the server gives their paths', () => {
    const service = { role: 'division_head', scope: 'service_unit' } as const;
    expect(actorMatches(service, P.head, facts())).toBe(true);
    expect(actorMatches(service, P.investmentHead, facts())).toBe(false);
    expect(actorMatches({ role: 'requester', scope: 'business_unit' }, P.staff, facts())).toBe(true);
    expect(
      actorMatches({ role: 'requester', scope: 'business_unit' }, P.staff, facts({ businessUnitPath: undefined })),
    ).toBe(false);
  });

  it('matches the assignee and the stage assignee only when set', () => {
    expect(actorMatches('assignee', P.desk, facts())).toBe(false);
    expect(actorMatches('assignee', P.desk, facts({ assigneeId: 'desk01' }))).toBe(true);
    expect(actorMatches('stage_assignee', P.vendor, facts({ stageAssigneeId: 'vendor01' }))).toBe(true);
  });
});

describe('recording', () => {
  it('sets a path, creating the objects on the way, or appends with []', () => {
    expect(recordInto({}, 'a.b.c', { x: 1 })).toEqual({ a: { b: { c: { x: 1 } } } });
    expect(recordInto({ a: { keep: true } }, 'a.list[]', { x: 1 })).toEqual({ a: { keep: true, list: [{ x: 1 }] } });
    expect(recordInto({ a: 'text' }, 'a.b', { x: 1 })).toEqual({ a: { b: { x: 1 } } });
    expect(() => recordInto({}, '__proto__.polluted', { x: 1 })).toThrow(/unsafe/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
