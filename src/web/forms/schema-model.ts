/**
 * What the schema form renders, derived from a JSON Schema (draft 2020-12) with GovDesk's
 * annotations (`x-label`, `x-help`, `x-enum-labels`, `x-widget`; resources/workflows/README.md
 * "Forms and fields"): the fields, which are required and shown for the values typed so far (the
 * `if`/`then` conditionals), the problems the browser can find before sending, and the object to
 * send. Pure functions, no React: the request page and the action dialogs share them.
 */

export type LocalText = { 'zh-TW': string; en: string };
export type Values = Record<string, unknown>;

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'email'
  | 'url'
  | 'ip'
  | 'date'
  | 'dateTime'
  | 'number'
  | 'boolean'
  | 'choice'
  | 'multiChoice'
  | 'textList'
  | 'object';

export type ChoiceOption = { value: string | number; label: LocalText | null };

/** One property of an object schema, ready to render. */
export type FieldModel = {
  name: string;
  /** Dotted path from the form's root: `companyName`, `contact.phone`. */
  path: string;
  kind: FieldKind;
  label: LocalText | null;
  help: LocalText | null;
  /** `x-widget`: `radio` or `select` for choices and yes/no questions, `textarea` for text. */
  widget: string | null;
  options: ChoiceOption[];
  maxLength: number | null;
  minLength: number | null;
  pattern: string | null;
  minimum: number | null;
  maximum: number | null;
  exclusiveMinimum: number | null;
  exclusiveMaximum: number | null;
  integer: boolean;
  /** `const: true` on a boolean: a box that must be ticked (a declaration). */
  mustBeTrue: boolean;
  minItems: number | null;
  maxItems: number | null;
  /** For a list of texts: the rules of each item. */
  item: FieldModel | null;
  /** For a nested object: its own fields and rules. */
  object: ObjectModel | null;
  defaultValue: unknown;
};

/** A test on the values of the object: `if` of an `if`/`then`. */
export type Predicate = {
  properties: Array<{ name: string; const?: unknown; enum?: unknown[] }>;
  required: string[];
};

export type Conditional = { when: Predicate; required: string[] };

export type ObjectModel = {
  path: string;
  fields: FieldModel[];
  required: string[];
  conditionals: Conditional[];
};

export type SchemaModel = {
  root: ObjectModel;
  /** Constructs the form does not understand, by path and keyword; empty for every shipped schema. */
  unsupported: string[];
};

const ANNOTATIONS = ['title', 'description', '$comment', 'examples', 'default', 'x-label', 'x-help', 'x-widget'];
const OBJECT_KEYWORDS = [
  ...ANNOTATIONS,
  'type',
  'properties',
  'required',
  'additionalProperties',
  'allOf',
  'if',
  'then',
  '$schema',
  '$id',
];
const STRING_KEYWORDS = [
  ...ANNOTATIONS,
  'type',
  'maxLength',
  'minLength',
  'format',
  'pattern',
  'enum',
  'x-enum-labels',
  'const',
];
const NUMBER_KEYWORDS = [
  ...ANNOTATIONS,
  'type',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'x-enum-labels',
  'const',
  'multipleOf',
];
const BOOLEAN_KEYWORDS = [...ANNOTATIONS, 'type', 'const'];
const ARRAY_KEYWORDS = [...ANNOTATIONS, 'type', 'items', 'minItems', 'maxItems', 'uniqueItems'];
const FORMATS: Record<string, FieldKind> = {
  date: 'date',
  'date-time': 'dateTime',
  email: 'email',
  uri: 'url',
  ip: 'ip',
  ipv4: 'ip',
  ipv6: 'ip',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function localText(v: unknown): LocalText | null {
  if (!isRecord(v)) return null;
  const zh = str(v['zh-TW']);
  const en = str(v.en);
  if (zh === null && en === null) return null;
  return { 'zh-TW': zh ?? en ?? '', en: en ?? zh ?? '' };
}

const join = (base: string, name: string) => (base === '' ? name : `${base}.${name}`);

/** Derives the form from a JSON Schema object; constructs it cannot render are listed, not thrown. */
export function describeSchema(schema: Record<string, unknown>): SchemaModel {
  const unsupported: string[] = [];
  const root = describeObject(schema, '', unsupported);
  return { root, unsupported };
}

function unknownKeywords(schema: Record<string, unknown>, allowed: string[], path: string, out: string[]): void {
  for (const key of Object.keys(schema)) {
    if (!allowed.includes(key)) out.push(`${path || '(root)'}: ${key}`);
  }
}

function describeObject(schema: Record<string, unknown>, path: string, unsupported: string[]): ObjectModel {
  if (schema.type !== 'object')
    unsupported.push(`${path || '(root)'}: type ${JSON.stringify(schema.type)} (an object is expected)`);
  unknownKeywords(schema, OBJECT_KEYWORDS, path, unsupported);
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const fields: FieldModel[] = [];
  for (const [name, sub] of Object.entries(properties)) {
    if (!isRecord(sub)) {
      unsupported.push(`${join(path, name)}: not a schema object`);
      continue;
    }
    const field = describeField(name, join(path, name), sub, unsupported);
    if (field) fields.push(field);
  }
  const required = Array.isArray(schema.required)
    ? schema.required.filter((r): r is string => typeof r === 'string')
    : [];
  const conditionals: Conditional[] = [];
  const addConditional = (part: Record<string, unknown>, where: string) => {
    const conditional = describeConditional(part, where, unsupported);
    if (conditional) conditionals.push(conditional);
  };
  if ('if' in schema || 'then' in schema) addConditional(schema, path || '(root)');
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((part, i) => {
      const where = `${path || '(root)'}.allOf[${i}]`;
      if (!isRecord(part)) unsupported.push(`${where}: not a schema object`);
      else {
        unknownKeywords(part, ['if', 'then'], where, unsupported);
        addConditional(part, where);
      }
    });
  }
  for (const c of conditionals) {
    for (const name of [...c.required, ...c.when.required, ...c.when.properties.map((p) => p.name)]) {
      if (!(name in properties))
        unsupported.push(`${path || '(root)'}: a condition names "${name}", which is not a property`);
    }
  }
  return { path, fields, required, conditionals };
}

/** `if: {properties: {x: {const | enum}}, required: [x]}, then: {required: [...]}`, the form the definitions use. */
function describeConditional(part: Record<string, unknown>, where: string, unsupported: string[]): Conditional | null {
  const test = part.if;
  const then = part.then;
  if (!isRecord(test) || !isRecord(then)) {
    unsupported.push(`${where}: if/then must both be schema objects`);
    return null;
  }
  unknownKeywords(test, ['properties', 'required'], `${where}.if`, unsupported);
  unknownKeywords(then, ['required'], `${where}.then`, unsupported);
  const properties: Predicate['properties'] = [];
  for (const [name, sub] of Object.entries(isRecord(test.properties) ? test.properties : {})) {
    if (!isRecord(sub)) {
      unsupported.push(`${where}.if.properties.${name}: not a schema object`);
      continue;
    }
    unknownKeywords(sub, ['const', 'enum'], `${where}.if.properties.${name}`, unsupported);
    properties.push({
      name,
      ...('const' in sub ? { const: sub.const } : {}),
      ...(Array.isArray(sub.enum) ? { enum: sub.enum } : {}),
    });
  }
  const names = (v: unknown) => (Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : []);
  return { when: { properties, required: names(test.required) }, required: names(then.required) };
}

function baseField(name: string, path: string, schema: Record<string, unknown>): FieldModel {
  return {
    name,
    path,
    kind: 'text',
    label:
      localText(schema['x-label']) ??
      (typeof schema.title === 'string' ? { 'zh-TW': schema.title, en: schema.title } : null),
    help:
      localText(schema['x-help']) ??
      (typeof schema.description === 'string' ? { 'zh-TW': schema.description, en: schema.description } : null),
    widget: str(schema['x-widget']),
    options: [],
    maxLength: num(schema.maxLength),
    minLength: num(schema.minLength),
    pattern: str(schema.pattern),
    minimum: num(schema.minimum),
    maximum: num(schema.maximum),
    exclusiveMinimum: num(schema.exclusiveMinimum),
    exclusiveMaximum: num(schema.exclusiveMaximum),
    integer: schema.type === 'integer',
    mustBeTrue: false,
    minItems: num(schema.minItems),
    maxItems: num(schema.maxItems),
    item: null,
    object: null,
    defaultValue: schema.default,
  };
}

function optionsOf(schema: Record<string, unknown>): ChoiceOption[] {
  const labels = isRecord(schema['x-enum-labels']) ? schema['x-enum-labels'] : {};
  const values = Array.isArray(schema.enum) ? schema.enum : [];
  return values
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((value) => ({ value, label: localText(labels[String(value)]) }));
}

function describeField(
  name: string,
  path: string,
  schema: Record<string, unknown>,
  unsupported: string[],
): FieldModel | null {
  const field = baseField(name, path, schema);
  const type = schema.type;
  switch (type) {
    case 'string': {
      unknownKeywords(schema, STRING_KEYWORDS, path, unsupported);
      if (Array.isArray(schema.enum)) return { ...field, kind: 'choice', options: optionsOf(schema) };
      const format = str(schema.format);
      if (format !== null) {
        const kind = FORMATS[format];
        if (!kind) unsupported.push(`${path}: format ${format}`);
        return { ...field, kind: kind ?? 'text' };
      }
      return { ...field, kind: field.widget === 'textarea' ? 'textarea' : 'text' };
    }
    case 'integer':
    case 'number':
      unknownKeywords(schema, NUMBER_KEYWORDS, path, unsupported);
      if (Array.isArray(schema.enum)) return { ...field, kind: 'choice', options: optionsOf(schema) };
      return { ...field, kind: 'number' };
    case 'boolean':
      unknownKeywords(schema, BOOLEAN_KEYWORDS, path, unsupported);
      if ('const' in schema && schema.const !== true)
        unsupported.push(`${path}: const ${JSON.stringify(schema.const)}`);
      return { ...field, kind: 'boolean', mustBeTrue: schema.const === true };
    case 'array': {
      unknownKeywords(schema, ARRAY_KEYWORDS, path, unsupported);
      const items = isRecord(schema.items) ? schema.items : null;
      if (items && Array.isArray(items.enum) && (items.type === 'string' || items.type === 'integer')) {
        unknownKeywords(items, [...STRING_KEYWORDS, ...NUMBER_KEYWORDS], `${path}[]`, unsupported);
        return { ...field, kind: 'multiChoice', options: optionsOf(items) };
      }
      if (items && items.type === 'string') {
        const item = describeField(name, path, items, unsupported);
        return { ...field, kind: 'textList', item };
      }
      unsupported.push(`${path}: arrays of ${JSON.stringify(items?.type ?? 'anything')}`);
      return null;
    }
    case 'object':
      return { ...field, kind: 'object', object: describeObject(schema, path, unsupported) };
    default:
      unsupported.push(`${path}: type ${JSON.stringify(type)}`);
      return null;
  }
}

/** Whether a value counts as given: not undefined, null, blank text or an empty list. */
export function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function holds(predicate: Predicate, values: Values): boolean {
  for (const name of predicate.required) if (!isGiven(values[name])) return false;
  for (const p of predicate.properties) {
    const value = values[p.name];
    // JSON Schema: `properties` only constrains a property that is present.
    if (!isGiven(value)) continue;
    if ('const' in p && value !== p.const) return false;
    if (p.enum && !p.enum.includes(value)) return false;
  }
  return true;
}

/** The names required for these values: `required`, and the `then` of every conditional that holds. */
export function requiredNames(model: ObjectModel, values: Values): Set<string> {
  return settle(model, values).required;
}

/**
 * The fields shown for these values: a field that only a conditional requires appears when its
 * condition holds (「委外人員硬體設備證明」 once 「使用者為委外人員」 is ticked), every other field always.
 */
export function visibleFields(model: ObjectModel, values: Values): FieldModel[] {
  const { shown } = settle(model, values);
  return model.fields.filter((f) => shown.has(f.name));
}

/**
 * Which fields are required and shown. A hidden field counts as empty, so a condition on it does not
 * hold either (unticking 「委外人員」 hides the proof and, with it, the document number the proof asked
 * for); hiding may cascade, hence the rounds.
 */
function settle(model: ObjectModel, values: Values): { required: Set<string>; shown: Set<string> } {
  const conditional = new Set(model.conditionals.flatMap((c) => c.required));
  for (const n of model.required) conditional.delete(n);
  let shown = new Set(model.fields.map((f) => f.name));
  let required = new Set(model.required);
  // A condition without `required` holds on an absent value, so the sets need not only shrink: the
  // number of rounds is bounded all the same.
  for (let round = 0; round <= model.fields.length; round += 1) {
    const effective: Values = Object.fromEntries(Object.entries(values).filter(([name]) => shown.has(name)));
    required = new Set(model.required);
    for (const c of model.conditionals) if (holds(c.when, effective)) for (const n of c.required) required.add(n);
    const next = new Set(model.fields.map((f) => f.name).filter((n) => !conditional.has(n) || required.has(n)));
    if (next.size === shown.size && [...next].every((n) => shown.has(n))) break;
    shown = next;
  }
  return { required, shown };
}

/** The starting values: `default`s, unticked boxes, empty lists; nested objects likewise. */
export function initialValues(model: ObjectModel): Values {
  const values: Values = {};
  for (const f of model.fields) {
    if (f.defaultValue !== undefined) values[f.name] = f.defaultValue;
    else if (f.kind === 'boolean' && f.widget !== 'radio') values[f.name] = false;
    else if (f.kind === 'multiChoice' || f.kind === 'textList') values[f.name] = [];
    else if (f.kind === 'object' && f.object) values[f.name] = initialValues(f.object);
  }
  return values;
}

export type IssueCode =
  | 'required'
  | 'mustBeTicked'
  | 'tooLong'
  | 'tooShort'
  | 'invalidChoice'
  | 'notNumber'
  | 'notInteger'
  | 'tooSmall'
  | 'notAbove'
  | 'tooLarge'
  | 'notBelow'
  | 'invalidDate'
  | 'invalidDateTime'
  | 'invalidEmail'
  | 'invalidUrl'
  | 'invalidIp'
  | 'invalidFormat'
  | 'tooFewItems'
  | 'tooManyItems';

/** A problem with one field, found in the browser; `limit` is the bound broken. */
export type FieldIssue = { path: string; field: FieldModel; code: IssueCode; limit?: number };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function validIpv6(value: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(value) || !value.includes(':')) return false;
  try {
    return new URL(`http://[${value}]/`).hostname !== '';
  } catch {
    return false;
  }
}

function validUrl(value: string): boolean {
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(value) && new URL(value).href !== '';
  } catch {
    return false;
  }
}

/** Characters as JSON Schema counts them (code points, not UTF-16 units). */
export const charCount = (text: string) => [...text].length;

function checkText(field: FieldModel, path: string, value: string, issues: FieldIssue[]): void {
  const count = charCount(value);
  if (field.maxLength !== null && count > field.maxLength)
    issues.push({ path, field, code: 'tooLong', limit: field.maxLength });
  else if (field.minLength !== null && count < field.minLength)
    issues.push({ path, field, code: 'tooShort', limit: field.minLength });
  const v = value.trim();
  switch (field.kind) {
    case 'date':
      if (!validDate(v)) issues.push({ path, field, code: 'invalidDate' });
      return;
    case 'dateTime':
      if (!DATE_TIME.test(v) || Number.isNaN(new Date(v).getTime()))
        issues.push({ path, field, code: 'invalidDateTime' });
      return;
    case 'email':
      if (!EMAIL.test(v)) issues.push({ path, field, code: 'invalidEmail' });
      return;
    case 'url':
      if (!validUrl(v)) issues.push({ path, field, code: 'invalidUrl' });
      return;
    case 'ip':
      if (!IPV4.test(v) && !validIpv6(v)) issues.push({ path, field, code: 'invalidIp' });
      return;
    default:
      if (field.pattern !== null) {
        try {
          if (!new RegExp(field.pattern, 'u').test(value)) issues.push({ path, field, code: 'invalidFormat' });
        } catch {
          // A pattern the browser cannot compile is left to the server.
        }
      }
  }
}

function checkNumber(field: FieldModel, path: string, value: unknown, issues: FieldIssue[]): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.push({ path, field, code: 'notNumber' });
    return;
  }
  if (field.integer && !Number.isInteger(value)) issues.push({ path, field, code: 'notInteger' });
  else if (field.minimum !== null && value < field.minimum)
    issues.push({ path, field, code: 'tooSmall', limit: field.minimum });
  else if (field.exclusiveMinimum !== null && value <= field.exclusiveMinimum)
    issues.push({ path, field, code: 'notAbove', limit: field.exclusiveMinimum });
  else if (field.maximum !== null && value > field.maximum)
    issues.push({ path, field, code: 'tooLarge', limit: field.maximum });
  else if (field.exclusiveMaximum !== null && value >= field.exclusiveMaximum)
    issues.push({ path, field, code: 'notBelow', limit: field.exclusiveMaximum });
}

/** Every problem the browser can see, in the order of the fields shown. */
export function validateValues(model: ObjectModel, values: Values): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const required = requiredNames(model, values);
  for (const field of visibleFields(model, values)) {
    const value = values[field.name];
    const path = field.path;
    if (field.kind === 'object' && field.object) {
      issues.push(...validateValues(field.object, isRecord(value) ? value : {}));
      continue;
    }
    if (field.kind === 'boolean') {
      if (field.mustBeTrue && value !== true) issues.push({ path, field, code: 'mustBeTicked' });
      else if (required.has(field.name) && typeof value !== 'boolean') issues.push({ path, field, code: 'required' });
      continue;
    }
    if (!isGiven(value)) {
      if (required.has(field.name)) issues.push({ path, field, code: 'required' });
      continue;
    }
    switch (field.kind) {
      case 'choice':
        if (!field.options.some((o) => o.value === value)) issues.push({ path, field, code: 'invalidChoice' });
        break;
      case 'multiChoice': {
        const list = Array.isArray(value) ? value : [];
        if (list.some((v) => !field.options.some((o) => o.value === v)))
          issues.push({ path, field, code: 'invalidChoice' });
        else checkCount(field, path, list.length, issues);
        break;
      }
      case 'textList': {
        const list = (Array.isArray(value) ? value : []).map((v) => (typeof v === 'string' ? v : ''));
        const given = list.filter((v) => v.trim() !== '');
        if (given.length === 0 && required.has(field.name)) issues.push({ path, field, code: 'required' });
        else checkCount(field, path, given.length, issues);
        list.forEach((v, i) => {
          if (v.trim() !== '' && field.item) checkText(field.item, `${path}.${i}`, v, issues);
        });
        break;
      }
      case 'number':
        checkNumber(field, path, value, issues);
        break;
      default:
        checkText(field, path, typeof value === 'string' ? value : String(value), issues);
    }
  }
  return issues;
}

function checkCount(field: FieldModel, path: string, count: number, issues: FieldIssue[]): void {
  if (field.minItems !== null && count < field.minItems)
    issues.push({ path, field, code: 'tooFewItems', limit: field.minItems });
  else if (field.maxItems !== null && count > field.maxItems)
    issues.push({ path, field, code: 'tooManyItems', limit: field.maxItems });
}

/**
 * The object to send: only the fields shown, texts trimmed, and nothing for what was left empty
 * (an optional text, an unanswered choice), so that `additionalProperties: false` and the formats
 * never trip over a blank.
 */
export function toSubmission(model: ObjectModel, values: Values): Values {
  const out: Values = {};
  for (const field of visibleFields(model, values)) {
    const value = values[field.name];
    if (field.kind === 'object' && field.object) {
      out[field.name] = toSubmission(field.object, isRecord(value) ? value : {});
      continue;
    }
    if (field.kind === 'textList') {
      const list = (Array.isArray(value) ? value : []).filter((v): v is string => typeof v === 'string');
      const given = list.map((v) => v.trim()).filter((v) => v !== '');
      if (given.length > 0) out[field.name] = given;
      continue;
    }
    if (!isGiven(value)) continue;
    out[field.name] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/**
 * Whether a field path (`companyName`, `contact.phone`, `assetNumbers.0`) is one of the fields shown
 * for these values, so that a server error naming it appears at its field rather than only in the alert.
 */
export function showsPath(model: ObjectModel, values: Values, path: string): boolean {
  const [name, ...rest] = path.split('.');
  const field = visibleFields(model, values).find((f) => f.name === name);
  if (!field) return false;
  if (rest.length === 0) return true;
  if (field.kind === 'object' && field.object) {
    const inner = values[field.name];
    return showsPath(field.object, isRecord(inner) ? inner : {}, rest.join('.'));
  }
  return field.kind === 'textList' && rest.length === 1 && /^\d+$/.test(rest[0] ?? '');
}
