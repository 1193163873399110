import { initialTransition, transition, type StateValue } from 'xstate';
import type { RequestStatus } from '../../shared/request-vocabulary.js';
import { actorAllowed } from './actors.js';
import { holds, type EvalContext } from './conditions.js';
import type { ActorSpec, JsonSchemaObject, LocalizedText } from './definition.schema.js';
import { resolveEffect, type Effect, type InternalEffectDecl } from './effects.js';
import {
  text,
  type ActorFacts,
  type EngineContext,
  type Problem,
  type RequestFacts,
  type WorkflowState,
} from './facts.js';
import { fieldProblems } from './json-schema.js';
import type { TakenParams } from './machine.js';
import { runRule } from './rules.js';
import { ancestorsOf, effectiveStatus, transitionsOf } from './tree.js';
import { fieldsSchemaOf, type Workflow } from './validate.js';

/**
 * The one engine every request type runs on (issue 3). Pure: it takes the loaded definition, the
 * stored state, the actor and the request as facts, and the moment as `ctx`; it returns the next
 * state, its status, the data to store and the effects for the server to perform, or the problems
 * that refuse the step.
 */

/** A step done: where the request is now, what it collected, what the server must do, what to record. */
export type StepOk = {
  ok: true;
  state: WorkflowState;
  status: RequestStatus;
  /** The stage the request is in (its own assignee, notes and completion), or null. */
  stage: string | null;
  data: Record<string, unknown>;
  effects: Effect[];
  event: {
    action: string;
    from: StateValue | null;
    to: StateValue;
    fields: Record<string, unknown>;
    by: string | null;
    at: string;
  };
};
export type StepResult = StepOk | { ok: false; problems: Problem[] };

export type ActionInput = { action: string; fields?: Record<string, unknown> | undefined };

/** An action someone may take now, with the schema of the fields they supply. */
export type AvailableAction = {
  name: string;
  label: LocalizedText;
  description?: LocalizedText | undefined;
  steps: string[];
  fields: JsonSchemaObject;
};

/** An action the current state offers, and who may take it (for queues: "waits for …"). */
export type PendingAction = { name: string; label: LocalizedText; by: ActorSpec[] };

const fail = (...problems: Problem[]): StepResult => ({ ok: false, problems });

/** The ids of the active states, outermost first, regions in document order. */
export function activeStateIds(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([k, v]) => [k, ...(v === undefined ? [] : activeStateIds(v))]);
}

/** The request's status: the active leaf's, or the status of the parallel state it is inside. */
export function statusOf(wf: Workflow, value: StateValue): RequestStatus {
  let v: StateValue = value;
  for (;;) {
    const [id, sub] = typeof v === 'string' ? [v, undefined] : (Object.entries(v)[0] ?? [undefined, undefined]);
    if (id === undefined) break;
    const node = wf.nodes.get(id);
    if (!node) break;
    if (sub === undefined || node.kind === 'parallel') return effectiveStatus(wf.nodes, id) ?? 'in_progress';
    v = sub;
  }
  return 'in_progress';
}

/** The innermost stage the request is in, or null. */
export function stageOf(wf: Workflow, value: StateValue): string | null {
  let stage: string | null = null;
  for (const id of activeStateIds(value)) stage = wf.nodes.get(id)?.def.stage ?? stage;
  return stage;
}

/** Where a request stands, for the API and the flow diagram: active states with labels, status, stage. */
export function describeState(wf: Workflow, state: WorkflowState) {
  return {
    workflow: wf.key,
    value: state.value,
    active: activeStateIds(state.value).map((id) => ({ id, label: wf.nodes.get(id)?.def.label ?? text(id, id) })),
    status: statusOf(wf, state.value),
    stage: stageOf(wf, state.value),
  };
}

function evalContext(
  request: RequestFacts,
  fields: Record<string, unknown>,
  data: Record<string, unknown>,
): EvalContext {
  return { fields, form: request.form, data, request };
}

/** Files `fields` (with who and when) at a `record` path: `a.b` sets, `a.b[]` appends. */
export function recordInto(
  data: Readonly<Record<string, unknown>>,
  path: string,
  entry: Record<string, unknown>,
): Record<string, unknown> {
  const result = structuredClone(data) as Record<string, unknown>;
  const append = path.endsWith('[]');
  const parts = path.replace(/\[\]$/, '').split('.');
  const last = parts.pop()!;
  if ([...parts, last].some((p) => p === '__proto__' || p === 'prototype' || p === 'constructor')) {
    throw new Error(`unsafe record path "${path}"`);
  }
  let node = result;
  for (const part of parts) {
    const next = Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
    node[part] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {};
    node = node[part] as Record<string, unknown>;
  }
  if (append) node[last] = [...(Array.isArray(node[last]) ? (node[last] as unknown[]) : []), entry];
  else node[last] = entry;
  return result;
}

function resolveSnapshot(wf: Workflow, state: WorkflowState, context: EvalContext) {
  return wf.machine.resolveState({ value: state.value, context });
}

type ExecutedAction = { type: string; params?: unknown };

function effectsOf(actions: readonly ExecutedAction[], facts: EvalContext, ctx: EngineContext): Effect[] {
  return actions
    .filter((a) => a.type === 'effect')
    .map((a) => resolveEffect(a.params as InternalEffectDecl, facts, ctx))
    .filter((e): e is Effect => e !== null);
}

function takenOf(actions: readonly ExecutedAction[]): TakenParams[] {
  return actions.filter((a) => a.type === 'taken').map((a) => a.params as TakenParams);
}

function checkStateFits(wf: Workflow, state: WorkflowState): Problem | null {
  if (state.type === wf.definition.type && state.version === wf.definition.version) return null;
  return {
    code: 'state_mismatch',
    message: text(
      `此案件依 ${state.type}@${state.version} 流程辦理，不是 ${wf.key}`,
      `The request follows ${state.type}@${state.version}, not ${wf.key}`,
    ),
  };
}

/**
 * Files a request: checks its channel, its form against the definition's schema and the filing
 * rules (lead times …), and enters the initial state (sign-off routing, clocks).
 */
export function initialState(wf: Workflow, request: RequestFacts, ctx: EngineContext): StepResult {
  const { filing, form } = wf.definition;
  if (!filing.channels.includes(request.channel)) {
    return fail({
      code: 'channel_not_accepted',
      field: 'channel',
      message: text(
        `此類申請不受理「${request.channel}」管道（可用：${filing.channels.join('、')}）`,
        `This type of request is not filed through "${request.channel}" (accepted: ${filing.channels.join(', ')})`,
      ),
    });
  }
  if (!wf.validateForm(request.form)) return fail(...fieldProblems(wf.validateForm, form));
  const facts = evalContext(request, {}, request.data as Record<string, unknown>);
  const broken = (filing.rules ?? [])
    .filter((ref) => ref.when === undefined || holds(ref.when, facts))
    .flatMap((ref) =>
      runRule(ref, facts, { ...ctx, actor: null }).map((f): Problem => ({
        code: 'rule_broken',
        rule: ref.rule,
        reason: f.code,
        field: f.field,
        message: f.message,
      })),
    );
  if (broken.length > 0) return fail(...broken);
  const [snapshot, actions] = initialTransition(wf.machine, facts);
  const value = snapshot.value as StateValue;
  return {
    ok: true,
    state: { type: wf.definition.type, version: wf.definition.version, value },
    status: statusOf(wf, value),
    stage: stageOf(wf, value),
    data: { ...request.data },
    effects: effectsOf(actions, facts, ctx),
    event: { action: 'file', from: null, to: value, fields: {}, by: request.createdBy, at: ctx.now },
  };
}

/** The actions the current states offer (innermost states first, regions in order), each once. */
function offeredActions(wf: Workflow, value: StateValue): string[] {
  const depth = (id: string) => ancestorsOf(wf.nodes, id).length;
  const names: string[] = [];
  for (const id of activeStateIds(value).sort((a, b) => depth(b) - depth(a))) {
    for (const t of transitionsOf(wf.nodes, id)) {
      if (t.action !== null && !names.includes(t.action)) names.push(t.action);
    }
  }
  return names;
}

/** Every action the request's current state offers, and who may take each. */
export function pendingActions(wf: Workflow, state: WorkflowState): PendingAction[] {
  return offeredActions(wf, state.value).map((name) => {
    const a = wf.definition.actions[name]!;
    return { name, label: a.label, by: [...a.by] };
  });
}

/** The actions this actor may take now, each with the JSON Schema of its fields. */
export function availableActions(
  wf: Workflow,
  state: WorkflowState,
  actor: ActorFacts,
  request: RequestFacts,
): AvailableAction[] {
  if (checkStateFits(wf, state)) return [];
  return offeredActions(wf, state.value)
    .filter((name) => actorAllowed(wf.definition.actions[name]!.by, actor, request))
    .map((name) => {
      const a = wf.definition.actions[name]!;
      return {
        name,
        label: a.label,
        description: a.description,
        steps: [...(a.steps ?? [])],
        fields: fieldsSchemaOf(a),
      };
    });
}

/**
 * Takes an action: is it known, offered here, allowed to this actor; are its fields valid; which
 * transition do they select (first `when` that holds); are that transition's rules kept. Refusals
 * come back as problems with distinct codes (see PROBLEM_HTTP_STATUS); `no_branch` means no
 * transition's `when` held for the fields given.
 */
export function applyAction(
  wf: Workflow,
  state: WorkflowState,
  input: ActionInput,
  actor: ActorFacts,
  request: RequestFacts,
  ctx: EngineContext,
): StepResult {
  const mismatch = checkStateFits(wf, state);
  if (mismatch) return fail(mismatch);
  const { action: name } = input;
  const fields = input.fields ?? {};
  const action = Object.prototype.hasOwnProperty.call(wf.definition.actions, name)
    ? wf.definition.actions[name]
    : undefined;
  if (!action) {
    return fail({
      code: 'unknown_action',
      message: text(`沒有「${name}」這個動作`, `There is no action "${name}"`),
    });
  }
  let snapshot;
  try {
    snapshot = resolveSnapshot(wf, state, evalContext(request, fields, request.data as Record<string, unknown>));
  } catch {
    return fail({
      code: 'state_mismatch',
      message: text('案件的流程狀態不屬於此流程定義', 'The stored state does not belong to this definition'),
    });
  }
  if (!offeredActions(wf, state.value).includes(name)) {
    return fail({
      code: 'action_not_available',
      message: text(
        `案件目前的步驟不能「${action.label['zh-TW']}」`,
        `"${action.label.en}" is not possible at the request's current step`,
      ),
    });
  }
  if (!actorAllowed(action.by, actor, request)) {
    return fail({
      code: 'actor_not_allowed',
      message: text(`您不能執行「${action.label['zh-TW']}」`, `You may not take the action "${action.label.en}"`),
    });
  }
  const validate = wf.validateFields(name);
  if (!validate(fields)) return fail(...fieldProblems(validate, fieldsSchemaOf(action)));

  const data = action.record
    ? recordInto(request.data, action.record, { ...fields, by: actor.userId, at: ctx.now })
    : { ...request.data };
  const facts = evalContext(request, fields, data);
  snapshot = resolveSnapshot(wf, state, facts);
  const [next, actions] = transition(wf.machine, snapshot, { type: name });
  const taken = takenOf(actions).filter((t) => t.kind === 'action' && t.action === name);
  if (taken.length === 0) {
    return fail({
      code: 'no_branch',
      message: text(
        `依所填內容，「${action.label['zh-TW']}」沒有可走的分支`,
        `With the fields given, "${action.label.en}" leads nowhere: no branch condition holds`,
      ),
    });
  }
  const broken: Problem[] = [];
  for (const t of taken) {
    const def = transitionsOf(wf.nodes, t.source).find(
      (r) => r.kind === 'action' && r.action === name && r.index === t.index,
    )?.def;
    for (const ref of def?.rules ?? []) {
      if (ref.when !== undefined && !holds(ref.when, facts)) continue;
      for (const f of runRule(ref, facts, { ...ctx, actor })) {
        broken.push({ code: 'rule_broken', rule: ref.rule, reason: f.code, field: f.field, message: f.message });
      }
    }
  }
  if (broken.length > 0) return fail(...broken);

  const value = next.value as StateValue;
  return {
    ok: true,
    state: { type: wf.definition.type, version: wf.definition.version, value },
    status: statusOf(wf, value),
    stage: stageOf(wf, value),
    data,
    effects: effectsOf(actions, facts, ctx),
    event: { action: name, from: state.value, to: value, fields, by: actor.userId, at: ctx.now },
  };
}
