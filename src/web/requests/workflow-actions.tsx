import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailableAction, RequestDetail } from '../../shared/api/request.schema.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { queryKeys } from '../data/query-keys.js';
import { takeAction } from '../data/requests.api.js';
import { SchemaForm, useSchemaIssueMessages } from '../forms/schema-form.js';
import { describeSchema, initialValues, toSubmission, validateValues, type Values } from '../forms/schema-model.js';
import { useLabels } from '../i18n/labels.js';
import { problemFieldMessages } from '../lib/problem-text.js';

/**
 * The workflow actions the person may take now (`workflow.actions`, issue 3): one button each; the
 * chosen one opens its fields, rendered from its JSON Schema, and is sent with them. A stop-gap
 * until the request page is rebuilt on the workflows.
 */
export function WorkflowActions({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const formId = useId();
  const actions = request.workflow?.actions ?? [];
  const [chosen, setChosen] = useState<AvailableAction | null>(null);
  const [values, setValues] = useState<Values>({});
  const [attempted, setAttempted] = useState(false);
  const issueMessages = useSchemaIssueMessages();
  const model = useMemo(() => (chosen ? describeSchema(chosen.fields).root : null), [chosen]);

  const act = useMutation({
    mutationFn: (input: { action: AvailableAction; fields: Values }) =>
      takeAction(request.id, input.action.name, input.fields),
    onSuccess: (updated) => {
      setChosen(null);
      setAttempted(false);
      queryClient.setQueryData(queryKeys.request(request.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests, refetchType: 'none' });
    },
  });

  const choose = (action: AvailableAction) => {
    act.reset();
    setChosen(action);
    setAttempted(false);
    setValues(initialValues(describeSchema(action.fields).root));
  };

  const issues = model && attempted ? validateValues(model, values) : [];
  const errors = { ...problemFieldMessages(act.error, labels.language), ...issueMessages(issues) };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !model) return;
    setAttempted(true);
    if (validateValues(model, values).length > 0) return;
    act.mutate({ action: chosen, fields: toSubmission(model, values) });
  };

  return (
    <Stack gap="sm">
      <StatusMessage>
        {act.isSuccess
          ? t('detail.actions.done', {
              action: labels.localised(act.variables.action.label),
              status: labels.status(act.data.status),
            })
          : null}
      </StatusMessage>
      {act.error && <ProblemAlert error={act.error} shownFields={['fields']} />}
      {actions.length > 0 && (
        <>
          <Text size="sm">{t('detail.actions.chooseIntro')}</Text>
          <Group gap="sm">
            {actions.map((action) => (
              <Button
                key={action.name}
                variant={chosen?.name === action.name ? 'filled' : 'default'}
                aria-expanded={chosen?.name === action.name}
                aria-controls={formId}
                onClick={() => choose(action)}
              >
                {labels.localised(action.label)}
              </Button>
            ))}
          </Group>
        </>
      )}
      <div id={formId}>
        {chosen && (
          <Paper withBorder p="md" component="form" onSubmit={onSubmit} noValidate>
            <Title order={3} size="h4" mb="xs">
              {labels.localised(chosen.label)}
            </Title>
            {chosen.description && (
              <Text size="sm" mb="sm">
                {labels.localised(chosen.description)}
              </Text>
            )}
            {model && model.fields.length > 0 ? (
              <SchemaForm
                schema={chosen.fields}
                value={values}
                onChange={setValues}
                errors={errors}
                prefix="fields"
                idPrefix={`action-${chosen.name}`}
                disabled={act.isPending}
              />
            ) : (
              <Text size="sm">{t('detail.actions.noFields')}</Text>
            )}
            <Group gap="sm" mt="md">
              <Button type="submit" loading={act.isPending}>
                {t('detail.actions.submitAction', { action: labels.localised(chosen.label) })}
              </Button>
              <Button variant="default" onClick={() => setChosen(null)} disabled={act.isPending}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Paper>
        )}
      </div>
    </Stack>
  );
}
