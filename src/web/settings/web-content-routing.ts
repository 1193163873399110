import type { WebContentRoute } from '../../shared/api/workflow.schema.js';

/**
 * 附件二 being edited (TYPE-4): the rows as the table's inputs hold them, each with a key of its own
 * so that React and the error messages follow a row when others are added or deleted. Pure.
 */

export type RouteTextField = 'menu' | 'item' | 'responsibleUnit' | 'dataProvider' | 'note';
export type RouteField = RouteTextField | 'selfService';

/** The text columns in the order of 附件二, with their lengths as the API allows them. */
export const TEXT_FIELDS: ReadonlyArray<{ field: RouteTextField; maxLength: number; required: boolean }> = [
  { field: 'menu', maxLength: 50, required: true },
  { field: 'item', maxLength: 100, required: true },
  { field: 'responsibleUnit', maxLength: 100, required: true },
  { field: 'dataProvider', maxLength: 100, required: false },
  { field: 'note', maxLength: 200, required: false },
];

export type EditableRoute = WebContentRoute & { key: string };

/** Messages by row key and field; `others` holds those that name no cell (the whole table, say). */
export type RoutingErrors = { cells: Record<string, Partial<Record<RouteField, string>>>; others: string[] };

let lastKey = 0;
/** A key no other row of the page has. */
export const newKey = (): string => `route-${++lastKey}`;

/** The rows as the API gave them, ready to edit. */
export function toEditable(rows: readonly WebContentRoute[]): EditableRoute[] {
  return rows.map((row) => ({ ...row, key: newKey() }));
}

/** A new, empty row. */
export function emptyRoute(): EditableRoute {
  return { key: newKey(), menu: '', item: '', responsibleUnit: '', dataProvider: '', note: '', selfService: false };
}

/** The rows to send: trimmed as the server would trim them, without the keys. */
export function toRoutes(rows: readonly EditableRoute[]): WebContentRoute[] {
  return rows.map((r) => ({
    menu: r.menu.trim(),
    item: r.item.trim(),
    responsibleUnit: r.responsibleUnit.trim(),
    dataProvider: r.dataProvider.trim(),
    note: r.note.trim(),
    selfService: r.selfService,
  }));
}

/** Whether the rows differ from those last saved (order counts: it is the order of 附件二). */
export function hasChanges(rows: readonly EditableRoute[], saved: readonly WebContentRoute[]): boolean {
  return JSON.stringify(toRoutes(rows)) !== JSON.stringify(saved);
}

/**
 * Rows that repeat the menu and item of an earlier row (the API takes each pair once), by key, with
 * the number (1-based) of the earlier row.
 */
export function duplicateRows(rows: readonly EditableRoute[]): Map<string, number> {
  const first = new Map<string, number>();
  const duplicates = new Map<string, number>();
  rows.forEach((row, index) => {
    const menu = row.menu.trim();
    const item = row.item.trim();
    if (menu === '' || item === '') return;
    const pair = `${menu}\u0000${item}`;
    const earlier = first.get(pair);
    if (earlier === undefined) first.set(pair, index + 1);
    else duplicates.set(row.key, earlier);
  });
  return duplicates;
}

const CELL_PATH = /^rows\.(\d+)\.(menu|item|responsibleUnit|dataProvider|note|selfService)$/;

/**
 * The server's field messages (by dotted path, `rows.3.menu`) placed on the rows that were sent, by
 * key; anything else (the table as a whole) is kept apart.
 */
export function placeServerErrors(messages: Record<string, string>, sent: readonly EditableRoute[]): RoutingErrors {
  const errors: RoutingErrors = { cells: {}, others: [] };
  for (const [path, message] of Object.entries(messages)) {
    const match = CELL_PATH.exec(path);
    const row = match ? sent[Number(match[1])] : undefined;
    if (!match || !row) {
      errors.others.push(message);
      continue;
    }
    const field = match[2] as RouteField;
    errors.cells[row.key] = { ...errors.cells[row.key], [field]: message };
  }
  return errors;
}

/** Whether a row shows under the filter: any of its texts contains it (case aside). */
export function matchesFilter(row: WebContentRoute, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return [row.menu, row.item, row.responsibleUnit, row.dataProvider, row.note].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

/** The row of 附件二 for a menu and item as a request names them (spaces around them aside). */
export function findRoute<R extends WebContentRoute>(rows: readonly R[], menu: string, item: string): R | undefined {
  return rows.find((r) => r.menu.trim() === menu.trim() && r.item.trim() === item.trim());
}
