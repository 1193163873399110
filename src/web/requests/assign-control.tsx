import { Button, Group, NativeSelect } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../shared/api/request.schema.js';
import { useAssignees } from '../data/queries.js';
import { queryKeys } from '../data/query-keys.js';
import { assignRequest } from '../data/requests.api.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { useLabels } from '../i18n/labels.js';
import { StatusMessage } from '../components/status-message.js';

/** Chooses who works on the request (shown when the request's `can.assign` allows). */
export function AssignControl({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const assignees = useAssignees(true);
  const [choice, setChoice] = useState(request.assignee?.id ?? '');
  const assign = useMutation({
    mutationFn: () => assignRequest(request.id, choice === '' ? null : choice),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.request(request.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests, refetchType: 'none' });
    },
  });
  // The current assignee stays choosable even if they no longer hold a handler role.
  const options = assignees.data ?? [];
  const current = request.assignee;
  const data = [
    { value: '', label: t('detail.assign.unassigned') },
    ...(current && !options.some((u) => u.id === current.id)
      ? [{ value: current.id, label: current.displayName }]
      : []),
    ...options.map((u) => ({ value: u.id, label: labels.qualified(u.displayName, u.unitName ?? u.username) })),
  ];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate();
  };
  return (
    <form onSubmit={onSubmit}>
      <StatusMessage>{assign.isSuccess ? t('detail.assign.saved') : null}</StatusMessage>
      {assign.error && <ProblemAlert error={assign.error} />}
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('detail.assign.label')}
          value={choice}
          onChange={(e) => {
            setChoice(e.currentTarget.value);
            assign.reset();
          }}
          data={data}
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit" loading={assign.isPending}>
          {t('detail.assign.submit')}
        </Button>
      </Group>
    </form>
  );
}
