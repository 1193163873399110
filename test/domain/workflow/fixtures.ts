import { expect } from 'vitest';
import type { RequestType } from '../../../src/shared/request-vocabulary.js';
import type { Role } from '../../../src/shared/roles.js';
import {
  applyAction,
  availableActions,
  initialState,
  type StepOk,
  type StepResult,
} from '../../../src/domain/workflow/engine.js';
import type { Effect } from '../../../src/domain/workflow/effects.js';
import type { ActorFacts, EngineContext, RequestFacts, WorkflowState } from '../../../src/domain/workflow/facts.js';
import { loadShippedDefinitions } from '../../../src/domain/workflow/shipped.js';
import type { Workflow } from '../../../src/domain/workflow/validate.js';

/** The shipped definitions, loaded once per test file. */
export const SHIPPED = loadShippedDefinitions('resources/workflows');

export function shipped(type: RequestType): Workflow {
  const wf = SHIPPED.find((w) => w.definition.type === type);
  if (!wf) throw new Error(`no shipped ${type}`);
  return wf;
}

// agency ─ commerce (工商組) ─ its (資訊服務科)
//        │                  └ trade (工商外貿科)
//        └ investment (投資組, no sections)
export const TRADE_PATH = ['trade', 'commerce', 'agency'];
export const ITS_PATH = ['its', 'commerce', 'agency'];
export const INVESTMENT_PATH = ['investment', 'agency'];

const person = (userId: string, ...roles: Array<[Role, string | null]>): ActorFacts => ({
  userId,
  roles: roles.map(([role, unitId]) => ({ role, unitId })),
});

/** One person per role, as in the demo agency. */
export const P = {
  staff: person('staff01', ['requester', 'trade']),
  colleague: person('staff02', ['requester', 'trade']),
  investor: person('staff03', ['requester', 'investment']),
  chief: person('chief01', ['section_chief', 'trade'], ['requester', 'trade']),
  deputy: person('deputy01', ['division_deputy', 'commerce']),
  head: person('head01', ['division_head', 'commerce']),
  investmentHead: person('head02', ['division_head', 'investment']),
  desk: person('desk01', ['desk_agent', 'its']),
  it: person('itofficer01', ['it_officer', 'its']),
  itChief: person('itchief01', ['it_chief', 'its']),
  ddg: person('ddg01', ['deputy_director_general', 'agency']),
  dg: person('dg01', ['director_general', 'agency']),
  onsite: person('onsite01', ['onsite_manager', 'its']),
  vendor: person('vendor01', ['vendor_engineer', 'its']),
  security: person('security01', ['security_officer', 'its']),
  asset: person('asset01', ['asset_keeper', 'its']),
  admin: person('admin', ['admin', 'agency']),
} satisfies Record<string, ActorFacts>;

export const NOW = '2026-11-23T02:00:00.000Z';
export const TODAY = '2026-11-23';
export const CTX: EngineContext = { now: NOW, today: TODAY };

export function requestFacts(type: RequestType, overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    id: 'req-1',
    type,
    channel: 'web',
    unitId: 'trade',
    unitPath: TRADE_PATH,
    serviceUnitPath: ITS_PATH,
    businessUnitPath: TRADE_PATH,
    unitRoles: ['section_chief', 'division_deputy', 'division_head'],
    createdBy: P.staff.userId,
    applicantUserId: P.staff.userId,
    assigneeId: null,
    stageAssigneeId: null,
    createdAt: NOW,
    applicationDate: TODAY,
    wishedDate: '2027-01-31',
    attachmentCount: 0,
    form: {},
    data: {},
    ...overrides,
  };
}

/** A request going through its workflow; each step checks it succeeded and keeps state and data. */
export class Case {
  wf: Workflow;
  state: WorkflowState;
  request: RequestFacts;
  last: StepOk;
  readonly steps: StepOk[] = [];

  private constructor(wf: Workflow, request: RequestFacts, first: StepOk) {
    this.wf = wf;
    this.request = request;
    this.state = first.state;
    this.last = first;
    this.steps.push(first);
  }

  static file(type: RequestType, overrides: Partial<RequestFacts> = {}, ctx: EngineContext = CTX): Case {
    const wf = shipped(type);
    const request = requestFacts(type, overrides);
    const result = initialState(wf, request, ctx);
    if (!result.ok) throw new Error(`filing failed: ${JSON.stringify(result.problems)}`);
    return new Case(wf, { ...request, data: result.data }, result);
  }

  attempt(actor: ActorFacts, action: string, fields: Record<string, unknown> = {}, ctx = CTX): StepResult {
    return applyAction(this.wf, this.state, { action, fields }, actor, this.request, ctx);
  }

  do(actor: ActorFacts, action: string, fields: Record<string, unknown> = {}, ctx = CTX): StepOk {
    const result = this.attempt(actor, action, fields, ctx);
    if (!result.ok) {
      throw new Error(`${action} by ${actor.userId} failed: ${JSON.stringify(result.problems, null, 1)}`);
    }
    this.state = result.state;
    this.request = { ...this.request, data: result.data };
    this.last = result;
    this.steps.push(result);
    return result;
  }

  /** The server's part: set who the request (or its stage) is assigned to. */
  assign(userId: string | null, slot: 'request' | 'stage' = 'request'): this {
    this.request =
      slot === 'request' ? { ...this.request, assigneeId: userId } : { ...this.request, stageAssigneeId: userId };
    return this;
  }

  /** Stores and restores the state through JSON, as the database would. */
  roundTrip(): this {
    this.state = JSON.parse(JSON.stringify(this.state)) as WorkflowState;
    this.request = JSON.parse(JSON.stringify(this.request)) as RequestFacts;
    return this;
  }

  can(actor: ActorFacts): string[] {
    return availableActions(this.wf, this.state, actor, this.request).map((a) => a.name);
  }

  get value() {
    return this.state.value;
  }
  get status() {
    return this.last.status;
  }
  get data(): Record<string, unknown> {
    return this.request.data as Record<string, unknown>;
  }

  /** Through the 附件一 sign-offs of the three supervisors and the desk's receipt. */
  signAndReceive(): this {
    this.do(P.chief, 'sign_section_chief', { opinion: '同意' });
    this.do(P.deputy, 'sign_division_deputy');
    this.do(P.head, 'sign_division_head');
    this.do(P.desk, 'receive');
    return this;
  }
}

export const kinds = (effects: readonly Effect[]) => effects.map((e) => e.kind);

/** The refusal's problem codes (and fields), for `toEqual`. */
export function refusal(result: StepResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map((p) => (p.field ? `${p.code}:${p.field}` : p.code));
}
