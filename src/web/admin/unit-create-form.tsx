import { Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitCreate, type Unit } from '../../shared/api/organisation.schema.js';
import { UNIT_KINDS, type UnitKind } from '../../shared/roles.js';
import { createUnit } from '../data/organisation.api.js';
import { queryKeys } from '../data/query-keys.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { UnitSelect } from '../components/unit-select.js';

type Field = 'parentId' | 'code' | 'name' | 'nameEn' | 'kind';
type Values = { parentId: string; code: string; name: string; nameEn: string; kind: UnitKind };

const EMPTY: Values = { parentId: '', code: '', name: '', nameEn: '', kind: 'section' };

const toBody = (v: Values): UnitCreate => ({
  parentId: v.parentId === '' ? null : v.parentId,
  code: v.code.trim(),
  name: v.name.trim(),
  nameEn: v.nameEn.trim(),
  kind: v.kind,
});

/** Adds a unit to the organisation tree. */
export function UnitCreateForm({ units }: { units: readonly Unit[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(EMPTY);
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const create = useMutation({
    mutationFn: () => createUnit(toBody(values)),
    onSuccess: () => {
      setValues(EMPTY);
      void queryClient.invalidateQueries({ queryKey: queryKeys.units });
    },
  });
  const server = useProblemText(create.error);
  const error = (field: Field) => issues[field] ?? server.fields[field];
  const label: Record<Field, string> = {
    parentId: t('admin.unitParent'),
    code: t('admin.unitCode'),
    name: t('admin.unitName'),
    nameEn: t('admin.unitNameEn'),
    kind: t('admin.unitKind'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = UnitCreate.safeParse(toBody(values));
    const found: Partial<Record<Field, string>> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        if (found[field]) continue;
        found[field] =
          field === 'code' && values.code.trim() !== ''
            ? t('admin.unitValidation.code')
            : t('admin.validation.required', { field: label[field] });
      }
    }
    setIssues(found);
    if (Object.keys(found).length === 0) create.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>{create.isSuccess ? t('admin.unitCreated', { name: create.data.name }) : null}</StatusMessage>
      {create.error && <ProblemAlert error={create.error} shownFields={Object.keys(label)} />}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <UnitSelect
            label={label.parentId}
            units={units}
            emptyOption={t('admin.unitParentNone')}
            value={values.parentId}
            onChange={(e) => set('parentId', e.currentTarget.value)}
            error={error('parentId')}
          />
          <NativeSelect
            label={label.kind}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as UnitKind)}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.unitKinds.${k}`) }))}
            error={error('kind')}
          />
          <TextInput
            label={label.name}
            required
            maxLength={100}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={error('name')}
          />
          <TextInput
            label={label.nameEn}
            required
            maxLength={200}
            lang="en"
            value={values.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={error('nameEn')}
          />
          <TextInput
            label={label.code}
            description={t('admin.unitCodeHint')}
            required
            maxLength={40}
            autoComplete="off"
            value={values.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={error('code')}
          />
        </SimpleGrid>
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('admin.unitSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
