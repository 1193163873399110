import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../shared/api/request.schema.js';
import { LIFECYCLE_ACTION_NAMES, LIFECYCLE_ACTIONS, type LifecycleAction } from '../../shared/lifecycle-actions.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { queryKeys } from '../data/query-keys.js';
import { takeAction } from '../data/requests.api.js';
import { useLabels } from '../i18n/labels.js';

/** Steps that must say why, so the form can tell at once; the server checks again. */
const NOTE_REQUIRED: readonly LifecycleAction[] = LIFECYCLE_ACTION_NAMES.filter(
  (a) => LIFECYCLE_ACTIONS[a].noteRequired,
);

/** Steps that end or turn back the request, drawn as such. */
const BACKWARD: readonly LifecycleAction[] = ['reject', 'reopen', 'cancel'];

/** The life-cycle steps the person may take now (`can.actions`), with a note for the history. */
export function LifecycleActions({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [missingFor, setMissingFor] = useState<LifecycleAction | null>(null);
  const act = useMutation({
    mutationFn: (action: LifecycleAction) => takeAction(request.id, action, note),
    onSuccess: (updated) => {
      setNote('');
      queryClient.setQueryData(queryKeys.request(request.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests, refetchType: 'none' });
    },
  });
  const server = useProblemText(act.error);

  const run = (action: LifecycleAction) => {
    if (NOTE_REQUIRED.includes(action) && note.trim() === '') {
      setMissingFor(action);
      return;
    }
    if (action === 'cancel' && !window.confirm(t('detail.actions.confirmCancel'))) return;
    setMissingFor(null);
    act.mutate(action);
  };

  return (
    <Stack gap="sm">
      <StatusMessage>
        {act.isSuccess && act.variables
          ? t('detail.actions.done', { action: labels.action(act.variables), status: labels.status(act.data.status) })
          : null}
      </StatusMessage>
      {act.error && <ProblemAlert error={act.error} shownFields={['note']} />}
      {request.can.actions.length > 0 && (
        <>
          <Textarea
            label={t('detail.actions.note')}
            description={t('detail.actions.noteHint')}
            autosize
            minRows={2}
            maxLength={5000}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setMissingFor(null);
            }}
            error={
              missingFor ? t('detail.actions.noteRequired', { action: labels.action(missingFor) }) : server.fields.note
            }
          />
          <Text size="sm">{t('detail.actions.intro')}</Text>
          <Group gap="sm">
            {request.can.actions.map((action) => (
              <Button
                key={action}
                variant={BACKWARD.includes(action) ? 'outline' : action === 'wait' ? 'default' : 'filled'}
                color={BACKWARD.includes(action) ? 'red.9' : undefined}
                loading={act.isPending && act.variables === action}
                disabled={act.isPending && act.variables !== action}
                onClick={() => run(action)}
              >
                {labels.action(action)}
              </Button>
            ))}
          </Group>
        </>
      )}
    </Stack>
  );
}
