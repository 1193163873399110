import dagre from '@dagrejs/dagre';
import type { FlowEdge, FlowGraph, FlowNode } from '../../shared/api/workflow.schema.js';
import type { Language } from '../i18n/index.js';
import { textWidth, wrapText } from './text-metrics.js';

/**
 * The flow diagram's geometry (issue 3): a layered layout of a FlowGraph by dagre, as plain numbers
 * that the SVG component draws. Compound and parallel states are clusters around their sub-states.
 * dagre cannot route edges to or from a cluster, so such an edge is laid out to a leaf inside it
 * (the state entered first, or the one it finishes in) and then cut where it crosses the cluster's
 * border: it is drawn as arriving at, or leaving, the group as a whole.
 */

export type Point = { x: number; y: number };

/** A state drawn as a box (atomic or final states). */
export type LaidOutState = {
  node: FlowNode;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
};

/** A compound or parallel state drawn as a labelled frame around its sub-states. */
export type LaidOutCluster = {
  node: FlowNode;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  depth: number;
  /** The title's top centre. */
  title: Point;
};

export type LaidOutEdge = {
  edge: FlowEdge;
  /** The edge's index in the graph's list, a stable key. */
  index: number;
  points: Point[];
  label: { x: number; y: number; width: number; height: number; lines: string[] };
};

export type FlowLayout = {
  width: number;
  height: number;
  states: LaidOutState[];
  clusters: LaidOutCluster[];
  edges: LaidOutEdge[];
  /** Where the start marker sits, above the initial state. */
  start: Point | null;
};

export const NODE_FONT = 13;
export const EDGE_FONT = 12;
export const CLUSTER_FONT = 13;
export const CAPTION_FONT = 12;
export const LINE_HEIGHT = 1.35;
const NODE_TEXT_WIDTH = 168;
const EDGE_TEXT_WIDTH = 120;
const NODE_PAD_X = 12;
const NODE_PAD_Y = 10;
/** Room in a box for the caption line (status, 「目前步驟」). */
const MARKER_LINE = NODE_FONT * LINE_HEIGHT;
const MARGIN = 24;

type NodeLabel = { width: number; height: number; x?: number; y?: number };
type EdgeLabel = { width: number; height: number; labelpos: 'c'; points?: Point[]; x?: number; y?: number };

/** The leaves (atomic and final states) of the graph, and each node's children. */
function structure(graph: FlowGraph) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const children = new Map<string, FlowNode[]>();
  for (const node of graph.nodes) {
    if (node.parent === null) continue;
    const list = children.get(node.parent) ?? [];
    list.push(node);
    children.set(node.parent, list);
  }
  const isCluster = (n: FlowNode) => (children.get(n.id)?.length ?? 0) > 0;
  return { byId, children, isCluster };
}

/**
 * Lays the graph out top to bottom; label texts come in the given language. `caption` gives the
 * longest caption a state's box may carry under its label (its status, 「目前步驟」), to size the box;
 * `parallelPrefix` starts the title of a parallel state (「同時進行：」).
 */
export function layoutFlow(
  graph: FlowGraph,
  language: Language,
  caption: (node: FlowNode) => string = () => '',
  parallelPrefix = '',
): FlowLayout {
  const { byId, children, isCluster } = structure(graph);

  /**
   * Every frame gets an invisible node for its title, inside it and above its sub-states; an edge
   * entering the frame is laid out to the title, so dagre keeps room for it and the arrow meets the
   * frame at its top.
   */
  const titleOf = (id: string) => `title:${id}`;
  /** The node an edge entering `id` is laid out to: its title when it is a frame. */
  const entryAnchor = (id: string): string => (children.get(id)?.length ? titleOf(id) : id);
  /** The leaf an edge leaving `id` is laid out from: a final sub-state if there is one, else the last. */
  const exitLeaf = (id: string): string => {
    const kids = children.get(id);
    if (!kids || kids.length === 0) return id;
    const last = kids.find((k) => k.kind === 'final') ?? kids[kids.length - 1]!;
    return exitLeaf(last.id);
  };

  const g = new dagre.graphlib.Graph<Record<string, unknown>, NodeLabel, EdgeLabel>({
    compound: true,
    multigraph: true,
  });
  g.setGraph({ rankdir: 'TB', nodesep: 28, edgesep: 14, ranksep: 44, marginx: MARGIN, marginy: MARGIN });

  const stateLines = new Map<string, string[]>();
  const clusterLines = new Map<string, string[]>();
  for (const node of graph.nodes) {
    const text = node.label[language];
    if (isCluster(node)) {
      const lines = wrapText(node.kind === 'parallel' ? `${parallelPrefix}${text}` : text, 260, CLUSTER_FONT);
      clusterLines.set(node.id, lines);
      g.setNode(node.id, { width: 0, height: 0 });
      g.setNode(titleOf(node.id), {
        width: Math.ceil(Math.max(...lines.map((l) => textWidth(l, CLUSTER_FONT)))),
        height: Math.ceil(lines.length * CLUSTER_FONT * LINE_HEIGHT),
      });
      g.setParent(titleOf(node.id), node.id);
      continue;
    }
    const lines = wrapText(text, NODE_TEXT_WIDTH, NODE_FONT);
    stateLines.set(node.id, lines);
    const width =
      Math.max(...lines.map((l) => textWidth(l, NODE_FONT)), textWidth(caption(node), CAPTION_FONT)) + 2 * NODE_PAD_X;
    const height = lines.length * NODE_FONT * LINE_HEIGHT + MARKER_LINE + 2 * NODE_PAD_Y;
    g.setNode(node.id, { width: Math.ceil(width), height: Math.ceil(height) });
  }
  for (const node of graph.nodes) {
    if (node.parent !== null && byId.has(node.parent)) g.setParent(node.id, node.parent);
  }
  // Titles above the sub-states: of a compound state, above the one entered first; of a parallel
  // state, above every region.
  for (const node of graph.nodes) {
    const kids = children.get(node.id);
    if (!kids || kids.length === 0) continue;
    const below = node.kind === 'parallel' ? kids : [kids.find((k) => k.initial) ?? kids[0]!];
    for (const kid of below) {
      g.setEdge(
        titleOf(node.id),
        entryAnchor(kid.id),
        { width: 0, height: 0, labelpos: 'c', weight: 4 },
        `title:${kid.id}`,
      );
    }
  }

  const edgeLines = new Map<number, string[]>();
  graph.edges.forEach((edge, index) => {
    if (!byId.has(edge.from) || !byId.has(edge.to)) return;
    const lines = wrapText(edge.label[language], EDGE_TEXT_WIDTH, EDGE_FONT);
    edgeLines.set(index, lines);
    g.setEdge(
      exitLeaf(edge.from),
      entryAnchor(edge.to),
      {
        width: Math.ceil(Math.max(...lines.map((l) => textWidth(l, EDGE_FONT))) + 8),
        height: Math.ceil(lines.length * EDGE_FONT * LINE_HEIGHT + 4),
        labelpos: 'c',
      },
      String(index),
    );
  });

  dagre.layout(g);

  const states: LaidOutState[] = [];
  const clusters: LaidOutCluster[] = [];
  const depthOf = (node: FlowNode): number => {
    let depth = 0;
    for (let p = node.parent; p !== null; p = byId.get(p)?.parent ?? null) depth += 1;
    return depth;
  };
  for (const node of graph.nodes) {
    const label = g.node(node.id);
    if (!label || label.x === undefined || label.y === undefined) continue;
    const box = {
      x: label.x - label.width / 2,
      y: label.y - label.height / 2,
      width: label.width,
      height: label.height,
    };
    if (isCluster(node)) {
      const title = g.node(titleOf(node.id));
      clusters.push({
        node,
        ...box,
        lines: clusterLines.get(node.id) ?? [],
        depth: depthOf(node),
        title: { x: title?.x ?? box.x + box.width / 2, y: (title?.y ?? box.y) - (title?.height ?? 0) / 2 },
      });
    } else states.push({ node, ...box, lines: stateLines.get(node.id) ?? [] });
  }
  clusters.sort((a, b) => a.depth - b.depth);
  const clusterById = new Map(clusters.map((c) => [c.node.id, c]));

  const edges: LaidOutEdge[] = [];
  graph.edges.forEach((edge, index) => {
    const label = g.edge(exitLeaf(edge.from), entryAnchor(edge.to), String(index));
    if (!label?.points || label.x === undefined || label.y === undefined) return;
    let points = label.points.map((p: Point) => ({ x: p.x, y: p.y }));
    const target = clusterById.get(edge.to);
    if (target) points = cutAtEntry(points, target);
    const source = clusterById.get(edge.from);
    if (source) points = cutAtEntry([...points].reverse(), source).reverse();
    // A label dagre placed on the part cut away (inside the frame) moves to the middle of what is drawn.
    const cutAway = [target, source].some((c) => c !== undefined && inside({ x: label.x, y: label.y }, c));
    const at = cutAway ? midpoint(points) : { x: label.x, y: label.y };
    edges.push({
      edge,
      index,
      points,
      label: { ...at, width: label.width, height: label.height, lines: edgeLines.get(index) ?? [] },
    });
  });

  const initial = states.find((s) => s.node.id === graph.initial) ?? null;
  let start: Point | null = initial ? { x: initial.x + initial.width / 2, y: initial.y - 18 } : null;

  // Move everything so that the drawing starts at the margin (the start marker sits above the top rank).
  const boxes = () => [
    ...states,
    ...clusters,
    ...edges.map((e) => ({
      x: e.label.x - e.label.width / 2,
      y: e.label.y - e.label.height / 2,
      width: e.label.width,
      height: e.label.height,
    })),
    ...edges.flatMap((e) => e.points.map((p) => ({ ...p, width: 0, height: 0 }))),
    ...(start ? [{ x: start.x - 8, y: start.y - 14, width: 16, height: 14 }] : []),
  ];
  const dx = MARGIN - Math.min(...boxes().map((b) => b.x));
  const dy = MARGIN - Math.min(...boxes().map((b) => b.y));
  const shift = (p: Point) => ({ x: p.x + dx, y: p.y + dy });
  for (const s of [...states, ...clusters]) {
    s.x += dx;
    s.y += dy;
  }
  for (const c of clusters) c.title = shift(c.title);
  for (const e of edges) {
    e.points = e.points.map(shift);
    e.label.x += dx;
    e.label.y += dy;
  }
  start = start ? shift(start) : null;
  const maxX = Math.max(...boxes().map((b) => b.x + b.width));
  const maxY = Math.max(...boxes().map((b) => b.y + b.height));
  return {
    width: Math.ceil(maxX + MARGIN),
    height: Math.ceil(maxY + MARGIN),
    states,
    clusters,
    edges,
    start,
  };
}

type Rect = { x: number; y: number; width: number; height: number };

const inside = (p: Point, r: Rect) => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;

/**
 * Cuts a polyline where it first enters the rectangle, keeping the part before; a line that starts
 * inside (an edge from within the group to the group itself) is kept whole.
 */
export function cutAtEntry(points: Point[], rect: Rect): Point[] {
  if (points.length < 2 || inside(points[0]!, rect)) return points;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (!inside(b, rect)) continue;
    return [...points.slice(0, i), borderCrossing(a, b, rect)];
  }
  return points;
}

/** Where the segment from a (outside) to b (inside) crosses the rectangle's border. */
function borderCrossing(a: Point, b: Point, r: Rect): Point {
  let best = 1;
  const candidates: Array<[number, number, number]> = [
    [a.x, b.x, r.x],
    [a.x, b.x, r.x + r.width],
    [a.y, b.y, r.y],
    [a.y, b.y, r.y + r.height],
  ];
  for (const [from, to, edge] of candidates) {
    if (from === to) continue;
    const t = (edge - from) / (to - from);
    if (t < 0 || t > 1) continue;
    const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    const onBorder = p.x >= r.x - 0.5 && p.x <= r.x + r.width + 0.5 && p.y >= r.y - 0.5 && p.y <= r.y + r.height + 0.5;
    if (onBorder && t < best) best = t;
  }
  return { x: a.x + (b.x - a.x) * best, y: a.y + (b.y - a.y) * best };
}

/** The point halfway along a polyline. */
export function midpoint(points: Point[]): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  let remaining = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i += 1) {
    const length = lengths[i]!;
    if (remaining <= length && length > 0) {
      const a = points[i]!;
      const b = points[i + 1]!;
      const t = remaining / length;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    remaining -= length;
  }
  return points[0] ?? { x: 0, y: 0 };
}
