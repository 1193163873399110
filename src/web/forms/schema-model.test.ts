import { describe, expect, it } from 'vitest';
import {
  describeSchema,
  initialValues,
  showsPath,
  toSubmission,
  validateValues,
  visibleFields,
  type ObjectModel,
  type Values,
} from './schema-model.js';
import { shippedSchemas } from './shipped-schemas.test-helper.js';

const label = (zh: string, en = zh) => ({ 'zh-TW': zh, en });

/** 附件一's contract-staff hardware proof, as general.v1.json has it. */
const hardware = {
  type: 'object',
  properties: {
    hardwareForContractStaff: { type: 'boolean', 'x-label': label('使用者為委外人員') },
    contractStaffProof: {
      type: 'string',
      enum: ['contract_provides_none', 'approved_document'],
      'x-label': label('委外人員硬體設備證明'),
      'x-enum-labels': { contract_provides_none: label('合約無提供'), approved_document: label('核准公文') },
    },
    approvedDocumentNo: { type: 'string', maxLength: 50, 'x-label': label('核准公文文號') },
    note: { type: 'string', maxLength: 5, 'x-label': label('備註') },
  },
  additionalProperties: false,
  allOf: [
    {
      if: { properties: { hardwareForContractStaff: { const: true } }, required: ['hardwareForContractStaff'] },
      then: { required: ['contractStaffProof'] },
    },
    {
      if: { properties: { contractStaffProof: { const: 'approved_document' } }, required: ['contractStaffProof'] },
      then: { required: ['approvedDocumentNo'] },
    },
  ],
};

const root = (schema: Record<string, unknown>): ObjectModel => {
  const model = describeSchema(schema);
  expect(model.unsupported).toEqual([]);
  return model.root;
};
const shown = (model: ObjectModel, values: Values) => visibleFields(model, values).map((f) => f.name);
const codes = (model: ObjectModel, values: Values) => validateValues(model, values).map((i) => `${i.path}:${i.code}`);

describe('conditional fields (if/then)', () => {
  const model = root(hardware);

  it('shows a field a conditional requires only once its condition holds', () => {
    const start = initialValues(model);
    expect(start).toEqual({ hardwareForContractStaff: false });
    expect(shown(model, start)).toEqual(['hardwareForContractStaff', 'note']);
    expect(shown(model, { hardwareForContractStaff: true })).toEqual([
      'hardwareForContractStaff',
      'contractStaffProof',
      'note',
    ]);
    expect(shown(model, { hardwareForContractStaff: true, contractStaffProof: 'approved_document' })).toEqual([
      'hardwareForContractStaff',
      'contractStaffProof',
      'approvedDocumentNo',
      'note',
    ]);
  });

  it('requires it then, and leaves it out of what is sent otherwise', () => {
    expect(codes(model, { hardwareForContractStaff: true })).toEqual(['contractStaffProof:required']);
    expect(codes(model, { hardwareForContractStaff: true, contractStaffProof: 'approved_document' })).toEqual([
      'approvedDocumentNo:required',
    ]);
    // Unticking hides the proof again: what was chosen is not sent.
    expect(
      toSubmission(model, {
        hardwareForContractStaff: false,
        contractStaffProof: 'approved_document',
        approvedDocumentNo: '府授字第 1 號',
        note: '  ',
      }),
    ).toEqual({ hardwareForContractStaff: false });
  });

  it('reads enum conditions and several properties in one condition', () => {
    const model2 = root({
      type: 'object',
      properties: {
        channel: { type: 'string', enum: ['web', 'phone', 'fax'], 'x-label': label('通報方式') },
        a: { type: 'boolean', 'x-label': label('A') },
        b: { type: 'boolean', 'x-label': label('B') },
        why: { type: 'string', maxLength: 200, 'x-label': label('原因') },
        explanation: { type: 'string', maxLength: 200, 'x-label': label('解釋') },
      },
      required: ['channel', 'a', 'b'],
      if: { properties: { channel: { enum: ['phone', 'fax'] } }, required: ['channel'] },
      then: { required: ['why'] },
      allOf: [
        {
          if: { properties: { a: { const: true }, b: { const: true } }, required: ['a', 'b'] },
          then: { required: ['explanation'] },
        },
      ],
    });
    expect(shown(model2, { channel: 'web', a: true, b: false })).toEqual(['channel', 'a', 'b']);
    expect(shown(model2, { channel: 'fax', a: true, b: true })).toEqual(['channel', 'a', 'b', 'why', 'explanation']);
  });
});

describe('validateValues', () => {
  it('counts characters as JSON Schema does, and checks the formats the definitions use', () => {
    const model = root({
      type: 'object',
      properties: {
        text: { type: 'string', maxLength: 3, minLength: 1, 'x-label': label('說明') },
        day: { type: 'string', format: 'date', 'x-label': label('日期') },
        at: { type: 'string', format: 'date-time', 'x-label': label('時間') },
        mail: { type: 'string', format: 'email', 'x-label': label('E-mail') },
        ip: { type: 'string', format: 'ip', 'x-label': label('IP') },
        url: { type: 'string', format: 'uri', 'x-label': label('網址') },
      },
      required: ['text'],
      additionalProperties: false,
    });
    // 𠮷 is one character (two UTF-16 units).
    expect(codes(model, { text: '𠮷𠮷𠮷' })).toEqual([]);
    expect(codes(model, { text: '一二三四' })).toEqual(['text:tooLong']);
    expect(codes(model, { text: '' })).toEqual(['text:required']);
    expect(
      codes(model, {
        text: 'a',
        day: '2026-02-30',
        at: '2026-05-01T10:30',
        mail: 'a@b',
        ip: '300.1.1.1',
        url: 'www.x',
      }),
    ).toEqual(['day:invalidDate', 'at:invalidDateTime', 'mail:invalidEmail', 'ip:invalidIp', 'url:invalidUrl']);
    expect(
      codes(model, {
        text: 'a',
        day: '2026-02-28',
        at: '2026-05-01T10:30:00+08:00',
        mail: 'it@example.gov.tw',
        ip: '2001:db8::1',
        url: 'https://www.ctsp.gov.tw/',
      }),
    ).toEqual([]);
    expect(codes(model, { text: 'a', ip: '192.168.0.1' })).toEqual([]);
  });

  it('checks numbers, ticks, choices and lists', () => {
    const model = root({
      type: 'object',
      properties: {
        hours: { type: 'number', exclusiveMinimum: 0, 'x-label': label('工時') },
        days: { type: 'integer', minimum: 0, 'x-label': label('天數') },
        discussed: { type: 'boolean', const: true, 'x-label': label('已討論') },
        level: {
          type: 'integer',
          enum: [1, 2, 3, 4],
          'x-label': label('等級'),
          'x-enum-labels': { 1: label('第一級'), 2: label('第二級'), 3: label('第三級'), 4: label('第四級') },
        },
        assets: { type: 'array', minItems: 1, items: { type: 'string', maxLength: 4 }, 'x-label': label('財產編號') },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, 'x-label': label('標記') },
      },
      required: ['hours', 'days', 'discussed', 'assets'],
      additionalProperties: false,
    });
    const start = initialValues(model);
    expect(start).toEqual({ discussed: false, assets: [], tags: [] });
    expect(codes(model, start)).toEqual([
      'hours:required',
      'days:required',
      'discussed:mustBeTicked',
      'assets:required',
    ]);
    expect(
      codes(model, { hours: 0, days: 1.5, discussed: true, level: 5, assets: ['12345', ''], tags: ['c'] }),
    ).toEqual(['hours:notAbove', 'days:notInteger', 'level:invalidChoice', 'assets.0:tooLong', 'tags:invalidChoice']);
    const good = { hours: 1.5, days: 2, discussed: true, level: 4, assets: [' A1 ', '', 'B2'], tags: ['b'] };
    expect(codes(model, good)).toEqual([]);
    expect(toSubmission(model, good)).toEqual({
      hours: 1.5,
      days: 2,
      discussed: true,
      level: 4,
      assets: ['A1', 'B2'],
      tags: ['b'],
    });
    // An unfinished number ("1.") from the input is not a number.
    expect(codes(model, { ...good, hours: '1.' })).toEqual(['hours:notNumber']);
  });

  it('checks a nested object by its own rules', () => {
    const model = root({
      type: 'object',
      properties: {
        contact: {
          type: 'object',
          'x-label': label('聯絡人'),
          properties: { phone: { type: 'string', maxLength: 30, 'x-label': label('電話') } },
          required: ['phone'],
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    });
    expect(initialValues(model)).toEqual({ contact: {} });
    expect(codes(model, { contact: {} })).toEqual(['contact.phone:required']);
    expect(toSubmission(model, { contact: { phone: ' 123 ' } })).toEqual({ contact: { phone: '123' } });
  });
});

describe('describeSchema', () => {
  it('names the constructs it cannot render instead of dropping them silently', () => {
    const model = describeSchema({
      type: 'object',
      properties: {
        a: { type: 'string', format: 'hostname' },
        b: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        c: { type: 'array', items: { type: 'object' } },
        d: { $ref: '#/$defs/x' },
      },
      patternProperties: { '^x': { type: 'string' } },
    });
    expect(model.unsupported).toEqual([
      '(root): patternProperties',
      'a: format hostname',
      'b: type undefined',
      'c: arrays of "object"',
      'd: type undefined',
    ]);
  });

  // The data-centre form's list of devices has its own editor (src/web/data-centre), tested there part by part.
  it.each(
    shippedSchemas()
      .filter((s) => s.where !== 'dc_equipment.v1.json form')
      .map((s) => [s.where, s.schema] as const),
  )('derives %s with every construct understood and every field labelled', (_where, schema) => {
    const model = describeSchema(schema);
    expect(model.unsupported).toEqual([]);
    const all = (m: ObjectModel): string[] =>
      m.fields.flatMap((f) => [f.label ? f.path : `${f.path} (no x-label)`, ...(f.object ? all(f.object) : [])]);
    expect(all(model.root).filter((p) => p.endsWith('(no x-label)'))).toEqual([]);
    for (const field of model.root.fields) {
      if (field.kind === 'choice' || field.kind === 'multiChoice') {
        expect(
          field.options.every((o) => o.label !== null),
          `${field.path} has a label for every value`,
        ).toBe(true);
      }
    }
    // Nothing blank is ever sent: no empty text, list or unanswered choice.
    const blanks = (value: unknown): boolean =>
      value === '' ||
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && value !== null && Object.values(value).some(blanks));
    expect(blanks(toSubmission(model.root, initialValues(model.root)))).toBe(false);
  });
});

describe('showsPath', () => {
  it('tells which server paths name a field on show, nested or in a list', () => {
    const model = root({
      type: 'object',
      properties: {
        ...hardware.properties,
        assetNumbers: { type: 'array', items: { type: 'string', maxLength: 20 }, 'x-label': label('財產編號') },
        contact: {
          type: 'object',
          properties: { phone: { type: 'string', maxLength: 30, 'x-label': label('電話') } },
          additionalProperties: false,
          'x-label': label('聯絡人'),
        },
      },
      additionalProperties: false,
      allOf: hardware.allOf,
    });
    expect(showsPath(model, {}, 'note')).toBe(true);
    expect(showsPath(model, {}, 'contact.phone')).toBe(true);
    expect(showsPath(model, {}, 'assetNumbers.1')).toBe(true);
    expect(showsPath(model, {}, 'nothing')).toBe(false);
    expect(showsPath(model, {}, 'note.deeper')).toBe(false);
    // A field only a condition asks for is there once the condition holds.
    expect(showsPath(model, {}, 'contractStaffProof')).toBe(false);
    expect(showsPath(model, { hardwareForContractStaff: true }, 'contractStaffProof')).toBe(true);
  });
});
