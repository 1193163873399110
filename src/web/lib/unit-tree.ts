import type { Unit } from '../../shared/api/organisation.schema.js';

/** A unit with its depth in the organisation tree (ORG-1), in tree order. */
export type UnitOption = { id: string; depth: number; unit: Unit };

/** Orders a flat unit list depth-first, siblings as the API lists them, so that it reads as an indented tree. */
export function unitTree(units: readonly Unit[]): UnitOption[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    // A unit whose parent is not in the list is shown as a root rather than lost.
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(unit);
    children.set(parent, siblings);
  }
  const result: UnitOption[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      if (seen.has(unit.id)) continue; // Guards against a cycle in bad data.
      seen.add(unit.id);
      result.push({ id: unit.id, depth, unit });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}

/** The option label of a unit: indented with ideographic spaces by depth. */
export function unitOptionLabel(option: UnitOption, name: string): string {
  return `${'\u3000'.repeat(option.depth)}${name}`;
}
