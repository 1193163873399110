import { Button, Center, Loader, SimpleGrid, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowUnits } from '../../shared/api/workflow.schema.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { UnitSelect } from '../components/unit-select.js';
import { useUnits } from '../data/queries.js';
import { putWorkflowUnits } from '../data/settings.api.js';
import { useSaveSetting } from './use-settings-form.js';

/**
 * The units some workflow steps belong to (issue 3): the IT section that serves requests
 * (資訊服務科: its chief's opinions, its division's supervision) and the business unit that checks
 * vendor applications (工商外貿科, TYPE-7).
 */
export function WorkflowUnitsForm({ initial }: { initial: WorkflowUnits }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [value, setValue] = useState(initial);
  const { mutation, saved } = useSaveSetting('workflow-units', putWorkflowUnits);
  const server = useProblemText(mutation.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(value);
  };
  if (units.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (units.isError) return <ProblemAlert error={units.error} onRetry={() => void units.refetch()} />;
  return (
    <form onSubmit={onSubmit}>
      <Text mb="sm">{t('settings.workflowUnits.intro')}</Text>
      <StatusMessage>
        {saved ? t('settings.saved', { section: t('settings.sectionWorkflowUnits') }) : null}
      </StatusMessage>
      {mutation.isError && <ProblemAlert error={mutation.error} shownFields={['serviceUnitId', 'businessUnitId']} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <UnitSelect
          label={t('settings.workflowUnits.serviceUnit')}
          description={t('settings.workflowUnits.serviceUnitHint')}
          units={units.data}
          emptyOption={t('settings.workflowUnits.serviceUnitNone')}
          value={value.serviceUnitId ?? ''}
          onChange={(e) => setValue({ ...value, serviceUnitId: e.currentTarget.value || null })}
          error={server.fields.serviceUnitId}
        />
        <UnitSelect
          label={t('settings.workflowUnits.businessUnit')}
          description={t('settings.workflowUnits.businessUnitHint')}
          units={units.data}
          emptyOption={t('settings.workflowUnits.businessUnitNone')}
          value={value.businessUnitId ?? ''}
          onChange={(e) => setValue({ ...value, businessUnitId: e.currentTarget.value || null })}
          error={server.fields.businessUnitId}
        />
      </SimpleGrid>
      <Button type="submit" mt="md" loading={mutation.isPending}>
        {t('settings.save')}
      </Button>
    </form>
  );
}
