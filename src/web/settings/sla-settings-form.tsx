import { Button, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { putSlaSettings, type SlaSettings } from '../data/settings.api.js';
import { useSaveSetting } from './use-settings-form.js';

/** "75, 90" → [0.75, 0.9]; null when any part is not a percentage between 1 and 99. */
export function parseThresholds(text: string): number[] | null {
  const parts = text
    .split(/[,，、\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length > 5) return null;
  const values = parts.map(Number);
  if (values.some((v) => !Number.isFinite(v) || v < 1 || v > 99)) return null;
  return values.map((v) => Math.round(v * 100) / 10_000).sort((a, b) => a - b);
}

/** Warning thresholds and the chasing interval of the service-level clocks (SLA-3). */
export function SlaSettingsForm({ initial }: { initial: SlaSettings }) {
  const { t } = useTranslation();
  const [thresholds, setThresholds] = useState(
    initial.warningThresholds.map((v) => String(Math.round(v * 1000) / 10)).join(', '),
  );
  const [interval, setInterval] = useState<number | string>(initial.chaseIntervalMinutes);
  const [invalid, setInvalid] = useState(false);
  const { mutation, saved } = useSaveSetting('sla', putSlaSettings);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseThresholds(thresholds);
    setInvalid(parsed === null);
    if (parsed) mutation.mutate({ warningThresholds: parsed, chaseIntervalMinutes: Number(interval) });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>{saved ? t('settings.saved', { section: t('settings.sectionSla') }) : null}</StatusMessage>
      {mutation.isError && <ProblemAlert error={mutation.error} shownFields={[]} />}
      <Stack gap="sm" maw={480}>
        <TextInput
          label={t('settings.warningThresholds')}
          description={t('settings.warningThresholdsHint')}
          value={thresholds}
          onChange={(e) => setThresholds(e.currentTarget.value)}
          error={invalid ? t('settings.invalidThresholds') : undefined}
        />
        <NumberInput
          label={t('settings.chaseInterval')}
          description={t('settings.chaseIntervalHint')}
          value={interval}
          onChange={setInterval}
          min={5}
          max={10080}
          allowDecimal={false}
          required
        />
      </Stack>
      <Button type="submit" mt="md" loading={mutation.isPending}>
        {t('settings.save')}
      </Button>
    </form>
  );
}
