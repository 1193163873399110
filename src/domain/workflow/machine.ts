import { setup } from 'xstate';
import { holds, type EvalContext } from './conditions.js';
import type { Condition, Definition, StateDef, TransitionDef } from './definition.schema.js';
import type { InternalEffectDecl } from './effects.js';
import type { TransitionRef } from './tree.js';

/**
 * Turns a definition into an XState v5 statechart. XState decides which transition an action
 * takes (first `when` that holds, leaf before ancestor, every region of a parallel state),
 * follows `always` and `onDone`, and orders exit, transition and entry actions. Those actions are
 * data: `taken` marks which definition transition fired (so the engine can check its rules) and
 * `effect` carries an effect declaration. Guards read the step's facts from the context, which the
 * engine sets on every call (`machine.resolveState`); nothing is executed.
 */

/** Marks a transition of the definition that fired. */
export type TakenParams = Pick<TransitionRef, 'source' | 'action' | 'kind' | 'index'>;

const machineSetup = setup({
  types: {
    context: {} as EvalContext,
    input: {} as EvalContext,
    events: {} as { type: string },
  },
  guards: {
    when: ({ context }, params: { condition: Condition }) => holds(params.condition, context),
  },
  actions: {
    taken: (_, _params: TakenParams) => {},
    effect: (_, _params: InternalEffectDecl) => {},
  },
});

export type WorkflowMachine = ReturnType<typeof buildMachine>;

type ActionObject = { type: 'taken'; params: TakenParams } | { type: 'effect'; params: InternalEffectDecl };

const effect = (params: InternalEffectDecl): ActionObject => ({ type: 'effect', params });

function transitionConfig(source: string, action: string | null, kind: TransitionRef['kind']) {
  return (def: TransitionDef, index: number) => ({
    ...(def.target !== undefined ? { target: `#${def.target}` } : {}),
    ...(def.when !== undefined ? { guard: { type: 'when' as const, params: { condition: def.when } } } : {}),
    actions: [
      { type: 'taken', params: { source, action, kind, index } } satisfies ActionObject,
      ...(def.effects ?? []).map(effect),
    ],
  });
}

const asList = (t: TransitionDef | TransitionDef[] | undefined): TransitionDef[] =>
  t === undefined ? [] : Array.isArray(t) ? t : [t];

function entryActions(def: StateDef, topLevel: boolean): ActionObject[] {
  const actions: ActionObject[] = [];
  if (def.stage) actions.push(effect({ kind: 'startStage', stage: def.stage }));
  if (def.clocks?.pause) actions.push(effect({ kind: 'pauseClocks' }));
  for (const clock of def.clocks?.stop ?? []) actions.push(effect({ kind: 'stopClock', clock }));
  for (const clock of def.clocks?.start ?? []) actions.push(effect({ kind: 'startClock', clock }));
  if (def.assign) actions.push(effect({ kind: 'assign', role: def.assign, slot: def.stage ? 'stage' : 'request' }));
  // Every clock ends with the request.
  if (topLevel && def.type === 'final') actions.push(effect({ kind: 'stopClock', clock: '*' }));
  return actions;
}

function exitActions(def: StateDef): ActionObject[] {
  const actions: ActionObject[] = [];
  if (def.clocks?.pause) actions.push(effect({ kind: 'resumeClocks' }));
  if (def.stage) actions.push(effect({ kind: 'completeStage', stage: def.stage }));
  return actions;
}

function stateConfig(id: string, def: StateDef, topLevel: boolean): Record<string, unknown> {
  const on: Record<string, unknown[]> = {};
  for (const [action, t] of Object.entries(def.on ?? {})) {
    on[action] = asList(t).map(transitionConfig(id, action, 'action'));
  }
  const config: Record<string, unknown> = {
    id,
    entry: entryActions(def, topLevel),
    exit: exitActions(def),
  };
  if (def.type === 'final') config.type = 'final';
  if (def.type === 'parallel') config.type = 'parallel';
  if (def.initial !== undefined && def.type !== 'parallel') config.initial = def.initial;
  if (def.states) {
    config.states = Object.fromEntries(Object.entries(def.states).map(([k, s]) => [k, stateConfig(k, s, false)]));
  }
  if (Object.keys(on).length > 0) config.on = on;
  if (def.always) config.always = def.always.map(transitionConfig(id, null, 'always'));
  if (def.onDone) config.onDone = asList(def.onDone).map(transitionConfig(id, null, 'done'));
  return config;
}

/** The statechart of a definition whose structure validate.ts has checked. */
export function buildMachine(definition: Definition) {
  const config = {
    id: `${definition.type}@${definition.version}`,
    initial: definition.initial,
    context: ({ input }: { input: EvalContext }) => input,
    states: Object.fromEntries(Object.entries(definition.states).map(([k, s]) => [k, stateConfig(k, s, true)])),
  };
  return machineSetup.createMachine(config as unknown as Parameters<typeof machineSetup.createMachine>[0]);
}
