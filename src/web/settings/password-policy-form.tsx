import { Button, Checkbox, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordPolicy } from '../../shared/api/auth.schema.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { putPasswordPolicy } from '../data/settings.api.js';
import { useSaveSetting } from './use-settings-form.js';

const NUMBERS = [
  ['minLength', 8, 64],
  ['maxAgeDays', 0, 365],
  ['historyCount', 0, 24],
  ['lockoutThreshold', 3, 10],
] as const;
const FLAGS = ['requireUpper', 'requireLower', 'requireDigit', 'requireSymbol'] as const;

/** The agency's password policy (SEC-1); the server applies it. */
export function PasswordPolicyForm({ initial }: { initial: PasswordPolicy }) {
  const { t } = useTranslation();
  const [policy, setPolicy] = useState(initial);
  const { mutation, saved } = useSaveSetting('password-policy', putPasswordPolicy);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(policy);
  };
  return (
    <form onSubmit={onSubmit}>
      <StatusMessage>
        {saved ? t('settings.saved', { section: t('settings.sectionPasswordPolicy') }) : null}
      </StatusMessage>
      {mutation.isError && <ProblemAlert error={mutation.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {NUMBERS.map(([key, min, max]) => (
          <NumberInput
            key={key}
            label={t(`settings.policy.${key}`)}
            value={policy[key]}
            onChange={(value) => setPolicy({ ...policy, [key]: typeof value === 'number' ? value : min })}
            min={min}
            max={max}
            allowDecimal={false}
            required
          />
        ))}
      </SimpleGrid>
      <Stack gap="xs" mt="md">
        {FLAGS.map((key) => (
          <Checkbox
            key={key}
            label={t(`settings.policy.${key}`)}
            checked={policy[key]}
            onChange={(e) => setPolicy({ ...policy, [key]: e.currentTarget.checked })}
          />
        ))}
      </Stack>
      <Button type="submit" mt="md" loading={mutation.isPending}>
        {t('settings.save')}
      </Button>
    </form>
  );
}
