import type { RequestStatus } from '../../shared/request-vocabulary.js';
import type { Definition, StateDef, TransitionDef } from './definition.schema.js';

/** The states of a definition as a flat index (ids are unique across the tree), in document order. */

export type NodeKind = 'atomic' | 'compound' | 'parallel' | 'final';

export type StateNodeInfo = {
  id: string;
  def: StateDef;
  parent: string | null;
  kind: NodeKind;
  /** Inside a region of a parallel state (its status is the parallel state's). */
  inParallel: boolean;
  children: string[];
};

export type StateIndex = { nodes: ReadonlyMap<string, StateNodeInfo>; duplicates: Array<{ id: string; path: string }> };

export function kindOf(def: StateDef): NodeKind {
  if (def.type === 'final') return 'final';
  if (def.type === 'parallel') return 'parallel';
  return def.states && Object.keys(def.states).length > 0 ? 'compound' : 'atomic';
}

export function indexStates(definition: Pick<Definition, 'states'>): StateIndex {
  const nodes = new Map<string, StateNodeInfo>();
  const duplicates: StateIndex['duplicates'] = [];
  const visit = (states: Record<string, StateDef>, parent: string | null, inParallel: boolean, path: string) => {
    for (const [id, def] of Object.entries(states)) {
      const here = `${path}.${id}`;
      if (nodes.has(id)) {
        duplicates.push({ id, path: here });
        continue;
      }
      const kind = kindOf(def);
      nodes.set(id, { id, def, parent, kind, inParallel, children: Object.keys(def.states ?? {}) });
      if (def.states) visit(def.states, id, inParallel || kind === 'parallel', `${here}.states`);
    }
  };
  visit(definition.states, null, false, 'states');
  return { nodes, duplicates };
}

/** The JSON path of a state, for messages: `states.coordination.states.requester_coordination`. */
export function statePath(nodes: ReadonlyMap<string, StateNodeInfo>, id: string): string {
  const parts: string[] = [];
  for (let n = nodes.get(id); n; n = n.parent ? nodes.get(n.parent) : undefined) parts.unshift(n.id);
  return `states.${parts.join('.states.')}`;
}

export function ancestorsOf(nodes: ReadonlyMap<string, StateNodeInfo>, id: string): string[] {
  const result: string[] = [];
  for (let p = nodes.get(id)?.parent ?? null; p !== null; p = nodes.get(p)?.parent ?? null) result.push(p);
  return result;
}

/** A state's status: its own, or its nearest ancestor's. */
export function effectiveStatus(nodes: ReadonlyMap<string, StateNodeInfo>, id: string): RequestStatus | undefined {
  for (let n = nodes.get(id); n; n = n.parent ? nodes.get(n.parent) : undefined) {
    if (n.def.status) return n.def.status;
  }
  return undefined;
}

/** One transition of the definition, where it is written and what triggers it. */
export type TransitionRef = {
  source: string;
  /** The action's name, or null for `always` and `onDone`. */
  action: string | null;
  kind: 'action' | 'always' | 'done';
  index: number;
  def: TransitionDef;
  /** JSON path, for messages. */
  path: string;
};

const asList = (t: TransitionDef | TransitionDef[] | undefined): TransitionDef[] =>
  t === undefined ? [] : Array.isArray(t) ? t : [t];

export function transitionsOf(nodes: ReadonlyMap<string, StateNodeInfo>, id: string): TransitionRef[] {
  const node = nodes.get(id);
  if (!node) return [];
  const base = statePath(nodes, id);
  const result: TransitionRef[] = [];
  for (const [action, t] of Object.entries(node.def.on ?? {})) {
    const list = asList(t);
    list.forEach((def, index) =>
      result.push({
        source: id,
        action,
        kind: 'action',
        index,
        def,
        path: Array.isArray(t) ? `${base}.on.${action}[${index}]` : `${base}.on.${action}`,
      }),
    );
  }
  (node.def.always ?? []).forEach((def, index) =>
    result.push({ source: id, action: null, kind: 'always', index, def, path: `${base}.always[${index}]` }),
  );
  const done = node.def.onDone;
  asList(done).forEach((def, index) =>
    result.push({
      source: id,
      action: null,
      kind: 'done',
      index,
      def,
      path: Array.isArray(done) ? `${base}.onDone[${index}]` : `${base}.onDone`,
    }),
  );
  return result;
}

export function allTransitions(nodes: ReadonlyMap<string, StateNodeInfo>): TransitionRef[] {
  return [...nodes.keys()].flatMap((id) => transitionsOf(nodes, id));
}
