import type { JsonSchema } from '../../shared/api/workflow.schema.js';
import type { RequestType } from '../../shared/request-vocabulary.js';

/** The public application page of TYPE-7 (附件四): no account needed. */
export const VENDOR_APPLICATION_PATH = '/apply/vendor-account';

/** Where a type filed without an account is applied for (`filing.public`), or null. */
export function publicApplicationPath(type: RequestType): string | null {
  return type === 'vendor_account' ? VENDOR_APPLICATION_PATH : null;
}

type LocalText = { 'zh-TW': string; en: string };

/**
 * The schema with help added to the fields that have none: the definition's own `x-help` always
 * wins, the page's (what the printed 附件四 asks of each box: seals, signatures) fills the gaps.
 */
export function withHelp(schema: JsonSchema, help: Readonly<Record<string, LocalText>>): JsonSchema {
  const properties = schema.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return schema;
  const next: Record<string, unknown> = {};
  for (const [name, sub] of Object.entries(properties as Record<string, unknown>)) {
    const extra = help[name];
    const isSchema = typeof sub === 'object' && sub !== null && !Array.isArray(sub);
    next[name] = extra && isSchema && !('x-help' in sub) ? { ...sub, 'x-help': extra } : sub;
  }
  return { ...schema, properties: next };
}

/**
 * The schema with its properties in the given order, the others after them as they came. A form
 * read back from the database comes with its properties reordered (PostgreSQL's jsonb sorts object
 * keys), so a page that knows its printed form's order puts them back.
 */
export function withOrder(schema: JsonSchema, order: readonly string[]): JsonSchema {
  const properties = schema.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return schema;
  const entries = Object.entries(properties as Record<string, unknown>);
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i === -1 ? order.length : i;
  };
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e[0]) - rank(b.e[0]) || a.i - b.i);
  return { ...schema, properties: Object.fromEntries(sorted.map(({ e }) => e)) };
}
