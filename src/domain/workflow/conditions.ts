import type { Condition } from './definition.schema.js';
import type { RequestFacts } from './facts.js';

/** What conditions, rules and effects read: the action's fields, the form, the collected data, the request. */
export type EvalContext = {
  fields: Readonly<Record<string, unknown>>;
  form: Readonly<Record<string, unknown>>;
  data: Readonly<Record<string, unknown>>;
  request: RequestFacts;
};

/** The value at a path such as `fields.inContract` or `data.incident.grade`; undefined when absent. */
export function readPath(ctx: EvalContext, path: string): unknown {
  const [source, ...rest] = path.split('.');
  let node: unknown =
    source === 'fields'
      ? ctx.fields
      : source === 'form'
        ? ctx.form
        : source === 'data'
          ? ctx.data
          : source === 'request'
            ? ctx.request
            : undefined;
  for (const part of rest) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = Object.prototype.hasOwnProperty.call(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

/** Whether a condition holds. Comparisons are by value (JSON scalars); `contains` looks in arrays. */
export function holds(condition: Condition, ctx: EvalContext): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, ctx));
  if ('any' in condition) return condition.any.some((c) => holds(c, ctx));
  if ('not' in condition) return !holds(condition.not, ctx);
  const value = readPath(ctx, condition.field);
  if ('equals' in condition) return value === condition.equals;
  if ('notEquals' in condition) return value !== condition.notEquals;
  if (condition.in !== undefined) return condition.in.includes(value);
  if ('contains' in condition) return Array.isArray(value) && value.includes(condition.contains);
  if (condition.exists !== undefined) return (value !== undefined && value !== null) === condition.exists;
  return false;
}

/** Every path a condition reads, for the load-time checks. */
export function pathsOf(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(pathsOf);
  if ('any' in condition) return condition.any.flatMap(pathsOf);
  if ('not' in condition) return pathsOf(condition.not);
  return [condition.field];
}
