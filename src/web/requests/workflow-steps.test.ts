import { describe, expect, it } from 'vitest';
import type { FlowGraph, FlowNode } from '../../shared/api/workflow.schema.js';
import { currentSteps, stageNode, stepPath } from './workflow-steps.js';

const label = (zh: string) => ({ 'zh-TW': zh, en: zh });
const node = (id: string, parent: string | null, extra: Partial<FlowNode> = {}): FlowNode => ({
  id,
  label: label(id),
  status: 'in_progress',
  final: false,
  kind: 'atomic',
  parent,
  initial: false,
  stage: null,
  steps: [],
  actions: [],
  ...extra,
});

/** A security incident's response: three regions at the same time, and a stage elsewhere. */
const graph: FlowGraph = {
  initial: 'recorded',
  nodes: [
    node('recorded', null),
    node('incident_response', null, { kind: 'parallel' }),
    node('reporting', 'incident_response', { kind: 'compound' }),
    node('external_report_pending', 'reporting'),
    node('handling', 'incident_response', { kind: 'compound' }),
    node('response_handling', 'handling'),
    node('change_problem', null, { kind: 'compound', stage: 'change_problem' }),
    node('change_problem_working', 'change_problem', { stage: 'change_problem' }),
  ],
  edges: [],
};
const active = (...ids: string[]) => ids.map((id) => ({ id, label: label(id) }));

describe('currentSteps', () => {
  it('is the one state of a simple flow', () => {
    expect(currentSteps(active('recorded'), graph).map((a) => a.id)).toEqual(['recorded']);
  });

  it('is the innermost state of each region of a parallel state', () => {
    const now = active('incident_response', 'handling', 'response_handling', 'reporting', 'external_report_pending');
    expect(currentSteps(now, graph).map((a) => a.id)).toEqual(['response_handling', 'external_report_pending']);
  });

  it('falls back to the last state without the flow', () => {
    expect(currentSteps(active('change_problem', 'change_problem_working')).map((a) => a.id)).toEqual([
      'change_problem_working',
    ]);
  });
});

describe('stageNode', () => {
  it('finds the state that opens a stage', () => {
    expect(stageNode(graph, 'change_problem')?.id).toBe('change_problem');
  });
});

describe('stepPath', () => {
  it('names a step with the step it is part of, and a region’s step by itself', () => {
    const ids = (labels: Array<{ en: string }>) => labels.map((l) => l.en);
    expect(ids(stepPath({ id: 'change_problem_working', label: label('change_problem_working') }, graph))).toEqual([
      'change_problem',
      'change_problem_working',
    ]);
    expect(ids(stepPath({ id: 'external_report_pending', label: label('external_report_pending') }, graph))).toEqual([
      'reporting',
      'external_report_pending',
    ]);
    expect(ids(stepPath({ id: 'recorded', label: label('recorded') }, graph))).toEqual(['recorded']);
    expect(ids(stepPath({ id: 'recorded', label: label('recorded') }))).toEqual(['recorded']);
  });
});
