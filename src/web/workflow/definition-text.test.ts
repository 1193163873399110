import { describe, expect, it } from 'vitest';
import { parseDefinitionText } from './definition-text.js';

describe('parseDefinitionText', () => {
  it('takes a JSON object, with or without a byte-order mark', () => {
    expect(parseDefinitionText('{"type":"general","version":2}')).toEqual({
      ok: true,
      definition: { type: 'general', version: 2 },
    });
    expect(parseDefinitionText('\uFEFF {"version":3}\n')).toEqual({ ok: true, definition: { version: 3 } });
  });

  it('names what is wrong with anything else', () => {
    expect(parseDefinitionText('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseDefinitionText('[1, 2]')).toEqual({ ok: false, reason: 'notObject' });
    expect(parseDefinitionText('null')).toEqual({ ok: false, reason: 'notObject' });
    const broken = parseDefinitionText('{"type": ');
    expect(broken.ok).toBe(false);
    expect(broken.ok === false && broken.reason).toBe('notJson');
  });
});
