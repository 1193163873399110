import { Button, Center, Checkbox, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_KINDS, NOTICE_LABELS, type NoticeKind } from '../../shared/notice-kinds.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { getPreferences, setPreferences, type Preference } from '../data/notifications.api.js';
import { queryKeys } from '../data/query-keys.js';
import { useLabels } from '../i18n/labels.js';

/** Which notices also reach me by mail. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const preferences = useQuery({ queryKey: queryKeys.preferences, queryFn: getPreferences });
  if (preferences.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (preferences.isError) return <ProblemAlert error={preferences.error} onRetry={() => void preferences.refetch()} />;
  return <PreferencesForm initial={preferences.data} />;
}

function PreferencesForm({ initial }: { initial: readonly Preference[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [byMail, setByMail] = useState<NoticeKind[]>(initial.filter((p) => p.byMail).map((p) => p.kind));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: setPreferences,
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.preferences, next);
      setSaved(true);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(NOTICE_KINDS.map((kind) => ({ kind, byMail: byMail.includes(kind) })));
  };
  return (
    <form onSubmit={onSubmit}>
      <Text mb="sm">{t('notifications.preferencesIntro')}</Text>
      <StatusMessage>{saved ? t('notifications.preferencesSaved') : null}</StatusMessage>
      {save.isError && <ProblemAlert error={save.error} />}
      <Checkbox.Group
        label={t('notifications.preferencesLegend')}
        value={byMail}
        onChange={(value) => setByMail(value as NoticeKind[])}
      >
        <Stack gap="xs" mt="xs">
          {NOTICE_KINDS.map((kind) => (
            <Checkbox key={kind} value={kind} label={labels.localised(NOTICE_LABELS[kind])} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Button type="submit" mt="md" loading={save.isPending}>
        {t('notifications.savePreferences')}
      </Button>
    </form>
  );
}
