import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeHours } from '../../shared/api/calendar.schema.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { putOfficeHours } from '../data/settings.api.js';
import { useSaveSetting } from './use-settings-form.js';

/** The periods of the working day in Taipei that service levels count. */
export function OfficeHoursForm({ initial }: { initial: OfficeHours }) {
  const { t } = useTranslation();
  const [periods, setPeriods] = useState(initial.periods);
  const { mutation, saved } = useSaveSetting('office-hours', putOfficeHours);
  const set = (index: number, key: 'start' | 'end', value: string) =>
    setPeriods(periods.map((p, i) => (i === index ? { ...p, [key]: value } : p)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ periods });
  };
  return (
    <form onSubmit={onSubmit}>
      <Text mb="sm">{t('settings.officeHoursIntro')}</Text>
      <StatusMessage>{saved ? t('settings.saved', { section: t('settings.sectionOfficeHours') }) : null}</StatusMessage>
      {mutation.isError && <ProblemAlert error={mutation.error} />}
      <Stack gap="xs">
        {periods.map((period, i) => (
          <Group key={i} align="flex-end" gap="sm">
            <TextInput
              type="time"
              label={t('settings.periodStart', { index: i + 1 })}
              value={period.start}
              onChange={(e) => set(i, 'start', e.currentTarget.value)}
              required
            />
            <TextInput
              type="time"
              label={t('settings.periodEnd', { index: i + 1 })}
              value={period.end}
              onChange={(e) => set(i, 'end', e.currentTarget.value)}
              required
            />
            {periods.length > 1 && (
              <Button variant="outline" color="red.9" onClick={() => setPeriods(periods.filter((_, j) => j !== i))}>
                {t('settings.removePeriod', { index: i + 1 })}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <Group mt="md" gap="sm">
        {periods.length < 6 && (
          <Button variant="default" onClick={() => setPeriods([...periods, { start: '13:30', end: '17:30' }])}>
            {t('settings.addPeriod')}
          </Button>
        )}
        <Button type="submit" loading={mutation.isPending}>
          {t('settings.save')}
        </Button>
      </Group>
    </form>
  );
}
