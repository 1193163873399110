import { describe, expect, it } from 'vitest';
import { publicApplicationPath, withHelp, withOrder } from './public-application.js';

describe('the public application', () => {
  it('is where vendor accounts are applied for, and only they', () => {
    expect(publicApplicationPath('vendor_account')).toBe('/apply/vendor-account');
    expect(publicApplicationPath('general')).toBeNull();
  });

  it('adds the page’s help only where the definition gives none', () => {
    const schema = {
      type: 'object',
      properties: {
        companyName: { type: 'string', maxLength: 100 },
        adminEmail: { type: 'string', format: 'email', 'x-help': { 'zh-TW': '定義', en: 'definition' } },
      },
      additionalProperties: false,
    };
    const help = { 'zh-TW': '請蓋公司章', en: 'Stamp the company seal' };
    const out = withHelp(schema, { companyName: help, adminEmail: help, missing: help });
    expect(out.properties).toEqual({
      companyName: { type: 'string', maxLength: 100, 'x-help': help },
      adminEmail: { type: 'string', format: 'email', 'x-help': { 'zh-TW': '定義', en: 'definition' } },
    });
    // The original is left as it was.
    expect(schema.properties.companyName).toEqual({ type: 'string', maxLength: 100 });
  });

  it('puts the fields in the printed form’s order, the unknown ones after them', () => {
    const schema = {
      type: 'object',
      properties: { park: {}, adminName: {}, extra: {}, companyCode: {}, later: {} },
    };
    const out = withOrder(schema, ['companyCode', 'adminName', 'park']);
    expect(Object.keys(out.properties as object)).toEqual(['companyCode', 'adminName', 'park', 'extra', 'later']);
  });
});
