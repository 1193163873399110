/** What an administrator typed or loaded as a definition: an object to post, or why it is not one. */
export type ParsedDefinition =
  | { ok: true; definition: Record<string, unknown> }
  | { ok: false; reason: 'empty' | 'notObject' }
  | { ok: false; reason: 'notJson'; detail: string };

/** Parses a definition's JSON text (a byte-order mark from a Windows editor is dropped). */
export function parseDefinitionText(text: string): ParsedDefinition {
  const source = text.replace(/^\uFEFF/, '').trim();
  if (source === '') return { ok: false, reason: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { ok: false, reason: 'notJson', detail: (error as Error).message };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'notObject' };
  return { ok: true, definition: value as Record<string, unknown> };
}
