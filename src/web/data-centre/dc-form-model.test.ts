import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeSchema, type ObjectModel, type Values } from '../forms/schema-model.js';
import { schemaFieldId } from '../forms/schema-form.js';
import {
  copyDevice,
  DC_FORM_ID,
  dcFieldPlace,
  dcModels,
  dcShowsPath,
  DEVICE_LIST_ID,
  deviceSchema,
  earliestTestDate,
  fieldIdOf,
  initialDcValues,
  splitDcSchema,
  testsSchema,
  toDcSubmission,
  validateDcForm,
} from './dc-form-model.js';

const definition = JSON.parse(
  readFileSync(new URL('../../../resources/workflows/dc_equipment.v1.json', import.meta.url), 'utf8'),
) as { form: Record<string, unknown> };
const schemas = splitDcSchema(definition.form);

/** Every page-2 text a device needs, 「無」 where there is nothing to say. */
const linuxAp = (extra: Values = {}): Values => ({
  name: 'AP01',
  deviceType: 'server_ap',
  brand: 'Dell',
  model: 'R650',
  serialNumber: 'SN123',
  os: 'linux',
  osVersion: 'Ubuntu 24.04',
  cpu: '無',
  memory: '64 GB',
  disk: '2 TB',
  software: '無',
  database: '無',
  purpose: '投資案件管理系統',
  custodian: '王小明',
  maintenanceVendor: '無',
  warranty: '無',
  rackUnits: 2,
  needsIp: 'internal',
  tests: {
    host_scan: { date: '2026-11-20', highestSeverity: 'low' },
    malware_scan: { date: '2026-11-20', highestSeverity: 'none' },
    patch_level: { date: '2026-11-20', highestSeverity: 'none' },
  },
  ...extra,
});

const page1: Values = {
  movement: 'move_in',
  letterNumber: '中科投字第1150000001號',
  letterDate: '2026-11-18',
  systemName: '投資案件管理系統',
  agencySealed: true,
};

const names = (model: ObjectModel) => model.fields.map((f) => f.name);

describe('the data-centre form split from its definition', () => {
  it('keeps page 1 without the devices, a device without its tests, and every test', () => {
    expect(names(describeSchema(schemas.page1).root)).toEqual([
      'movement',
      'letterNumber',
      'letterDate',
      'systemName',
      'agencySealed',
    ]);
    expect(describeSchema(schemas.page1).root.required).not.toContain('devices');
    expect(Object.keys(schemas.tests).sort()).toEqual(
      ['host_scan', 'malware_scan', 'patch_level', 'penetration_test', 'source_code', 'web_app_scan'].sort(),
    );
    expect(schemas.maxDevices).toBe(30);
  });

  it('understands every construct of the parts it draws with the schema form', () => {
    for (const movement of ['move_in', 'move_out', 'carry_in', 'carry_out', null] as const) {
      expect(describeSchema(deviceSchema(schemas, movement)).unsupported).toEqual([]);
      expect(
        describeSchema(testsSchema(schemas, { deviceType: 'web_ap', publicFacing: true }, movement)).unsupported,
      ).toEqual([]);
    }
    expect(describeSchema(schemas.page1).unsupported).toEqual([]);
  });

  it('leaves the asset number to the data centre on a move-in and asks for it to move a device out', () => {
    expect(names(describeSchema(deviceSchema(schemas, 'move_in')).root)).not.toContain('assetNumber');
    const out = describeSchema(deviceSchema(schemas, 'move_out')).root;
    expect(out.required).toContain('assetNumber');
    const carryIn = describeSchema(deviceSchema(schemas, 'carry_in')).root;
    expect(names(carryIn)).toContain('assetNumber');
    expect(carryIn.required).not.toContain('assetNumber');
  });

  it('asks whether the site is public only of a web AP, as a yes/no question', () => {
    const model = dcModels(schemas, { ...page1, devices: [{ deviceType: 'web_ap' }] });
    expect(
      validateDcForm(schemas, { ...page1, devices: [linuxAp({ deviceType: 'web_ap' })] }).map((i) => i.path),
    ).toContain('devices.0.publicFacing');
    expect(validateDcForm(schemas, { ...page1, devices: [linuxAp()] }).map((i) => i.path)).not.toContain(
      'devices.0.publicFacing',
    );
    expect(model.device.fields.find((f) => f.name === 'publicFacing')?.widget).toBe('radio');
    expect(model.device.fields.find((f) => f.name === 'os')?.widget).toBe('select');
  });
});

describe('the tests a device is asked for', () => {
  const testNames = (device: Values, movement: 'move_in' | 'move_out' = 'move_in') =>
    Object.keys(testsSchema(schemas, device, movement).properties as object);

  it('follows 001 table by device type (requiredTests)', () => {
    expect(testNames({ deviceType: 'server_ap' })).toEqual(['host_scan', 'malware_scan', 'patch_level']);
    expect(testNames({ deviceType: 'web_ap' })).toEqual(['web_app_scan']);
    expect(testNames({ deviceType: 'web_ap', publicFacing: true })).toEqual(['source_code', 'web_app_scan']);
    expect(testNames({ deviceType: 'large_public_site' })).toEqual(['penetration_test']);
    expect(testNames({ deviceType: 'storage' })).toEqual([]);
    expect(testNames({})).toEqual([]);
  });

  it('asks for none when the device moves out', () => {
    expect(testNames({ deviceType: 'server_ap' }, 'move_out')).toEqual([]);
  });

  it('makes each test date and highest finding required, the finding a select', () => {
    const model = describeSchema(testsSchema(schemas, { deviceType: 'server_db' }, 'move_in')).root;
    expect(model.required).toEqual(['host_scan', 'malware_scan', 'patch_level']);
    const host = model.fields[0]?.object;
    expect(host?.required).toEqual(['date', 'highestSeverity']);
    expect(host?.fields.find((f) => f.name === 'highestSeverity')?.widget).toBe('select');
  });

  it('explains the month from the planned date', () => {
    expect(earliestTestDate('2026-12-15')).toBe('2026-11-15');
    expect(earliestTestDate('2026-03-31')).toBe('2026-02-28');
    expect(earliestTestDate('')).toBeNull();
  });
});

describe('checking and sending the form', () => {
  it('accepts 「無」 and refuses blank or spaces, naming the device field', () => {
    const issues = validateDcForm(schemas, {
      ...page1,
      devices: [linuxAp(), linuxAp({ brand: '', model: '   ', cpu: '無' })],
    });
    expect(issues.map((i) => [i.path, i.code, i.device])).toEqual([
      ['devices.1.brand', 'required', 1],
      ['devices.1.model', 'required', 1],
    ]);
  });

  it('asks for the tests the type needs, and the agency seal', () => {
    const issues = validateDcForm(schemas, {
      ...page1,
      agencySealed: false,
      devices: [linuxAp({ tests: { host_scan: { date: '2026-11-20' } } })],
    });
    expect(issues.map((i) => i.path)).toEqual([
      'agencySealed',
      'devices.0.tests.host_scan.highestSeverity',
      'devices.0.tests.malware_scan.date',
      'devices.0.tests.malware_scan.highestSeverity',
      'devices.0.tests.patch_level.date',
      'devices.0.tests.patch_level.highestSeverity',
    ]);
  });

  it('sends each device with only the tests its type needs, nothing for what is not shown', () => {
    const form = toDcSubmission(schemas, {
      ...page1,
      devices: [
        linuxAp({
          assetNumber: 'typed before',
          publicFacing: true,
          tests: { ...(linuxAp().tests as Values), source_code: {} },
        }),
        { ...linuxAp({ name: 'Disk', deviceType: 'disk_array', os: 'none' }), tests: {} },
      ],
    });
    const devices = form.devices as Values[];
    expect(form.movement).toBe('move_in');
    expect(devices[0]).not.toHaveProperty('assetNumber');
    expect(devices[0]).not.toHaveProperty('publicFacing');
    expect(Object.keys(devices[0]?.tests as object)).toEqual(['host_scan', 'malware_scan', 'patch_level']);
    expect(devices[1]).not.toHaveProperty('tests');
    expect(devices[1]?.rackUnits).toBe(2);
  });

  it('sends the asset number and no tests to move a device out', () => {
    const form = toDcSubmission(schemas, {
      ...page1,
      movement: 'move_out',
      devices: [linuxAp({ assetNumber: ' DC-0001 ' })],
    });
    const device = (form.devices as Values[])[0];
    expect(device?.assetNumber).toBe('DC-0001');
    expect(device).not.toHaveProperty('tests');
  });

  it('starts with one device on a move-in, or with a returned application as it was', () => {
    expect(initialDcValues()).toEqual({ movement: 'move_in', agencySealed: false, devices: [{}] });
    const old = { ...page1, devices: [linuxAp()] };
    expect(initialDcValues(old)).toEqual(old);
    expect(initialDcValues({ ...page1 }).devices).toEqual([{}]);
  });

  it('copies a device without what identifies it', () => {
    const copy = copyDevice(linuxAp({ assetNumber: 'X' }));
    expect(copy).not.toHaveProperty('name');
    expect(copy).not.toHaveProperty('serialNumber');
    expect(copy).not.toHaveProperty('assetNumber');
    expect(copy.brand).toBe('Dell');
  });
});

describe("the server's error paths", () => {
  const values: Values = { ...page1, devices: [linuxAp(), linuxAp({ name: 'DB', deviceType: 'storage' })] };

  it('point at the input of the device field they name', () => {
    expect(dcFieldPlace('devices.0.tests.host_scan.date')).toEqual({
      id: 'dc-device-0-tests-host_scan-date',
      device: 0,
    });
    expect(dcFieldPlace('devices.1.brand')).toEqual({ id: 'dc-device-1-brand', device: 1 });
    expect(dcFieldPlace('devices.1.tests.host_scan')).toEqual({ id: 'dc-device-1-tests-host_scan', device: 1 });
    expect(dcFieldPlace('devices.1')).toEqual({ id: 'dc-device-1-fieldset', device: 1 });
    expect(dcFieldPlace('devices')).toEqual({ id: DEVICE_LIST_ID, device: null });
    expect(dcFieldPlace('letterNumber')).toEqual({ id: 'dc-form-letterNumber', device: null });
  });

  it('use the ids the schema form gives its inputs', () => {
    expect(fieldIdOf(DC_FORM_ID, 'a.b c')).toBe(schemaFieldId(DC_FORM_ID, 'a.b c'));
    // The tests' own form is drawn with the prefix dc-device-0-tests: its field ids agree.
    expect(schemaFieldId(fieldIdOf('dc-device-0', 'tests'), 'host_scan.date')).toBe(
      dcFieldPlace('devices.0.tests.host_scan.date').id,
    );
  });

  it('are shown at their field only when the form shows it', () => {
    expect(dcShowsPath(schemas, values, 'form.devices.0.tests.host_scan.date')).toBe(true);
    expect(dcShowsPath(schemas, values, 'form.devices.0.tests.host_scan')).toBe(true);
    expect(dcShowsPath(schemas, values, 'form.devices.1.brand')).toBe(true);
    expect(dcShowsPath(schemas, values, 'form.letterNumber')).toBe(true);
    // A storage device has no tests; a third device does not exist; the asset number is not asked on a move-in.
    expect(dcShowsPath(schemas, values, 'form.devices.1.tests.host_scan.date')).toBe(false);
    expect(dcShowsPath(schemas, values, 'form.devices.2.brand')).toBe(false);
    expect(dcShowsPath(schemas, values, 'form.devices.0.assetNumber')).toBe(false);
    expect(dcShowsPath(schemas, values, 'form.devices')).toBe(false);
    expect(dcShowsPath(schemas, values, 'attachments')).toBe(false);
  });
});
