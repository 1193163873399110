import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, type RequestType } from '../../../src/shared/request-vocabulary.js';
import { toGraph } from '../../../src/domain/workflow/graph.js';
import { allTransitions } from '../../../src/domain/workflow/tree.js';
import type { Workflow } from '../../../src/domain/workflow/validate.js';
import { SHIPPED, shipped } from './fixtures.js';

/**
 * Every numbered step of 000 ch. 2 (by section) and ch. 3, as the handbook numbers them. The
 * data-centre application (issue 6) follows 001 and the rule-change notice (issue 4) 004, which do
 * not number their steps.
 */
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const STEPS: Record<Exclude<RequestType, 'dc_equipment' | 'rule_change'>, string[]> = {
  general: [...range('2.1.', 10), ...range('3.', 20)],
  app_dev: range('2.2.', 12),
  equipment: range('2.3.', 8),
  web_content: range('2.4.', 7),
  relocation: range('2.5.', 10),
  security_incident: range('2.6.', 9),
  vendor_account: range('2.7.', 6),
};

function stepsOf(wf: Workflow): Set<string> {
  const steps = new Set<string>();
  for (const n of wf.nodes.values()) for (const s of n.def.steps ?? []) steps.add(s);
  for (const a of Object.values(wf.definition.actions)) for (const s of a.steps ?? []) steps.add(s);
  return steps;
}

describe('the shipped definitions model 000 ch. 2–3', () => {
  it.each(Object.entries(STEPS))(
    '%s carries every numbered step of its section as a state or an action',
    (type, steps) => {
      const have = stepsOf(shipped(type as RequestType));
      expect(steps.filter((s) => !have.has(s))).toEqual([]);
      // and no step of another section
      expect([...have].filter((s) => !steps.includes(s))).toEqual([]);
    },
  );

  it('names the types as the handbook does', () => {
    expect(Object.fromEntries(SHIPPED.map((w) => [w.definition.type, w.definition.title['zh-TW']]))).toMatchObject({
      general: '申請資訊服務',
      app_dev: '應用系統發展及維護申請',
      equipment: '電腦設備需求申請',
      web_content: '網頁資料維護申請',
      relocation: '電腦設備移機申請',
      security_incident: '資安事件通報',
    });
  });

  it('prints each type on its form: 附件一, 附件三 (incidents), 附件四 (vendor accounts), the move-in/out form, a record', () => {
    expect(Object.fromEntries(SHIPPED.map((w) => [w.definition.type, w.definition.filing.document]))).toEqual({
      general: 'attachment_1',
      app_dev: 'attachment_1',
      equipment: 'attachment_1',
      web_content: 'attachment_1',
      relocation: 'attachment_1',
      security_incident: 'attachment_3',
      vendor_account: 'attachment_4',
      dc_equipment: 'dc_form',
      rule_change: 'record',
    });
  });

  it('keeps the 附件一 intake identical in the five types that use it', () => {
    const shared = ['signoff_section_chief', 'signoff_division_deputy', 'signoff_division_head', 'awaiting_completion'];
    const actions = [
      'sign_section_chief',
      'sign_division_deputy',
      'sign_division_head',
      'decline_signoff',
      'withdraw',
      'request_completion',
      'supply_completion',
    ];
    const intake = (wf: Workflow) => {
      const { states, actions: acts } = wf.definition;
      const strip = <T extends { steps?: unknown }>(x: T | undefined) => {
        const { steps: _s, ...rest } = x ?? ({} as T);
        return rest;
      };
      return {
        states: shared.map((id) => strip(states[id])),
        routing: states.filed?.always,
        atDesk: { ...strip(states.at_desk), clocks: undefined, on: { ...states.at_desk?.on, receive: undefined } },
        actions: actions.map((id) => strip(acts[id])),
        receive: strip(acts.receive),
      };
    };
    const types: RequestType[] = ['general', 'app_dev', 'equipment', 'web_content', 'relocation'];
    const reference = intake(shipped('general'));
    for (const type of types.slice(1)) expect(intake(shipped(type)), type).toEqual(reference);
  });

  it('maps every state onto a request status, and pauses the clocks in every waiting state', () => {
    for (const wf of SHIPPED) {
      for (const node of toGraph(wf).nodes) {
        expect(REQUEST_STATUSES, `${wf.key} ${node.id}`).toContain(node.status);
        const def = wf.nodes.get(node.id)!.def;
        if (def.status === 'waiting') expect(def.clocks?.pause, `${wf.key} ${node.id}`).toBe(true);
      }
    }
  });
});

describe('the flow as a graph', () => {
  it.each(SHIPPED.map((w) => [w.key, w] as const))('%s: nodes and edges match the definition', (_key, wf) => {
    const graph = toGraph(wf);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([...wf.nodes.keys()].sort());
    expect(graph.initial).toBe(wf.definition.initial);
    const ids = new Set(graph.nodes.map((n) => n.id));
    const targeted = allTransitions(wf.nodes).filter((t) => t.def.target !== undefined);
    expect(graph.edges).toHaveLength(targeted.length);
    for (const [i, t] of targeted.entries()) {
      expect(graph.edges[i]).toMatchObject({
        from: t.source,
        to: t.def.target,
        action: t.action,
        conditional: t.def.when !== undefined,
      });
    }
    for (const e of graph.edges) {
      expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
      expect(e.label['zh-TW'].length).toBeGreaterThan(0);
    }
    for (const n of graph.nodes.filter((x) => x.final)) {
      expect(graph.edges.filter((e) => e.from === n.id)).toEqual([]);
    }
    // Each level has exactly one initial node.
    const parents = new Set(graph.nodes.map((n) => n.parent));
    for (const p of parents) {
      const level = graph.nodes.filter((n) => n.parent === p);
      const parentKind = p === null ? 'root' : graph.nodes.find((n) => n.id === p)?.kind;
      if (parentKind !== 'parallel') expect(level.filter((n) => n.initial)).toHaveLength(1);
    }
  });

  it('draws the general flow with its INT-2/INT-3 branches and the parallel negotiation', () => {
    const graph = toGraph(shipped('general'));
    expect(graph.edges.filter((e) => e.from === 'triage')).toEqual([
      {
        from: 'triage',
        to: 'non_it_coordination',
        action: 'triage',
        kind: 'action',
        label: { 'zh-TW': '非 IT 服務', en: 'Not an IT service' },
        conditional: true,
      },
      {
        from: 'triage',
        to: 'it_approval',
        action: 'triage',
        kind: 'action',
        label: { 'zh-TW': '合約範圍內', en: 'Within the contract' },
        conditional: true,
      },
      {
        from: 'triage',
        to: 'vendor_opinion',
        action: 'triage',
        kind: 'action',
        label: { 'zh-TW': '非合約範圍內', en: 'Outside the contract' },
        conditional: false,
      },
    ]);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ from: 'negotiation', to: 'agreement_reached', action: null, kind: 'done' }),
    );
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        from: 'filed',
        to: 'signoff_section_chief',
        action: null,
        kind: 'always',
        conditional: true,
      }),
    );
    expect(graph.nodes.find((n) => n.id === 'negotiation')).toMatchObject({
      kind: 'parallel',
      status: 'waiting',
      steps: ['3.13'],
    });
    expect(graph.nodes.find((n) => n.id === 'change_problem_working')).toMatchObject({
      parent: 'change_problem',
      initial: true,
      status: 'in_progress',
      actions: ['complete_handling', 'add_change_problem_note', 'wait_for_requester', 'wait_for_third_party'],
    });
    expect(graph.nodes.find((n) => n.id === 'change_problem')).toMatchObject({
      stage: 'change_problem',
      kind: 'compound',
    });
  });
});
