import type { RequestStatus } from '../../shared/request-vocabulary.js';
import type { LocalizedText } from './definition.schema.js';
import { text } from './facts.js';
import { allTransitions, effectiveStatus, type NodeKind } from './tree.js';
import type { Workflow } from './validate.js';

/** The flow as nodes and edges, for `GET /api/request-types` and the web's flow diagram. */

export type GraphNode = {
  id: string;
  label: LocalizedText;
  status: RequestStatus;
  final: boolean;
  kind: NodeKind;
  /** The state this one is inside (compound or parallel), or null at the top. */
  parent: string | null;
  /** Entered first: the definition's initial state, or its parent's `initial`. */
  initial: boolean;
  stage: string | null;
  /** The numbered steps of 000 ch. 2–3 it carries out. */
  steps: string[];
  /** Actions offered here, including those that do not leave the state (notes, opinions). */
  actions: string[];
};

export type GraphEdge = {
  from: string;
  to: string;
  /** The action taking it, or null for an automatic branch (`always`) or a finished stage (`onDone`). */
  action: string | null;
  kind: 'action' | 'always' | 'done';
  label: LocalizedText;
  /** Taken only when its `when` holds. */
  conditional: boolean;
};

export type WorkflowGraph = { type: string; version: number; initial: string; nodes: GraphNode[]; edges: GraphEdge[] };

const AUTOMATIC = text('自動判斷', 'Automatic');
const DONE = text('完成', 'Done');

export function toGraph(wf: Workflow): WorkflowGraph {
  const { definition, nodes } = wf;
  const transitions = allTransitions(nodes);
  const graphNodes: GraphNode[] = [...nodes.values()].map((n) => ({
    id: n.id,
    label: n.def.label,
    status: effectiveStatus(nodes, n.id) ?? 'in_progress',
    final: n.kind === 'final',
    kind: n.kind,
    parent: n.parent,
    initial: n.parent === null ? n.id === definition.initial : nodes.get(n.parent)?.def.initial === n.id,
    stage: n.def.stage ?? null,
    steps: [...(n.def.steps ?? [])],
    actions: Object.keys(n.def.on ?? {}),
  }));
  const edges: GraphEdge[] = transitions
    .filter((t) => t.def.target !== undefined)
    .map((t) => ({
      from: t.source,
      to: t.def.target!,
      action: t.action,
      kind: t.kind,
      label:
        t.def.label ??
        (t.action !== null
          ? (definition.actions[t.action]?.label ?? text(t.action, t.action))
          : t.kind === 'done'
            ? DONE
            : AUTOMATIC),
      conditional: t.def.when !== undefined,
    }));
  return { type: definition.type, version: definition.version, initial: definition.initial, nodes: graphNodes, edges };
}
