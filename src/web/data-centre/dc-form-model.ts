/**
 * The data-centre application form (001, issue 6) as the browser edits it: page 1 and the device
 * list of the `dc_equipment` form, whose array of devices the generic schema form cannot render.
 * The definition's own JSON Schema is cut into the parts the editor draws with the schema form
 * (page 1, one device's page-2 fields, the security tests its type needs), and the server's error
 * paths (`form.devices.0.tests.host_scan.date`) are mapped back to the inputs. Pure, no React.
 */
import type { JsonSchema } from '../../shared/api/workflow.schema.js';
import {
  DC_MOVEMENTS,
  INBOUND_MOVEMENTS,
  REGISTERED_MOVEMENTS,
  requiredTests,
  shiftMonths,
  type DcMovement,
  type DcTest,
} from '../../shared/data-centre.js';
import {
  describeSchema,
  showsPath,
  toSubmission,
  validateValues,
  type FieldIssue,
  type Values,
} from '../forms/schema-model.js';

/** The id the schema form gives a field's input (schemaFieldId of schema-form.tsx, kept free of React here). */
export const fieldIdOf = (idPrefix: string, path: string) => `${idPrefix}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The id prefix of page 1's inputs; a device's are `dc-device-<n>` (0-based). */
export const DC_FORM_ID = 'dc-form';
export const deviceIdPrefix = (index: number) => `dc-device-${index}`;
/** The id of the device list's fieldset, for errors about the list as a whole. */
export const DEVICE_LIST_ID = 'dc-devices';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const omit = (o: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !names.includes(k)));
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** The parts of the type's `form` schema: page 1 without the devices, one device without its tests, each test. */
export type DcSchemas = {
  page1: JsonSchema;
  device: JsonSchema;
  tests: Partial<Record<DcTest, JsonSchema>>;
  maxDevices: number;
};

/** Cuts the `dc_equipment` form schema (GET /api/request-types) into what the editor renders. */
export function splitDcSchema(form: JsonSchema): DcSchemas {
  const properties = isRecord(form.properties) ? form.properties : {};
  const devices = isRecord(properties.devices) ? properties.devices : {};
  const item = isRecord(devices.items) ? devices.items : {};
  const itemProperties = isRecord(item.properties) ? item.properties : {};
  const tests =
    isRecord(itemProperties.tests) && isRecord(itemProperties.tests.properties) ? itemProperties.tests.properties : {};
  return {
    page1: {
      ...form,
      properties: omit(properties, ['devices']),
      required: strings(form.required).filter((r) => r !== 'devices'),
    },
    device: {
      ...item,
      properties: omit(itemProperties, ['tests']),
      required: strings(item.required).filter((r) => r !== 'tests'),
    },
    tests: Object.fromEntries(Object.entries(tests).filter((e): e is [DcTest, JsonSchema] => isRecord(e[1]))),
    maxDevices: typeof devices.maxItems === 'number' ? devices.maxItems : 30,
  };
}

/** The movement the form says, or null while none is chosen. */
export function movementOf(values: Values): DcMovement | null {
  const m = values.movement;
  return typeof m === 'string' && (DC_MOVEMENTS as readonly string[]).includes(m) ? (m as DcMovement) : null;
}

/** Whether the devices come into the room, so that their security evidence is checked (001 二.3–4). */
export const isInbound = (movement: DcMovement | null) => movement === null || INBOUND_MOVEMENTS.includes(movement);

/**
 * One device's page-2 fields for a movement: the operating system as a select; "public website"
 * asked (yes or no) only of a web AP, the one type whose tests it changes; the asset number left to
 * the data centre on a move-in, optional when a device is carried back in, and required to move a
 * registered device out.
 */
export function deviceSchema(schemas: DcSchemas, movement: DcMovement | null): JsonSchema {
  const properties = isRecord(schemas.device.properties) ? { ...schemas.device.properties } : {};
  if (isRecord(properties.os)) properties.os = { ...properties.os, 'x-widget': 'select' };
  if (isRecord(properties.publicFacing)) properties.publicFacing = { ...properties.publicFacing, 'x-widget': 'radio' };
  if (movement === null || movement === 'move_in') delete properties.assetNumber;
  const required = strings(schemas.device.required);
  const registered = movement !== null && REGISTERED_MOVEMENTS.includes(movement);
  return {
    ...schemas.device,
    properties,
    required: registered && 'assetNumber' in properties ? [...required, 'assetNumber'] : required,
    ...('publicFacing' in properties
      ? {
          allOf: [
            {
              if: { properties: { deviceType: { const: 'web_ap' } }, required: ['deviceType'] },
              then: { required: ['publicFacing'] },
            },
          ],
        }
      : {}),
  };
}

/** The tests a device needs (001's table, `requiredTests`), each with its date and highest finding; none on the way out. */
export function testsSchema(schemas: DcSchemas, device: Values, movement: DcMovement | null): JsonSchema {
  const needed = isInbound(movement) ? requiredTests(device).filter((test) => schemas.tests[test]) : [];
  const properties: Record<string, unknown> = {};
  for (const test of needed) {
    const schema = schemas.tests[test] ?? {};
    const inner = isRecord(schema.properties) ? { ...schema.properties } : {};
    if (isRecord(inner.highestSeverity)) inner.highestSeverity = { ...inner.highestSeverity, 'x-widget': 'select' };
    properties[test] = { ...schema, properties: inner };
  }
  return { type: 'object', properties, required: needed, additionalProperties: false };
}

/** The devices of the values (objects only). */
export function devicesOf(values: Values): Values[] {
  return Array.isArray(values.devices) ? values.devices.map((d) => (isRecord(d) ? d : {})) : [];
}

const testsOf = (device: Values): Values => (isRecord(device.tests) ? device.tests : {});

/** The form's models for the current values: page 1, and per device its fields and tests. */
export function dcModels(schemas: DcSchemas, values: Values) {
  const movement = movementOf(values);
  const device = describeSchema(deviceSchema(schemas, movement)).root;
  return {
    movement,
    page1: describeSchema(schemas.page1).root,
    device,
    tests: devicesOf(values).map((d) => describeSchema(testsSchema(schemas, d, movement)).root),
  };
}

/** A path's issue with the form path it has at the server (`devices.1.brand`). */
export type DcIssue = FieldIssue & { device: number | null };

const shift = (issues: readonly FieldIssue[], base: string, device: number): DcIssue[] =>
  issues.map((issue) => ({ ...issue, path: `${base}.${issue.path}`, device }));

/** Every problem the browser sees: page 1's, then each device's fields and tests, with their form paths. */
export function validateDcForm(schemas: DcSchemas, values: Values): DcIssue[] {
  const models = dcModels(schemas, values);
  const issues: DcIssue[] = validateValues(models.page1, values).map((i) => ({ ...i, device: null }));
  devicesOf(values).forEach((device, i) => {
    issues.push(...shift(validateValues(models.device, device), `devices.${i}`, i));
    const tests = models.tests[i];
    if (tests) issues.push(...shift(validateValues(tests, testsOf(device)), `devices.${i}.tests`, i));
  });
  return issues;
}

/** The `form` to send: page 1 and every device as shown, each with the tests its type needs. */
export function toDcSubmission(schemas: DcSchemas, values: Values): Values {
  const models = dcModels(schemas, values);
  const devices = devicesOf(values).map((device, i) => {
    const out = toSubmission(models.device, device);
    const tests = models.tests[i];
    if (tests && tests.fields.length > 0) out.tests = toSubmission(tests, testsOf(device));
    return out;
  });
  return { ...toSubmission(models.page1, values), devices };
}

/** Starting values: a move-in with one empty device, or a returned application's form to apply again. */
export function initialDcValues(previous: Values | null = null): Values {
  if (previous) return { ...previous, devices: devicesOf(previous).length > 0 ? devicesOf(previous) : [{}] };
  return { movement: 'move_in', agencySealed: false, devices: [{}] };
}

/** Where a path of the form (`devices.0.tests.host_scan.date`, without `form.`) is drawn: its input's id, and its device. */
export function dcFieldPlace(path: string): { id: string; device: number | null } {
  const match = /^devices\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!match)
    return path === 'devices'
      ? { id: DEVICE_LIST_ID, device: null }
      : { id: fieldIdOf(DC_FORM_ID, path), device: null };
  const device = Number(match[1]);
  return { id: match[2] ? fieldIdOf(deviceIdPrefix(device), match[2]) : `${deviceIdPrefix(device)}-fieldset`, device };
}

/**
 * Whether the form shows a field for a server path (`form.devices.0.tests.host_scan.date`), so that
 * its message appears there; paths of devices or tests not on screen are left to the alert.
 */
export function dcShowsPath(schemas: DcSchemas, values: Values, serverPath: string): boolean {
  if (!serverPath.startsWith('form.')) return false;
  const path = serverPath.slice('form.'.length);
  const models = dcModels(schemas, values);
  const match = /^devices\.(\d+)\.(.+)$/.exec(path);
  if (!match) return showsPath(models.page1, values, path);
  const index = Number(match[1]);
  const device = devicesOf(values)[index];
  const rest = match[2] ?? '';
  if (!device) return false;
  if (rest.startsWith('tests.')) {
    const tests = models.tests[index];
    return tests ? showsPath(tests, testsOf(device), rest.slice('tests.'.length)) : false;
  }
  return showsPath(models.device, device, rest);
}

/** The earliest test date the planned date allows (one month before, 001 二.3), or null without a date. */
export function earliestTestDate(plannedDate: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(plannedDate) ? shiftMonths(plannedDate, -1) : null;
}

/** Prefills a device from another (複製): everything but its name and serial number, and the data centre's number. */
export function copyDevice(device: Values): Values {
  return omit(device, ['name', 'serialNumber', 'assetNumber']);
}
