import { describe, expect, it } from 'vitest';
import type { FlowEdge, FlowGraph, FlowNode } from '../../shared/api/workflow.schema.js';
import { flowOutline, type OutlineItem } from './flow-outline.js';
import { shippedFlows } from './shipped-graphs.test-helper.js';

function node(id: string, extra: Partial<FlowNode> = {}): FlowNode {
  return {
    id,
    label: { 'zh-TW': id, en: id },
    status: 'in_progress',
    final: false,
    kind: 'atomic',
    parent: null,
    initial: false,
    stage: null,
    steps: [],
    actions: [],
    ...extra,
  };
}
const edge = (from: string, to: string, action: string | null, extra: Partial<FlowEdge> = {}): FlowEdge => ({
  from,
  to,
  action,
  kind: action === null ? 'always' : 'action',
  label: { 'zh-TW': action ?? '自動判斷', en: action ?? 'Automatic' },
  conditional: false,
  ...extra,
});

const flatten = (items: OutlineItem[]): OutlineItem[] => items.flatMap((i) => [i, ...flatten(i.children)]);

describe('flowOutline', () => {
  // Listed out of order on purpose: the outline follows the flow, not the definition's order.
  const graph: FlowGraph = {
    initial: 'filed',
    nodes: [
      node('closed', { kind: 'final', final: true, status: 'closed' }),
      node('work', { kind: 'parallel' }),
      node('it', { parent: 'work', kind: 'compound' }),
      node('it_done', { parent: 'it', kind: 'final', final: true }),
      node('it_pending', { parent: 'it', initial: true, actions: ['agree_it'] }),
      node('triage', { actions: ['accept', 'note'] }),
      node('filed', { initial: true, status: 'submitted' }),
    ],
    edges: [
      edge('filed', 'triage', null),
      edge('triage', 'work', 'accept', { conditional: true }),
      edge('triage', 'closed', 'accept'),
      edge('it_pending', 'it_done', 'agree_it'),
      edge('work', 'closed', null, { kind: 'done' }),
    ],
  };

  it('lists the steps in the order a request meets them, sub-states nested in their group', () => {
    const items = flowOutline(graph);
    expect(items.map((i) => i.node.id)).toEqual(['filed', 'triage', 'work', 'closed']);
    const work = items[2]!;
    expect(work.children.map((i) => i.node.id)).toEqual(['it']);
    expect(work.children[0]!.children.map((i) => i.node.id)).toEqual(['it_pending', 'it_done']);
  });

  it('gives each step its ways out with where they lead, and the actions that stay', () => {
    const triage = flowOutline(graph)[1]!;
    expect(triage.exits.map((e) => [e.edge.action, e.to.id, e.edge.conditional])).toEqual([
      ['accept', 'work', true],
      ['accept', 'closed', false],
    ]);
    expect(triage.stays).toEqual(['note']);
    const work = flowOutline(graph)[2]!;
    expect(work.exits.map((e) => [e.edge.kind, e.to.id])).toEqual([['done', 'closed']]);
  });

  it.each(shippedFlows().map((f) => [f.type, f.graph] as const))(
    'lists every state of the shipped %s flow once, starting with the initial one',
    (_type, graph) => {
      const items = flowOutline(graph);
      expect(items[0]!.node.id).toBe(graph.initial);
      const ids = flatten(items).map((i) => i.node.id);
      expect(ids.sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      // Every edge appears as a way out of its source.
      expect(flatten(items).reduce((n, i) => n + i.exits.length, 0)).toBe(graph.edges.length);
    },
  );
});
