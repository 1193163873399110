import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { describeSchema, initialValues, visibleFields, type ObjectModel, type Values } from './schema-model.js';
import { shippedSchemas } from './shipped-schemas.test-helper.js';

/**
 * Renders every form and action field schema of the shipped definitions with the real component
 * (server-side, no browser): every field appears with its label, conditional fields included, and a
 * server error reaches its field.
 */

type Modules = {
  render: (schema: Record<string, unknown>, value: Values, extra?: Record<string, unknown>) => string;
  setLanguage: (language: 'zh-TW' | 'en') => Promise<unknown>;
};
let m: Modules;

beforeAll(async () => {
  // src/web/i18n/index.ts sets <html lang> when the language changes.
  vi.stubGlobal('document', { documentElement: {} });
  const [{ MantineProvider }, i18next, { initReactI18next }, { zhTW }, { en }, { SchemaForm }, { theme }] =
    await Promise.all([
      import('@mantine/core'),
      import('i18next').then((mod) => mod.default),
      import('react-i18next'),
      import('../i18n/zh-TW.js'),
      import('../i18n/en.js'),
      import('./schema-form.js'),
      import('../theme.js'),
    ]);
  await i18next.use(initReactI18next).init({
    resources: { 'zh-TW': { translation: zhTW }, en: { translation: en } },
    lng: 'zh-TW',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  m = {
    render: (schema, value, extra = {}) =>
      renderToStaticMarkup(
        createElement(
          MantineProvider,
          { theme },
          createElement(SchemaForm, { schema, value, onChange: () => undefined, idPrefix: 'f', ...extra }),
        ),
      ),
    setLanguage: (language) => i18next.changeLanguage(language),
  };
});

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

/** Values under which every conditional holds, so that every field is shown. */
function everythingShown(model: ObjectModel): Values {
  const values = initialValues(model);
  for (const c of model.conditionals) {
    for (const p of c.when.properties) values[p.name] = 'const' in p ? p.const : p.enum?.[0];
  }
  return values;
}

describe('SchemaForm renders every shipped schema', () => {
  it.each(shippedSchemas().map((s) => [s.where, s.schema] as const))('%s', async (_where, schema) => {
    const model = describeSchema(schema).root;
    const values = everythingShown(model);
    expect(visibleFields(model, values).map((f) => f.name)).toEqual(model.fields.map((f) => f.name));
    for (const language of ['zh-TW', 'en'] as const) {
      await m.setLanguage(language);
      const html = m.render(schema, values);
      for (const field of model.fields) {
        expect(html, `${field.path} labelled in ${language}`).toContain(escape(field.label![language]));
        if (field.kind === 'choice') {
          for (const option of field.options) expect(html).toContain(escape(option.label![language]));
        }
      }
    }
    await m.setLanguage('zh-TW');
    // Hidden until their condition holds: a field only a conditional requires is absent at the start.
    const conditional = new Set(
      model.conditionals.flatMap((c) => c.required).filter((n) => !model.required.includes(n)),
    );
    const start = m.render(schema, initialValues(model));
    for (const field of visibleFields(model, initialValues(model))) expect(start).toContain(`id="f-${field.name}"`);
    for (const name of conditional) {
      if (!visibleFields(model, initialValues(model)).some((f) => f.name === name))
        expect(start).not.toContain(`id="f-${name}"`);
    }
  });
});

describe('SchemaForm errors', () => {
  const schema = shippedSchemas().find((s) => s.where === 'vendor_account.v1.json form')!.schema;

  it('shows a server error at its field, the prefix stripped', () => {
    const html = m.render(schema, {}, { prefix: 'form', errors: { 'form.companyName': '公司名稱必填', other: 'x' } });
    const input = /<input[^>]*id="f-companyName"[^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain('aria-invalid="true"');
    expect(html).toContain('公司名稱必填');
  });

  it('shows the page’s own messages, named without the prefix, too', () => {
    const html = m.render(schema, {}, { prefix: 'form', errors: { adminEmail: '請填寫 E-Mail。' } });
    expect(/<input[^>]*id="f-adminEmail"[^>]*>/.exec(html)?.[0]).toContain('aria-invalid="true"');
  });

  it('counts characters against the limit and marks required fields', () => {
    const html = m.render(schema, { companyName: '中科公司' });
    expect(html).toContain('已輸入 4／100 字');
    expect(/<input[^>]*id="f-companyName"[^>]*>/.exec(html)?.[0]).toContain('required');
  });
});
