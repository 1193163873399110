import type { WorkflowPosition } from '../../shared/api/request.schema.js';
import type { FlowGraph } from '../../shared/api/workflow.schema.js';

type Active = WorkflowPosition['active'];

/**
 * The steps a request is at now: the innermost of its active states (one, or one per region of a
 * parallel state), outermost first as the server lists them. Without the flow, the last one.
 */
export function currentSteps(active: Active, graph?: FlowGraph): Active {
  if (!graph) return active.slice(-1);
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const ids = new Set(active.map((a) => a.id));
  const inner = active.filter((a) => ![...ids].some((other) => parentOf.get(other) === a.id));
  return inner.length > 0 ? inner : active.slice(-1);
}

/** The state that carries a stage (`stage` of the definition), for its label. */
export function stageNode(graph: FlowGraph, stage: string) {
  return graph.nodes.find((n) => n.stage === stage && n.parent === null) ?? graph.nodes.find((n) => n.stage === stage);
}

/**
 * How a current step reads: with the step it is part of, unless that is a parallel state (whose
 * regions are named by their own steps): 「處理案件（按 Change/Problem 機制處理）：處理中」.
 */
export function stepPath(step: Active[number], graph?: FlowGraph): Array<Active[number]['label']> {
  const node = graph?.nodes.find((n) => n.id === step.id);
  const parent = node?.parent ? graph?.nodes.find((n) => n.id === node.parent) : undefined;
  return parent && parent.kind === 'compound' ? [parent.label, step.label] : [step.label];
}

/** A current step in words, in the language: 「處理案件（按 Change/Problem 機制處理）：處理中」. */
export function stepText(step: Active[number], graph: FlowGraph | undefined, language: 'zh-TW' | 'en'): string {
  return stepPath(step, graph)
    .map((l) => l[language])
    .join(language === 'en' ? ': ' : '：');
}
