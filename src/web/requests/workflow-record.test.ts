import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../shared/api/request.schema.js';
import { attachment1Layout, recordedSteps } from './workflow-record.js';

const CHIEF = '00000000-0000-4000-8000-000000000001';
const DESK = '00000000-0000-4000-8000-000000000002';
const label = (zh: string, en: string) => ({ 'zh-TW': zh, en });

let seq = 0;
function transition(action: string, at: string, actor: { id: string; displayName: string }, zh: string): HistoryEvent {
  seq += 1;
  return {
    id: String(seq),
    seq,
    kind: 'transition',
    at,
    actor,
    fromStatus: 'submitted',
    toStatus: 'submitted',
    data: { action, label: label(zh, action), from: 'a', to: 'b', fields: {} },
  };
}

/** What a general request holds after its sign-off, the desk's receipt, a wait and its dispatch. */
const data = {
  signoffs: { section_chief: { at: '2026-11-23T03:02:47.302Z', by: CHIEF, opinion: '同意' } },
  desk: { receipt: { at: '2026-11-23T03:02:48.386Z', by: DESK } },
  waits: [{ at: '2026-11-23T03:03:00.000Z', by: DESK, question: '請提供型號' }],
  dispatch: { at: '2026-11-23T03:02:52.675Z', by: DESK, handler: '謝宗翰', plannedCompletionDate: '2026-12-01' },
};
const history: HistoryEvent[] = [
  transition('sign_section_chief', '2026-11-23T03:02:47.302Z', { id: CHIEF, displayName: '林志明' }, '科長簽章'),
  transition('receive', '2026-11-23T03:02:48.386Z', { id: DESK, displayName: '李佳穎' }, '資訊服務台收件'),
  transition('dispatch', '2026-11-23T03:02:52.675Z', { id: DESK, displayName: '李佳穎' }, '工作分派'),
];

describe('recordedSteps', () => {
  it('finds every record, oldest first, with the action that filed it and who took it', () => {
    const steps = recordedSteps(data, history);
    expect(steps.map((s) => s.path)).toEqual(['signoffs.section_chief', 'desk.receipt', 'dispatch', 'waits[0]']);
    expect(steps[0]).toEqual({
      path: 'signoffs.section_chief',
      fields: { opinion: '同意' },
      by: CHIEF,
      at: '2026-11-23T03:02:47.302Z',
      action: { name: 'sign_section_chief', label: label('科長簽章', 'sign_section_chief') },
      byName: '林志明',
    });
    expect(steps[2]?.fields).toEqual({ handler: '謝宗翰', plannedCompletionDate: '2026-12-01' });
    // No history entry at that time: the record stands without its action, its actor still named.
    expect(steps[3]?.action).toBeNull();
    expect(steps[3]?.byName).toBe('李佳穎');
  });

  it('ignores what is not a record', () => {
    expect(recordedSteps({ flag: true, list: [1, 2], nested: { deeper: { x: 1 } } }, [])).toEqual([]);
  });
});

describe('attachment1Layout', () => {
  it('puts the records in 附件一’s blocks and leaves the others after them', () => {
    const { groups, rest } = attachment1Layout(recordedSteps(data, history));
    expect(groups.map((g) => [g.group, g.items.map((i) => i.block)])).toEqual([
      ['signoffs', ['sectionChief']],
      ['handling', ['dispatch']],
    ]);
    expect(rest.map((s) => s.path)).toEqual(['desk.receipt', 'waits[0]']);
  });
});
