import type { ValidateFunction } from 'ajv/dist/2020.js';
import { FINAL_STATUSES } from '../../shared/request-vocabulary.js';
import { pathsOf } from './conditions.js';
import {
  DefinitionSchema,
  REQUEST_FACT_KEYS,
  type ActionDef,
  type Condition,
  type Definition,
  type JsonSchemaObject,
  type RuleRef,
} from './definition.schema.js';
import { createAjv, lintFormSchema } from './json-schema.js';
import { buildMachine, type WorkflowMachine } from './machine.js';
import { checkRuleRef } from './rules.js';
import {
  allTransitions,
  ancestorsOf,
  effectiveStatus,
  indexStates,
  statePath,
  type StateNodeInfo,
  type TransitionRef,
} from './tree.js';

/**
 * Loading a definition: the schema (definition.schema.ts), then every structural check a schema
 * cannot make, each failure naming its JSON path. A definition that loads can be interpreted
 * without surprises: every target exists, every state is reachable and can reach an end, every
 * action, role, rule, clock and JSON Schema is known and compiles.
 */

export type DefinitionIssue = { path: string; message: string };

/** A loaded definition with what the engine needs compiled; the definition is frozen. */
export type Workflow = {
  /** `type@version`, e.g. `general@1`. */
  readonly key: string;
  readonly definition: Definition;
  readonly nodes: ReadonlyMap<string, StateNodeInfo>;
  readonly machine: WorkflowMachine;
  /** Checks a request's form against the definition's form schema. */
  readonly validateForm: ValidateFunction;
  /** The check of an action's fields (the action must exist in the definition). */
  validateFields(action: string): ValidateFunction;
};

/**
 * When the JSON Schemas are compiled: `now` (the default) proves that every schema compiles, as an
 * import or a new shipped file needs; `on-first-use` is for definitions already checked that way
 * (the versions stored when they were published), so a start does not compile what it never uses.
 */
export type LoadOptions = { compileSchemas?: 'now' | 'on-first-use' };

export type LoadResult = { ok: true; workflow: Workflow } | { ok: false; issues: DefinitionIssue[] };

export const EMPTY_FIELDS: JsonSchemaObject = Object.freeze({
  type: 'object',
  properties: {},
  additionalProperties: false,
});

export const fieldsSchemaOf = (action: ActionDef): JsonSchemaObject => action.fields ?? EMPTY_FIELDS;

export const workflowKey = (type: string, version: number): string => `${type}@${version}`;

type SchemaIssue = { code: string; path: PropertyKey[]; message: string; errors?: SchemaIssue[][] };

/** Schema issues; a failed union reports the alternative that matched furthest, not "Invalid input". */
function schemaIssues(issues: readonly SchemaIssue[], prefix: PropertyKey[] = []): DefinitionIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      const depth = (branch: SchemaIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
      const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      if (best.length > 0) return schemaIssues(best, path);
    }
    return [{ path: formatZodPath(path), message: issue.message }];
  });
}

function formatZodPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Parses and checks a definition (JSON already parsed). Never throws on bad input. */
export function loadDefinition(input: unknown, options: LoadOptions = {}): LoadResult {
  const parsed = DefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: schemaIssues(parsed.error.issues as unknown as SchemaIssue[]),
    };
  }
  const definition = deepFreeze(structuredClone(parsed.data));
  const issues: DefinitionIssue[] = [];
  const { nodes, duplicates } = indexStates(definition);
  for (const d of duplicates) issues.push({ path: d.path, message: `state id "${d.id}" is used twice` });

  checkStates(definition, nodes, issues);
  const transitions = allTransitions(nodes);
  checkTransitions(definition, nodes, transitions, issues);
  checkRulesOf('filing.rules', definition.filing.rules ?? [], definition, null, issues);

  const schemas = new Map<string, { schema: JsonSchemaObject; path: string }>([
    [FORM, { schema: definition.form, path: 'form' }],
  ]);
  for (const [name, action] of Object.entries(definition.actions)) {
    schemas.set(name, { schema: fieldsSchemaOf(action), path: `actions.${name}.fields` });
  }
  for (const { schema, path } of schemas.values()) {
    for (const [where, message] of lintFormSchema(schema)) {
      issues.push({ path: where ? `${path}.properties.${where.split('.').join('.properties.')}` : path, message });
    }
  }
  const validators = schemaValidators(schemas);
  if ((options.compileSchemas ?? 'now') === 'now') {
    for (const [key, { path }] of schemas) {
      try {
        validators.get(key);
      } catch (e) {
        issues.push({ path, message: `the JSON Schema does not compile: ${(e as Error).message}` });
      }
    }
  }
  checkActions(definition, nodes, transitions, issues);
  if (issues.length === 0) checkFlow(definition, nodes, transitions, issues);
  if (issues.length > 0) return { ok: false, issues };

  let machine: WorkflowMachine;
  try {
    machine = buildMachine(definition);
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: 'states', message: `the statechart cannot be built: ${(e as Error).message}` }],
    };
  }
  return {
    ok: true,
    workflow: Object.freeze({
      key: workflowKey(definition.type, definition.version),
      definition,
      nodes,
      machine,
      get validateForm() {
        return validators.get(FORM);
      },
      validateFields(action: string) {
        if (!schemas.has(action) || action === FORM) throw new Error(`no action "${action}" in ${definition.type}`);
        return validators.get(action);
      },
    }),
  };
}

/** The key of the form's schema among the action names (not a valid action name). */
const FORM = '(form)';

/** Compiles each schema when it is first asked for, with one ajv for the definition. */
function schemaValidators(schemas: ReadonlyMap<string, { schema: JsonSchemaObject }>) {
  let ajv: ReturnType<typeof createAjv> | undefined;
  const compiled = new Map<string, ValidateFunction>();
  return {
    get(key: string): ValidateFunction {
      let validate = compiled.get(key);
      if (!validate) {
        ajv ??= createAjv();
        validate = ajv.compile(schemas.get(key)!.schema);
        compiled.set(key, validate);
      }
      return validate;
    },
  };
}

function checkStates(
  definition: Definition,
  nodes: ReadonlyMap<string, StateNodeInfo>,
  issues: DefinitionIssue[],
): void {
  const initial = nodes.get(definition.initial);
  if (!initial) issues.push({ path: 'initial', message: `the initial state "${definition.initial}" does not exist` });
  else if (initial.parent !== null)
    issues.push({ path: 'initial', message: 'the initial state must be a top-level state' });
  else if (initial.kind === 'final') issues.push({ path: 'initial', message: 'the initial state cannot be final' });

  for (const node of nodes.values()) {
    const path = statePath(nodes, node.id);
    const def = node.def;
    const push = (message: string) => issues.push({ path, message });
    const topLevel = node.parent === null;

    if (node.kind === 'final') {
      const extra = (['on', 'always', 'onDone', 'states', 'initial', 'clocks', 'assign', 'stage'] as const).filter(
        (k) => def[k] !== undefined,
      );
      if (extra.length > 0) push(`a final state has no way out and holds nothing: remove ${extra.join(', ')}`);
    }
    if (node.kind === 'compound') {
      if (def.initial === undefined) push('a state with sub-states needs "initial"');
      else if (!node.children.includes(def.initial)) {
        push(`"initial" names "${def.initial}", which is not one of its sub-states`);
      }
    }
    if (node.kind === 'atomic' && def.initial !== undefined) push('"initial" is given but the state has no sub-states');
    if (node.kind === 'parallel') {
      if (def.initial !== undefined) push('a parallel state enters all its regions: remove "initial"');
      if (node.children.length < 2) push('a parallel state needs at least two regions');
      for (const child of node.children) {
        if (nodes.get(child)?.kind !== 'compound') {
          issues.push({
            path: statePath(nodes, child),
            message: 'each region of a parallel state needs sub-states and "initial"',
          });
        }
      }
    }

    // Status: the phase queues and reports group by (REQUEST_STATUSES).
    const inRegion = node.inParallel && node.kind !== 'parallel';
    if (topLevel && def.status === undefined) push('a top-level state needs "status"');
    if (inRegion && def.status !== undefined) push('a state inside a parallel state takes its status: remove "status"');
    if (inRegion && def.clocks?.pause) push('a state inside a parallel state cannot pause clocks');
    const status = effectiveStatus(nodes, node.id);
    const endStatus = status !== undefined && FINAL_STATUSES.includes(status);
    if (topLevel && node.kind === 'final' && !endStatus) {
      push(`a top-level final state needs an ending status (${FINAL_STATUSES.join(', ')})`);
    }
    if (endStatus && !(topLevel && node.kind === 'final')) {
      push(`status "${String(status)}" ends the request: only a top-level final state may have it`);
    }
    // SLA-3: waiting for the requester or a third party pauses the clocks, and only then.
    if (def.status === 'waiting' && !def.clocks?.pause)
      push('a waiting state must pause clocks ("clocks": {"pause": true})');
    if (def.clocks?.pause && status !== 'waiting') push('only a waiting state may pause clocks');

    if (def.onDone !== undefined && node.kind !== 'compound' && node.kind !== 'parallel') {
      push('"onDone" needs sub-states that reach a final state');
    }
    if (
      node.kind === 'compound' &&
      def.onDone !== undefined &&
      !node.children.some((c) => nodes.get(c)?.kind === 'final')
    ) {
      push('"onDone" is given but no sub-state is final');
    }
    if (node.kind === 'parallel' && def.onDone !== undefined) {
      for (const region of node.children) {
        const r = nodes.get(region);
        if (r && !r.children.some((c) => nodes.get(c)?.kind === 'final')) {
          issues.push({
            path: statePath(nodes, region),
            message: 'each region needs a final sub-state for the parallel state to finish',
          });
        }
      }
    }
    if (node.kind === 'final' && !topLevel) {
      const parent = nodes.get(node.parent ?? '');
      const owner =
        parent && parent.parent !== null && nodes.get(parent.parent)?.kind === 'parallel'
          ? nodes.get(parent.parent)
          : parent;
      if (owner && owner.def.onDone === undefined) {
        push(`a nested final state leads nowhere: give "${owner.id}" an "onDone"`);
      }
    }
  }
}

/** Record paths of the definition's actions, without a trailing `[]`. */
function recordPaths(definition: Definition): string[] {
  return Object.values(definition.actions)
    .map((a) => a.record?.replace(/\[\]$/, ''))
    .filter((r): r is string => r !== undefined);
}

/** Why a path read by a condition, rule or effect is unknown, or null. */
function checkPath(path: string, definition: Definition, action: string | null): string | null {
  const [source, first, ...rest] = path.split('.');
  if (source === 'fields') {
    if (action === null) return `"${path}": only an action's transitions can read fields`;
    const schema = fieldsSchemaOf(definition.actions[action] ?? { label: { 'zh-TW': '', en: '' }, by: [] });
    const props = (schema.properties ?? {}) as Record<string, unknown>;
    return first !== undefined && first in props ? null : `"${path}": action "${action}" has no field "${first}"`;
  }
  if (source === 'form') {
    const props = (definition.form.properties ?? {}) as Record<string, unknown>;
    return first !== undefined && first in props ? null : `"${path}": the form has no field "${first}"`;
  }
  if (source === 'request') {
    return (REQUEST_FACT_KEYS as readonly string[]).includes(first ?? '') && rest.length === 0
      ? null
      : `"${path}": requests have no fact "${first}" (known: ${REQUEST_FACT_KEYS.join(', ')})`;
  }
  const dataPath = [first, ...rest].join('.');
  const known = recordPaths(definition).some(
    (r) => dataPath === r || dataPath.startsWith(`${r}.`) || r.startsWith(`${dataPath}.`),
  );
  return known ? null : `"${path}": no action records data there`;
}

function checkCondition(
  where: string,
  condition: Condition,
  definition: Definition,
  action: string | null,
  issues: DefinitionIssue[],
): void {
  for (const p of pathsOf(condition)) {
    const problem = checkPath(p, definition, action);
    if (problem) issues.push({ path: where, message: problem });
  }
}

function checkRulesOf(
  where: string,
  rules: readonly RuleRef[],
  definition: Definition,
  action: string | null,
  issues: DefinitionIssue[],
): void {
  rules.forEach((ref, i) => {
    const problem = checkRuleRef(ref);
    if (problem) issues.push({ path: `${where}[${i}]`, message: problem });
    if (ref.when) checkCondition(`${where}[${i}].when`, ref.when, definition, action, issues);
  });
}

function checkTransitions(
  definition: Definition,
  nodes: ReadonlyMap<string, StateNodeInfo>,
  transitions: TransitionRef[],
  issues: DefinitionIssue[],
): void {
  const groups = new Map<string, TransitionRef[]>();
  for (const t of transitions) {
    const key = `${t.source}|${t.kind}|${t.action ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
    if (t.kind === 'action' && t.action !== null && !(t.action in definition.actions)) {
      issues.push({ path: t.path, message: `action "${t.action}" is not declared in "actions"` });
    }
    if (t.def.target !== undefined && !nodes.has(t.def.target)) {
      issues.push({ path: `${t.path}.target`, message: `target "${t.def.target}" is not a state of this definition` });
    }
    if (t.kind !== 'action') {
      if (t.def.rules) issues.push({ path: `${t.path}.rules`, message: 'rules belong on transitions an action takes' });
      if (t.kind === 'always' && t.def.target === undefined) {
        issues.push({ path: t.path, message: 'an "always" transition needs a target' });
      }
    }
    if (t.def.when) checkCondition(`${t.path}.when`, t.def.when, definition, t.action, issues);
    checkRulesOf(`${t.path}.rules`, t.def.rules ?? [], definition, t.action, issues);
    (t.def.effects ?? []).forEach((e, i) => {
      const refs =
        e.kind === 'assign'
          ? [e.userField]
          : e.kind === 'escalate'
            ? [e.from]
            : e.kind === 'recordExternalReport'
              ? [e.atField]
              : [];
      for (const p of refs) {
        const problem = p === undefined ? null : checkPath(p, definition, t.action);
        if (problem) issues.push({ path: `${t.path}.effects[${i}]`, message: problem });
      }
    });
  }
  // First matching transition wins: one without a condition hides those after it.
  for (const list of groups.values()) {
    list.slice(0, -1).forEach((t) => {
      if (t.def.when === undefined) {
        issues.push({
          path: t.path,
          message: 'only the last of several transitions may omit "when"; the later ones could never be taken',
        });
      }
    });
    const last = list[list.length - 1];
    if (last && last.kind === 'always' && last.def.when !== undefined) {
      issues.push({
        path: last.path,
        message: 'the last "always" transition must have no "when", or the request could stay here forever',
      });
    }
  }
}

function checkActions(
  definition: Definition,
  nodes: ReadonlyMap<string, StateNodeInfo>,
  transitions: TransitionRef[],
  issues: DefinitionIssue[],
): void {
  for (const [name, action] of Object.entries(definition.actions)) {
    const uses = transitions.filter((t) => t.action === name);
    if (uses.length === 0)
      issues.push({ path: `actions.${name}`, message: 'the action is declared but no state offers it' });
    if (action.by.includes('stage_assignee')) {
      for (const t of uses) {
        const inStage = [t.source, ...ancestorsOf(nodes, t.source)].some((id) => nodes.get(id)?.def.stage);
        if (!inStage) {
          issues.push({
            path: `actions.${name}.by`,
            message: `"stage_assignee" acts only inside a stage, but "${t.source}" is in none`,
          });
        }
      }
    }
  }
}

/** Reachability: every state reachable from the initial one, and every state able to reach an end. */
function checkFlow(
  definition: Definition,
  nodes: ReadonlyMap<string, StateNodeInfo>,
  transitions: TransitionRef[],
  issues: DefinitionIssue[],
): void {
  const edges = new Map<string, Set<string>>([...nodes.keys()].map((id) => [id, new Set<string>()]));
  const add = (from: string, to: string) => edges.get(from)?.add(to);
  const own = new Map<string, TransitionRef[]>();
  for (const t of transitions) own.set(t.source, [...(own.get(t.source) ?? []), t]);
  const targetsOf = (id: string, kinds: TransitionRef['kind'][]) =>
    (own.get(id) ?? []).filter((t) => kinds.includes(t.kind) && t.def.target !== undefined).map((t) => t.def.target!);

  for (const node of nodes.values()) {
    // A state takes its own transitions and those of every state around it.
    for (const id of [node.id, ...ancestorsOf(nodes, node.id)]) {
      for (const target of targetsOf(id, ['action', 'always'])) add(node.id, target);
    }
    if (node.kind === 'compound' && node.def.initial) add(node.id, node.def.initial);
    if (node.kind === 'parallel') for (const region of node.children) add(node.id, region);
    if (node.kind === 'final' && node.parent !== null) {
      const parent = nodes.get(node.parent)!;
      const grand = parent.parent !== null ? nodes.get(parent.parent) : undefined;
      const owner = grand?.kind === 'parallel' ? grand : parent;
      for (const target of targetsOf(owner.id, ['done'])) add(node.id, target);
    }
    // Entering a state enters the states around it.
    if (node.parent !== null) add(node.id, node.parent);
  }

  const reached = new Set<string>([definition.initial]);
  const queue = [definition.initial];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const next of edges.get(id) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  const ends = new Set([...nodes.values()].filter((n) => n.kind === 'final' && n.parent === null).map((n) => n.id));
  const canEnd = new Set(ends);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, outs] of edges) {
      // Entering a parent is not a way on: only real transitions and sub-states count.
      const parent = nodes.get(id)?.parent;
      if (!canEnd.has(id) && [...outs].some((o) => o !== parent && canEnd.has(o))) {
        canEnd.add(id);
        grew = true;
      }
    }
  }

  for (const node of nodes.values()) {
    const path = statePath(nodes, node.id);
    if (!reached.has(node.id)) {
      issues.push({ path, message: `the state cannot be reached from the initial state "${definition.initial}"` });
      continue;
    }
    const wayOut = [node.id, ...ancestorsOf(nodes, node.id)].some(
      (id) => targetsOf(id, ['action', 'always']).length > 0,
    );
    if (node.kind === 'atomic' && !wayOut) issues.push({ path, message: 'a state that is not final needs a way out' });
    else if (!canEnd.has(node.id)) issues.push({ path, message: 'no path leads from this state to a final state' });
  }
}
