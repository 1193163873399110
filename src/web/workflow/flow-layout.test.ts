import { describe, expect, it } from 'vitest';
import type { FlowGraph, FlowNode } from '../../shared/api/workflow.schema.js';
import { cutAtEntry, layoutFlow, midpoint, type FlowLayout } from './flow-layout.js';
import { shippedFlows } from './shipped-graphs.test-helper.js';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

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

/** A → group(B1 → B2 final) → C final, with the group finishing into C. */
const small: FlowGraph = {
  initial: 'a',
  nodes: [
    node('a', { initial: true, actions: ['go'] }),
    node('group', { kind: 'compound' }),
    node('b1', { parent: 'group', initial: true, actions: ['next'] }),
    node('b2', { parent: 'group', kind: 'final', final: true }),
    node('c', { kind: 'final', final: true, status: 'closed' }),
  ],
  edges: [
    { from: 'a', to: 'group', action: 'go', kind: 'action', label: { 'zh-TW': '前往', en: 'Go' }, conditional: false },
    {
      from: 'b1',
      to: 'b2',
      action: 'next',
      kind: 'action',
      label: { 'zh-TW': '下一步', en: 'Next' },
      conditional: false,
    },
    { from: 'group', to: 'c', action: null, kind: 'done', label: { 'zh-TW': '完成', en: 'Done' }, conditional: false },
  ],
};

function checkLayout(graph: FlowGraph, layout: FlowLayout): void {
  const leaves = graph.nodes.filter((n) => !graph.nodes.some((m) => m.parent === n.id));
  expect(layout.states.map((s) => s.node.id).sort()).toEqual(leaves.map((n) => n.id).sort());
  expect(layout.states.length + layout.clusters.length).toBe(graph.nodes.length);
  // No two boxes overlap, and each lies inside the frames of its group and the groups around it.
  for (let i = 0; i < layout.states.length; i += 1) {
    for (let j = i + 1; j < layout.states.length; j += 1) {
      expect(
        overlap(layout.states[i]!, layout.states[j]!),
        `${layout.states[i]!.node.id} × ${layout.states[j]!.node.id}`,
      ).toBe(false);
    }
  }
  const frames = new Map(layout.clusters.map((c) => [c.node.id, c]));
  for (const item of [...layout.states, ...layout.clusters]) {
    const parent = item.node.parent;
    if (parent !== null) expect(within(item, frames.get(parent)!), `${item.node.id} inside ${parent}`).toBe(true);
  }
  // Every edge is drawn, within the drawing, with its label.
  expect(layout.edges).toHaveLength(graph.edges.length);
  const drawing = { x: 0, y: 0, width: layout.width, height: layout.height };
  for (const e of layout.edges) {
    expect(e.points.length).toBeGreaterThanOrEqual(2);
    for (const p of e.points) expect(within({ ...p, width: 0, height: 0 }, drawing)).toBe(true);
    expect(e.label.lines.join('').length).toBeGreaterThan(0);
  }
  for (const s of [...layout.states, ...layout.clusters]) expect(within(s, drawing)).toBe(true);
  expect(layout.start).not.toBeNull();
}

describe('layoutFlow', () => {
  it('draws a group as a frame around its states, and an edge into it ends at the frame', () => {
    const layout = layoutFlow(small, 'zh-TW');
    checkLayout(small, layout);
    const frame = layout.clusters.find((c) => c.node.id === 'group')!;
    const into = layout.edges.find((e) => e.edge.to === 'group')!;
    const end = into.points.at(-1)!;
    // The arrow stops on the frame's border, not at the state inside.
    expect(Math.abs(end.y - frame.y)).toBeLessThan(1);
    const out = layout.edges.find((e) => e.edge.from === 'group')!;
    const begin = out.points[0]!;
    expect(
      Math.abs(begin.y - (frame.y + frame.height)) < 1 ||
        Math.abs(begin.x - (frame.x + frame.width)) < 1 ||
        Math.abs(begin.x - frame.x) < 1,
    ).toBe(true);
    // The frame's title sits inside it, above the states.
    const b1 = layout.states.find((s) => s.node.id === 'b1')!;
    expect(frame.title.y).toBeGreaterThanOrEqual(frame.y);
    expect(frame.title.y).toBeLessThan(b1.y);
  });

  it('sizes boxes for the longest caption they may carry', () => {
    const narrow = layoutFlow(small, 'en');
    const wide = layoutFlow(small, 'en', () => 'A very long caption that needs a lot of room');
    const width = (l: FlowLayout) => l.states.find((s) => s.node.id === 'a')!.width;
    expect(width(wide)).toBeGreaterThan(width(narrow));
  });

  it.each(shippedFlows().map((f) => [f.type, f.graph] as const))(
    'lays out the shipped %s flow in both languages without overlapping boxes',
    (_type, graph) => {
      checkLayout(
        graph,
        layoutFlow(graph, 'zh-TW', () => '▶ 目前步驟・等待回覆', '同時進行：'),
      );
      checkLayout(
        graph,
        layoutFlow(graph, 'en', () => '▶ Current step · Awaiting confirmation', 'At the same time: '),
      );
    },
  );
});

describe('cutAtEntry and midpoint', () => {
  const rect = { x: 10, y: 10, width: 20, height: 20 };
  it('cuts a line where it enters a rectangle', () => {
    expect(
      cutAtEntry(
        [
          { x: 20, y: 0 },
          { x: 20, y: 20 },
        ],
        rect,
      ),
    ).toEqual([
      { x: 20, y: 0 },
      { x: 20, y: 10 },
    ]);
    expect(
      cutAtEntry(
        [
          { x: 0, y: 0 },
          { x: 5, y: 0 },
          { x: 20, y: 15 },
        ],
        rect,
      ),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 5, y: 0 },
      { x: 15, y: 10 },
    ]);
  });
  it('keeps a line that starts inside or never enters', () => {
    const inside = [
      { x: 15, y: 15 },
      { x: 50, y: 50 },
    ];
    expect(cutAtEntry(inside, rect)).toEqual(inside);
    const outside = [
      { x: 0, y: 0 },
      { x: 50, y: 0 },
    ];
    expect(cutAtEntry(outside, rect)).toEqual(outside);
  });
  it('finds the middle of a polyline by length', () => {
    expect(
      midpoint([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 30 },
      ]),
    ).toEqual({ x: 10, y: 10 });
  });
});
