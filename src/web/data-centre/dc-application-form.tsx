import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonSchema } from '../../shared/api/workflow.schema.js';
import { DC_DOCUMENT_LABELS, requiredDeviceDocuments, type DcDevice } from '../../shared/data-centre.js';
import { StatusMessage } from '../components/status-message.js';
import { SchemaForm } from '../forms/schema-form.js';
import type { Values } from '../forms/schema-model.js';
import { useLabels } from '../i18n/labels.js';
import { isIsoDate, rocDateLong } from '../lib/roc-date.js';
import {
  copyDevice,
  DC_FORM_ID,
  DEVICE_LIST_ID,
  deviceIdPrefix,
  devicesOf,
  deviceSchema,
  earliestTestDate,
  fieldIdOf,
  isInbound,
  movementOf,
  splitDcSchema,
  testsSchema,
} from './dc-form-model.js';

type Props = {
  /** The `dc_equipment` type's form schema (GET /api/request-types). */
  schema: JsonSchema;
  value: Values;
  onChange: (value: Values) => void;
  /** Messages by the server's paths (`form.devices.0.brand`), the browser's own findings included. */
  errors: Readonly<Record<string, string>>;
  /** The planned move date (the request's wished date), for the one-month rule of the tests. */
  plannedDate: string;
  /** Devices were added or removed: earlier server errors no longer point at the right device. */
  onDevicesChanged?: () => void;
  disabled: boolean;
};

/**
 * The data-centre application (001, issue 6): page 1 of the move form, then page 2's asset data
 * device by device (added, copied and removed), each with the security tests its type needs
 * (001's table) dated within one month before the planned move. Fields, labels, help and checks
 * come from the definition's schema; the server's errors reach the device field they name.
 */
export function DcApplicationForm({ schema, value, onChange, errors, plannedDate, onDevicesChanged, disabled }: Props) {
  const { t } = useTranslation();
  const page1Heading = useId();
  const devicesHeading = useId();
  const schemas = useMemo(() => splitDcSchema(schema), [schema]);
  const devices = devicesOf(value);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const movement = movementOf(value);
  const fieldsSchema = useMemo(() => deviceSchema(schemas, movement), [schemas, movement]);
  const listError = errors['form.devices'];

  const setDevices = (next: Values[]) => onChange({ ...value, devices: next });
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const add = (from: Values | null) => {
    const n = devices.length;
    setDevices([...devices, from ? copyDevice(from) : {}]);
    setAnnouncement(t('dataCentre.form.deviceAdded', { n: n + 1 }));
    onDevicesChanged?.();
    focusLater(fieldIdOf(deviceIdPrefix(n), 'name'));
  };
  const remove = (index: number) => {
    setDevices(devices.filter((_, i) => i !== index));
    setAnnouncement(t('dataCentre.form.deviceRemoved', { n: index + 1 }));
    onDevicesChanged?.();
    focusLater(index > 0 ? `${deviceIdPrefix(index - 1)}-fieldset` : `${deviceIdPrefix(0)}-fieldset`);
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby={page1Heading}>
        <Title order={2} size="h3" id={page1Heading} mb="xs">
          {t('dataCentre.form.page1')}
        </Title>
        <Text size="sm" mb="sm">
          {t('dataCentre.form.page1Intro')}
        </Text>
        <SchemaForm
          schema={schemas.page1}
          value={value}
          onChange={onChange}
          errors={errors}
          prefix="form"
          idPrefix={DC_FORM_ID}
          disabled={disabled}
        />
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby={devicesHeading}>
        <Title order={2} size="h3" id={devicesHeading} mb="xs">
          {t('dataCentre.form.page2')}
        </Title>
        <Text size="sm">{t('dataCentre.form.page2Intro')}</Text>
        <Text size="sm" mb="sm" fw={500}>
          {t('dataCentre.form.noneRule')}
        </Text>
        <StatusMessage>{announcement}</StatusMessage>
        <div id={DEVICE_LIST_ID} tabIndex={-1} className="focus-target">
          {listError && (
            <Text c="var(--mantine-color-error)" size="sm" mb="sm">
              {listError}
            </Text>
          )}
        </div>
        <Stack gap="lg">
          {devices.map((device, i) => (
            <DeviceEditor
              key={i}
              index={i}
              count={devices.length}
              device={device}
              deviceSchema={fieldsSchema}
              testsSchema={testsSchema(schemas, device, movement)}
              inbound={isInbound(movement)}
              plannedDate={plannedDate}
              errors={errors}
              disabled={disabled}
              onChange={(next) => setDevices(devices.map((d, j) => (j === i ? next : d)))}
              onCopy={() => add(device)}
              onRemove={() => remove(i)}
              canAdd={devices.length < schemas.maxDevices}
            />
          ))}
        </Stack>
        <Group mt="md">
          <Button
            variant="default"
            onClick={() => add(null)}
            disabled={disabled || devices.length >= schemas.maxDevices}
          >
            {t('dataCentre.form.addDevice')}
          </Button>
          <Text size="sm">{t('dataCentre.form.deviceCount', { count: devices.length, max: schemas.maxDevices })}</Text>
        </Group>
      </Paper>
    </Stack>
  );
}

type DeviceProps = {
  index: number;
  count: number;
  device: Values;
  deviceSchema: JsonSchema;
  testsSchema: JsonSchema;
  inbound: boolean;
  plannedDate: string;
  errors: Readonly<Record<string, string>>;
  disabled: boolean;
  onChange: (device: Values) => void;
  onCopy: () => void;
  onRemove: () => void;
  canAdd: boolean;
};

/** One device of page 2 in a fieldset named by its number and name, with its security tests. */
function DeviceEditor(props: DeviceProps) {
  const { index, count, device, inbound, plannedDate, errors, disabled, onChange } = props;
  const { t } = useTranslation();
  const labels = useLabels();
  const prefix = deviceIdPrefix(index);
  const name = typeof device.name === 'string' && device.name.trim() ? device.name.trim() : null;
  const title = name
    ? t('dataCentre.deviceNamed', { n: index + 1, name })
    : t('dataCentre.deviceNumber', { n: index + 1 });
  const tests = (device.tests ?? {}) as Values;
  const testNames = Object.keys((props.testsSchema.properties as Record<string, unknown> | undefined) ?? {});
  const earliest = earliestTestDate(plannedDate);
  const documents = inbound ? requiredDeviceDocuments(device as DcDevice) : [];
  const typeChosen = typeof device.deviceType === 'string' && device.deviceType !== '';
  const errorOf = errors[`form.devices.${index}`];
  const testsError = errors[`form.devices.${index}.tests`];
  return (
    <fieldset className="form-fieldset dc-device" id={`${prefix}-fieldset`} tabIndex={-1}>
      <legend>{title}</legend>
      {errorOf && (
        <Text c="var(--mantine-color-error)" size="sm" mb="xs">
          {errorOf}
        </Text>
      )}
      <div className="dc-device-fields">
        <SchemaForm
          schema={props.deviceSchema}
          value={device}
          onChange={(next) => onChange({ ...next, tests: device.tests })}
          errors={errors}
          prefix={`form.devices.${index}`}
          idPrefix={prefix}
          disabled={disabled}
        />
      </div>

      {inbound && (
        <fieldset className="form-fieldset" id={fieldIdOf(prefix, 'tests')} style={{ marginTop: '1rem' }}>
          <legend>{t('dataCentre.form.testsTitle')}</legend>
          <Text size="sm" mb="xs">
            {earliest && isIsoDate(plannedDate)
              ? t('dataCentre.form.testsRuleDated', {
                  from: rocDateLong(earliest),
                  to: rocDateLong(plannedDate),
                  fromIso: earliest,
                  toIso: plannedDate,
                })
              : t('dataCentre.form.testsRule')}
          </Text>
          {testsError && (
            <Text c="var(--mantine-color-error)" size="sm" mb="xs">
              {testsError}
            </Text>
          )}
          {!typeChosen ? (
            <Text size="sm">{t('dataCentre.form.chooseTypeFirst')}</Text>
          ) : testNames.length === 0 ? (
            <Text size="sm">{t('dataCentre.form.noTests')}</Text>
          ) : (
            <SchemaForm
              schema={props.testsSchema}
              value={tests}
              onChange={(next) => onChange({ ...device, tests: next })}
              errors={errors}
              prefix={`form.devices.${index}.tests`}
              idPrefix={fieldIdOf(prefix, 'tests')}
              disabled={disabled}
            />
          )}
          {documents.length > 0 && (
            <Alert color="govBlue" variant="light" role="note" mt="sm" title={t('dataCentre.form.documentsLater')}>
              <List size="sm">
                {documents.map((d) => (
                  <List.Item key={d}>{labels.localised(DC_DOCUMENT_LABELS[d])}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </fieldset>
      )}

      <Group gap="sm" mt="md">
        <Button variant="default" onClick={props.onCopy} disabled={disabled || !props.canAdd}>
          {t('dataCentre.form.copyDevice', { n: index + 1 })}
        </Button>
        {count > 1 && (
          <Button variant="outline" color="red.9" onClick={props.onRemove} disabled={disabled}>
            {t('dataCentre.form.removeDevice', { n: index + 1 })}
          </Button>
        )}
      </Group>
    </fieldset>
  );
}
