import type { HistoryEvent } from '../../shared/api/request.schema.js';

/**
 * What a request's workflow steps recorded (`workflow.data`, issue 3), made readable: each record
 * with the action that filed it, who and when, and the 附件一 blocks the records fill
 * (resources/workflows/README.md, "Recording"). Pure functions, no React.
 */

export type LocalText = { 'zh-TW': string; en: string };

/** One record: the fields an action filed at `path`, with who (a user id) and when. */
export type RecordedStep = {
  /** Where in the data: `signoffs.section_chief`, `waits[1]`. */
  path: string;
  fields: Record<string, unknown>;
  by: string | null;
  at: string | null;
  /** The action that filed it, found in the history by its time and actor. */
  action: { name: string; label: LocalText | null } | null;
  /** The actor's name, from the history. */
  byName: string | null;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value filed by an action: it carries its time (`at`), and who (`by`) when a person took it. */
function isFiled(v: unknown): v is Record<string, unknown> & { at: string } {
  return isRecord(v) && typeof v.at === 'string' && (v.by === undefined || v.by === null || typeof v.by === 'string');
}

const isLocalText = (v: unknown): v is LocalText =>
  isRecord(v) && typeof v['zh-TW'] === 'string' && typeof v.en === 'string';

/** Every record of the data, oldest first, each matched with the history entry of the step that filed it. */
export function recordedSteps(data: Record<string, unknown>, history: readonly HistoryEvent[]): RecordedStep[] {
  const names = new Map<string, string>();
  for (const event of history) if (event.actor) names.set(event.actor.id, event.actor.displayName);
  const steps: RecordedStep[] = [];
  const add = (path: string, value: Record<string, unknown> & { at: string }) => {
    const { by, at, ...fields } = value;
    const actor = typeof by === 'string' ? by : null;
    const event = history.find(
      (e) =>
        e.kind === 'transition' &&
        e.at === at &&
        typeof e.data.action === 'string' &&
        (actor === null || e.actor?.id === actor),
    );
    steps.push({
      path,
      fields,
      by: actor,
      at,
      action: event
        ? { name: String(event.data.action), label: isLocalText(event.data.label) ? event.data.label : null }
        : null,
      byName: actor ? (names.get(actor) ?? null) : null,
    });
  };
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (isFiled(item)) add(`${path}[${i}]`, item);
      });
    } else if (isFiled(value)) {
      add(path, value);
    } else if (isRecord(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(data, '');
  return steps.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}

/** The blocks of 000 附件一 and the data paths that fill them, in the form's order. */
export const ATTACHMENT_1_BLOCKS = [
  {
    group: 'signoffs',
    items: [
      { path: 'signoffs.section_chief', block: 'sectionChief' },
      { path: 'signoffs.division_deputy', block: 'divisionDeputy' },
      { path: 'signoffs.division_head', block: 'divisionHead' },
      { path: 'signoffs.declined', block: 'declined' },
    ],
  },
  {
    group: 'opinions',
    items: [
      { path: 'opinions.handler', block: 'handler' },
      { path: 'opinions.it_officer', block: 'itOfficer' },
      { path: 'opinions.it_chief', block: 'itChief' },
      { path: 'opinions.division_deputy', block: 'itDivisionDeputy' },
      { path: 'opinions.division_head', block: 'itDivisionHead' },
    ],
  },
  {
    group: 'handling',
    items: [
      { path: 'dispatch', block: 'dispatch' },
      { path: 'completion', block: 'completion' },
    ],
  },
  { group: 'confirmation', items: [{ path: 'confirmation', block: 'confirmation' }] },
] as const;

export type Attachment1Group = (typeof ATTACHMENT_1_BLOCKS)[number]['group'];
export type Attachment1Block = (typeof ATTACHMENT_1_BLOCKS)[number]['items'][number]['block'];

/** The records laid out as 附件一's blocks (only those filled), and the other records after them. */
export function attachment1Layout(steps: readonly RecordedStep[]): {
  groups: Array<{ group: Attachment1Group; items: Array<{ block: Attachment1Block; step: RecordedStep }> }>;
  rest: RecordedStep[];
} {
  const used = new Set<RecordedStep>();
  const groups = ATTACHMENT_1_BLOCKS.map(({ group, items }) => ({
    group,
    items: items.flatMap(({ path, block }) => {
      const step = steps.find((s) => s.path === path);
      if (!step) return [];
      used.add(step);
      return [{ block, step }];
    }),
  })).filter((g) => g.items.length > 0);
  return { groups, rest: steps.filter((s) => !used.has(s)) };
}
