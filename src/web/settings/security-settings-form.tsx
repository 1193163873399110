import { Button, Checkbox, NumberInput, SimpleGrid } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecuritySettings } from '../../shared/api/security.schema.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { queryKeys } from '../data/query-keys.js';
import { putSecuritySettings } from '../data/settings.api.js';
import { useSaveSetting } from './use-settings-form.js';

/** The bounds of each number, as the shared schema has them. */
const NUMBERS = [
  ['passwordResetMinutes', 10, 1440],
  ['externalAccountMaxDays', 1, 366],
  ['accountReviewIntervalMonths', 1, 12],
  ['accountReviewDueWorkingDays', 1, 30],
  ['auditRetentionYears', 3, 30],
] as const;

/** Second factor for administrators, reset links, external accounts, account reviews, audit retention. */
export function SecuritySettingsForm({ initial }: { initial: SecuritySettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [settings, setSettings] = useState(initial);
  const { mutation, saved } = useSaveSetting('security', putSecuritySettings);
  const server = useProblemText(mutation.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Requiring the second factor may hold the administrator saving it on the account page.
    mutation.mutate(settings, { onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.session }) });
  };
  return (
    <form onSubmit={onSubmit}>
      <StatusMessage>{saved ? t('settings.saved', { section: t('settings.sectionSecurity') }) : null}</StatusMessage>
      {mutation.isError && <ProblemAlert error={mutation.error} shownFields={NUMBERS.map(([key]) => key)} />}
      <Checkbox
        mb="md"
        label={t('settings.security.mfaRequiredForAdmins')}
        description={t('settings.security.mfaRequiredForAdminsHint')}
        checked={settings.mfaRequiredForAdmins}
        onChange={(e) => setSettings({ ...settings, mfaRequiredForAdmins: e.currentTarget.checked })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {NUMBERS.map(([key, min, max]) => (
          <NumberInput
            key={key}
            label={t(`settings.security.${key}`)}
            description={t('settings.security.range', { min, max })}
            value={settings[key]}
            onChange={(value) => setSettings({ ...settings, [key]: typeof value === 'number' ? value : min })}
            min={min}
            max={max}
            allowDecimal={false}
            clampBehavior="strict"
            required
            error={server.fields[key]}
          />
        ))}
      </SimpleGrid>
      <Button type="submit" mt="md" loading={mutation.isPending}>
        {t('settings.save')}
      </Button>
    </form>
  );
}
