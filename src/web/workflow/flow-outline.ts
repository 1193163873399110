import type { FlowEdge, FlowGraph, FlowNode } from '../../shared/api/workflow.schema.js';

/**
 * The flow as an ordered outline: the text alternative of the diagram (WCAG 1.1.1). Steps come in
 * the order a request meets them (breadth first from the initial state along the edges), sub-states
 * nested under their group, and each step lists the ways out of it and where each leads.
 */

/** A way out of a step: an action, an automatic branch, or the end of a group. */
export type OutlineExit = {
  edge: FlowEdge;
  /** Where it leads. */
  to: FlowNode;
};

export type OutlineItem = {
  node: FlowNode;
  exits: OutlineExit[];
  /** Actions offered here that do not leave the step (a note, an opinion). */
  stays: string[];
  children: OutlineItem[];
};

/** Orders `ids` breadth first from `first` along the edges among them; those not reached follow in their own order. */
function breadthFirst(ids: readonly string[], first: string | undefined, next: (id: string) => string[]): string[] {
  const wanted = new Set(ids);
  const seen = new Set<string>();
  const order: string[] = [];
  const queue = first !== undefined && wanted.has(first) ? [first] : [];
  if (queue[0] !== undefined) seen.add(queue[0]);
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.push(id);
    for (const to of next(id)) {
      if (wanted.has(to) && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return [...order, ...ids.filter((id) => !seen.has(id))];
}

/** The outline of a flow graph. */
export function flowOutline(graph: FlowGraph): OutlineItem[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const children = new Map<string | null, FlowNode[]>();
  for (const node of graph.nodes) {
    const parent = node.parent !== null && byId.has(node.parent) ? node.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  /** The ancestor of `id` (or `id` itself) whose parent is `parent`. */
  const under = (id: string, parent: string | null): string | undefined => {
    for (let n = byId.get(id); n; n = n.parent !== null ? byId.get(n.parent) : undefined) {
      if ((n.parent !== null && byId.has(n.parent) ? n.parent : null) === parent) return n.id;
    }
    return undefined;
  };
  const outgoing = new Map<string, FlowEdge[]>();
  for (const edge of graph.edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to)) continue;
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  }
  /** Edges leaving `id` or anything inside it, for ordering siblings. */
  const leavingWithin = (id: string): FlowEdge[] => [
    ...(outgoing.get(id) ?? []),
    ...(children.get(id) ?? []).flatMap((c) => leavingWithin(c.id)),
  ];

  const build = (parent: string | null): OutlineItem[] => {
    const siblings = children.get(parent) ?? [];
    const first = parent === null ? under(graph.initial, null) : (siblings.find((s) => s.initial) ?? siblings[0])?.id;
    const order = breadthFirst(
      siblings.map((s) => s.id),
      first,
      (id) =>
        leavingWithin(id)
          .map((e) => under(e.to, parent))
          .filter((to): to is string => to !== undefined),
    );
    return order.map((id) => {
      const node = byId.get(id)!;
      const edges = outgoing.get(id) ?? [];
      const leaving = new Set(edges.map((e) => e.action).filter((a): a is string => a !== null));
      return {
        node,
        exits: edges.map((edge) => ({ edge, to: byId.get(edge.to)! })),
        stays: node.actions.filter((a) => !leaving.has(a)),
        children: build(id),
      };
    });
  };
  return build(null);
}
