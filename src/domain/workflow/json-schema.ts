import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { text, type Problem } from './facts.js';
import type { JsonSchemaObject, LocalizedText } from './definition.schema.js';

/**
 * The JSON Schemas of request forms and action fields (draft 2020-12, checked by ajv in strict
 * mode, so a misspelt keyword fails the load). Annotations for the generated forms:
 * `x-label` and `x-help` ({zh-TW, en}), `x-enum-labels` (a label per enum value) and `x-widget`
 * (`textarea`).
 */

const LOCALIZED = {
  type: 'object',
  required: ['zh-TW', 'en'],
  properties: { 'zh-TW': { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
  additionalProperties: false,
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A real calendar date, YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function isIpv6(s: string): boolean {
  if (!s.includes(':')) return false;
  try {
    new URL(`http://[${s}]/`);
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A fresh ajv for one definition (schemas with `$id` of two definitions never collide). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    logger: false,
  });
  ajv.addFormat('date', { type: 'string', validate: isIsoDate });
  ajv.addFormat('date-time', { type: 'string', validate: (s) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('email', EMAIL);
  ajv.addFormat('uri', { type: 'string', validate: isHttpUrl });
  ajv.addFormat('ipv4', IPV4);
  ajv.addFormat('ipv6', { type: 'string', validate: isIpv6 });
  ajv.addFormat('ip', { type: 'string', validate: (s) => IPV4.test(s) || isIpv6(s) });
  ajv.addKeyword({ keyword: 'x-label', metaSchema: LOCALIZED });
  ajv.addKeyword({ keyword: 'x-help', metaSchema: LOCALIZED });
  ajv.addKeyword({ keyword: 'x-enum-labels', metaSchema: { type: 'object', additionalProperties: LOCALIZED } });
  ajv.addKeyword({ keyword: 'x-widget', metaSchema: { enum: ['textarea'] } });
  return ajv;
}

type SchemaNode = Record<string, unknown>;
const isObject = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * House rules beyond JSON Schema, so every form can be generated and every value is bounded: an
 * object root with `additionalProperties: false`; every property labelled; every free string
 * limited by `maxLength`; every enum value labelled. Returns [path, message] pairs.
 */
export function lintFormSchema(schema: JsonSchemaObject): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  if (schema.type !== 'object') problems.push(['', 'the root must have "type": "object"']);
  if (schema.additionalProperties !== false) problems.push(['', 'the root must have "additionalProperties": false']);
  if (schema.properties !== undefined && !isObject(schema.properties))
    problems.push(['', '"properties" must be an object']);
  walkProperties(schema, '', problems);
  return problems;
}

function walkProperties(node: SchemaNode, path: string, problems: Array<[string, string]>): void {
  const properties = isObject(node.properties) ? node.properties : {};
  for (const [name, prop] of Object.entries(properties)) {
    const here = path ? `${path}.${name}` : name;
    if (!isObject(prop)) continue;
    if (!isObject(prop['x-label'])) problems.push([here, 'every property needs "x-label" {zh-TW, en}']);
    lintValue(prop, here, problems);
  }
}

function lintValue(prop: SchemaNode, here: string, problems: Array<[string, string]>): void {
  const types = Array.isArray(prop.type) ? prop.type : [prop.type];
  const bounded = 'maxLength' in prop || 'enum' in prop || 'const' in prop || 'format' in prop;
  if (types.includes('string') && !bounded) problems.push([here, 'a free string needs "maxLength"']);
  if (Array.isArray(prop.enum) && !('x-enum-labels' in prop) && !types.includes('boolean')) {
    problems.push([here, 'an enum needs "x-enum-labels"']);
  }
  if (Array.isArray(prop.enum) && isObject(prop['x-enum-labels'])) {
    const labels = prop['x-enum-labels'];
    for (const v of prop.enum) {
      if (!(String(v) in labels)) problems.push([here, `"x-enum-labels" has no label for ${JSON.stringify(v)}`]);
    }
  }
  if (types.includes('object')) walkProperties(prop, here, problems);
  if (types.includes('array') && isObject(prop.items)) lintValue(prop.items, `${here}[]`, problems);
}

/** The `x-label` of the property at a dotted path, or the path itself. */
export function labelAt(schema: JsonSchemaObject, field: string): LocalizedText {
  let node: unknown = schema;
  for (const part of field.split('.')) {
    const props = isObject(node) && isObject(node.properties) ? node.properties : undefined;
    node = props?.[part];
  }
  const label = isObject(node) ? node['x-label'] : undefined;
  return isObject(label) && typeof label['zh-TW'] === 'string' && typeof label.en === 'string'
    ? { 'zh-TW': label['zh-TW'], en: label.en }
    : { 'zh-TW': field, en: field };
}

const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '數字',
  integer: '整數',
  boolean: '是／否',
  object: '物件',
  array: '清單',
};

const FORMAT_TEXT: Record<string, LocalizedText> = {
  date: text('應為日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)'),
  'date-time': text('應為含時區的日期時間（ISO 8601）', 'must be a date and time with its offset (ISO 8601)'),
  email: text('應為電子郵件地址', 'must be an e-mail address'),
  uri: text('應為網址（http／https）', 'must be a web address (http/https)'),
  ip: text('應為 IP 位址', 'must be an IP address'),
  ipv4: text('應為 IPv4 位址', 'must be an IPv4 address'),
  ipv6: text('應為 IPv6 位址', 'must be an IPv6 address'),
};

function reason(e: ErrorObject): LocalizedText {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return text('必填', 'is required');
    case 'maxLength':
      return text(`不得超過 ${String(p.limit)} 字`, `must be at most ${String(p.limit)} characters`);
    case 'minLength':
      return p.limit === 1
        ? text('必填', 'is required')
        : text(`至少 ${String(p.limit)} 字`, `must be at least ${String(p.limit)} characters`);
    case 'type':
      return text(
        `應為${TYPE_ZH[String(p.type)] ?? String(p.type)}`,
        `must be ${String(p.type) === 'integer' ? 'an' : 'a'} ${String(p.type)}`,
      );
    case 'enum':
      return text('不是可接受的選項', 'is not one of the allowed values');
    case 'const':
      return p.allowedValue === true
        ? text('須勾選確認', 'must be confirmed')
        : text(`須為 ${JSON.stringify(p.allowedValue)}`, `must be ${JSON.stringify(p.allowedValue)}`);
    case 'format':
      return FORMAT_TEXT[String(p.format)] ?? text('格式不符', 'has the wrong format');
    case 'additionalProperties':
      return text('不是此步驟的欄位', 'is not a field of this step');
    case 'minimum':
    case 'exclusiveMinimum':
      return text(`不得小於 ${String(p.limit)}`, `must be at least ${String(p.limit)}`);
    case 'maximum':
    case 'exclusiveMaximum':
      return text(`不得大於 ${String(p.limit)}`, `must be at most ${String(p.limit)}`);
    case 'minItems':
      return text(`至少 ${String(p.limit)} 項`, `needs at least ${String(p.limit)} item(s)`);
    case 'maxItems':
      return text(`最多 ${String(p.limit)} 項`, `allows at most ${String(p.limit)} item(s)`);
    case 'pattern':
      return text('格式不符', 'has the wrong format');
    default:
      return text(`不符規定（${e.keyword}）`, e.message ?? `fails "${e.keyword}"`);
  }
}

/** The field an ajv error is about, as a dotted path (`documents.userManual`). */
function fieldOf(e: ErrorObject): string {
  const base = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  const p = e.params as Record<string, unknown>;
  const extra =
    e.keyword === 'required'
      ? String(p.missingProperty)
      : e.keyword === 'additionalProperties'
        ? String(p.additionalProperty)
        : '';
  return [base, extra].filter((s) => s.length > 0).join('.');
}

/** Turns ajv's errors into `invalid_field` problems naming the field, with its label in both languages. */
export function fieldProblems(validate: ValidateFunction, schema: JsonSchemaObject): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    // `if` only repeats the `then`/`else` error it carries.
    if (e.keyword === 'if') continue;
    const field = fieldOf(e);
    const why = reason(e);
    const label = field ? labelAt(schema, field) : text('欄位', 'Fields');
    const message = text(`${label['zh-TW']}：${why['zh-TW']}`, `${label.en}: ${why.en}`);
    const key = `${field}|${message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(field ? { code: 'invalid_field', field, message } : { code: 'invalid_field', message });
  }
  return problems;
}
