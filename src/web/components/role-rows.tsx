import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../shared/api/organisation.schema.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { useLabels } from '../i18n/labels.js';
import { UnitSelect } from './unit-select.js';

/** One role for one unit; an empty unit means the whole agency. */
export type RoleRow = { role: Role; unitId: string };

/** The rows as the API takes them. */
export function toGrants(rows: readonly RoleRow[]): { role: Role; unitId: string | null }[] {
  return rows.map((r) => ({ role: r.role, unitId: r.unitId === '' ? null : r.unitId }));
}

type Props = {
  rows: readonly RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  units: readonly Unit[];
  /** The unit a new row starts with (the account's owner unit). */
  defaultUnitId: string;
  error?: string | undefined;
  hint?: string;
};

/** Roles as rows of role and unit (ORG-2: roles are scoped to units), added and removed one by one. */
export function RoleRows({ rows, onChange, units, defaultUnitId, error, hint }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const id = useId();
  const set = (index: number, row: RoleRow) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <fieldset className="form-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('roles.legend')}</legend>
      {hint && (
        <Text size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      <Stack gap="sm">
        {rows.map((row, index) => (
          <Group key={index} align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('roles.role', { n: index + 1 })}
              value={row.role}
              onChange={(e) => set(index, { ...row, role: e.currentTarget.value as Role })}
              data={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
              style={{ flex: '1 1 14rem' }}
            />
            <UnitSelect
              label={t('roles.unit', { n: index + 1 })}
              units={units}
              emptyOption={t('common.agencyWide')}
              value={row.unitId}
              onChange={(e) => set(index, { ...row, unitId: e.currentTarget.value })}
              style={{ flex: '1 1 14rem' }}
            />
            <Button
              variant="outline"
              color="red.9"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              aria-label={t('roles.removeLabel', { n: index + 1, role: labels.role(row.role) })}
            >
              {t('roles.remove')}
            </Button>
          </Group>
        ))}
        {rows.length === 0 && <Text size="sm">{t('roles.none')}</Text>}
      </Stack>
      <Button
        variant="default"
        mt="sm"
        onClick={() => onChange([...rows, { role: 'requester', unitId: defaultUnitId }])}
        disabled={rows.length >= 30}
      >
        {t('roles.add')}
      </Button>
      {error && (
        <Text id={`${id}-error`} c="var(--mantine-color-error)" size="sm" mt="xs">
          {error}
        </Text>
      )}
    </fieldset>
  );
}
