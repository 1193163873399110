import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailableAction, RequestDetail } from '../../shared/api/request.schema.js';
import type { FlowGraph } from '../../shared/api/workflow.schema.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { queryKeys } from '../data/query-keys.js';
import { takeAction } from '../data/requests.api.js';
import { schemaFieldId, SchemaForm, useSchemaIssueMessages } from '../forms/schema-form.js';
import {
  describeSchema,
  initialValues,
  showsPath,
  toSubmission,
  validateValues,
  type Values,
} from '../forms/schema-model.js';
import { useLabels } from '../i18n/labels.js';
import { problemFieldMessages } from '../lib/problem-text.js';
import { currentSteps, stepText } from './workflow-steps.js';

type Props = {
  request: RequestDetail;
  /** The request's flow, to name the step it reaches after an action. */
  graph?: FlowGraph | undefined;
};

/** The id prefix of an action's fields, for links and focus. */
const fieldsId = (action: string) => `action-${action}`;

/**
 * The workflow actions the person may take now (`workflow.actions`, issue 3): one button each, with
 * its description and the handbook's steps; the chosen one opens a dialog with its fields, rendered
 * from its JSON Schema, checked in the browser and sent. Success is announced and focus comes back
 * to the section, whose actions have changed.
 */
export function WorkflowActions({ request, graph }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)');
  const actions = request.workflow?.actions ?? [];
  const [chosen, setChosen] = useState<AvailableAction | null>(null);
  const [values, setValues] = useState<Values>({});
  const [attempted, setAttempted] = useState(false);
  const issueMessages = useSchemaIssueMessages();
  const model = useMemo(() => (chosen ? describeSchema(chosen.fields).root : null), [chosen]);
  const status = useRef<HTMLDivElement>(null);
  const problem = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // Where the focus goes once the dialog has gone: back to its button, or to the message of success
  // (the button is usually gone then, the request having moved on).
  const trigger = useRef<HTMLButtonElement | null>(null);
  const focusAfter = useRef<'trigger' | 'status'>('trigger');

  const act = useMutation({
    mutationFn: (input: { action: AvailableAction; fields: Values }) =>
      takeAction(request.id, input.action.name, input.fields),
    onSuccess: (updated) => {
      setChosen(null);
      setAttempted(false);
      queryClient.setQueryData(queryKeys.request(request.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
      focusAfter.current = 'status';
    },
    onError: () => requestAnimationFrame(() => problem.current?.focus()),
  });

  const choose = (action: AvailableAction, button: HTMLButtonElement) => {
    trigger.current = button;
    focusAfter.current = 'trigger';
    act.reset();
    setChosen(action);
    setAttempted(false);
    setValues(initialValues(describeSchema(action.fields).root));
  };
  const close = () => {
    if (!act.isPending) setChosen(null);
  };
  /**
   * Into the first field once the dialog is open (the focus trap starts on its close button); a
   * frame later, as without a transition the dialog calls this before its content is there.
   */
  const focusFirstField = () =>
    requestAnimationFrame(() => {
      const first = form.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select');
      first?.focus();
    });
  const restoreFocus = () => {
    const button = trigger.current;
    if (focusAfter.current === 'trigger' && button?.isConnected) button.focus();
    else status.current?.focus();
  };

  const issues = model && attempted ? validateValues(model, values) : [];
  const server = problemFieldMessages(act.error, labels.language);
  const errors = { ...server, ...issueMessages(issues) };
  const fieldsShown =
    model !== null &&
    Object.keys(server).every((p) => p.startsWith('fields.') && showsPath(model, values, p.slice('fields.'.length)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !model) return;
    setAttempted(true);
    const found = validateValues(model, values);
    if (found[0]) {
      const id = schemaFieldId(fieldsId(chosen.name), found[0].path);
      requestAnimationFrame(() => document.getElementById(id)?.focus());
      return;
    }
    act.mutate({ action: chosen, fields: toSubmission(model, values) });
  };

  const done =
    act.isSuccess && act.data.workflow
      ? [
          t('detail.actions.done', {
            action: labels.localised(act.variables.action.label),
            status: labels.status(act.data.status),
          }),
          t('detail.actions.nowAt', {
            steps: labels.list(
              currentSteps(act.data.workflow.active, graph).map((step) => stepText(step, graph, labels.language)),
            ),
          }),
        ].join(' ')
      : null;

  return (
    <Stack gap="sm">
      <div ref={status} tabIndex={-1} className="focus-target">
        <StatusMessage>{done}</StatusMessage>
      </div>
      {actions.length === 0 ? (
        <Text size="sm">{t('detail.actions.none')}</Text>
      ) : (
        <>
          <Text size="sm">{t('detail.actions.chooseIntro')}</Text>
          <ul className="action-list">
            {actions.map((action) => (
              <li key={action.name}>
                <Button
                  aria-haspopup="dialog"
                  onClick={(e) => choose(action, e.currentTarget)}
                  style={{ whiteSpace: 'normal' }}
                  h="auto"
                  mih={36}
                  py={6}
                >
                  {labels.localised(action.label)}
                </Button>
                {action.description && (
                  <Text size="sm" mt={4}>
                    {labels.localised(action.description)}
                  </Text>
                )}
                {action.steps.length > 0 && (
                  <Text size="xs" mt={2} c="#495057">
                    {t('detail.actions.steps', { steps: labels.list(action.steps) })}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <Modal
        opened={chosen !== null}
        onClose={close}
        title={chosen ? labels.localised(chosen.label) : ''}
        size="lg"
        fullScreen={phone === true}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
        returnFocus={false}
        transitionProps={{ onEntered: focusFirstField, onExited: restoreFocus }}
      >
        {chosen && (
          <form ref={form} onSubmit={onSubmit} noValidate>
            {chosen.description && <Text size="sm">{labels.localised(chosen.description)}</Text>}
            {chosen.steps.length > 0 && (
              <Text size="xs" c="#495057">
                {t('detail.actions.steps', { steps: labels.list(chosen.steps) })}
              </Text>
            )}
            <div ref={problem} tabIndex={-1} className="focus-target" style={{ marginTop: 12 }}>
              {act.error && <ProblemAlert error={act.error} shownFields={fieldsShown ? ['fields'] : []} />}
            </div>
            {model && model.fields.length > 0 ? (
              <SchemaForm
                schema={chosen.fields}
                value={values}
                onChange={setValues}
                errors={errors}
                prefix="fields"
                idPrefix={fieldsId(chosen.name)}
                disabled={act.isPending}
              />
            ) : (
              <Text size="sm">{t('detail.actions.noFields')}</Text>
            )}
            <Group gap="sm" mt="lg">
              <Button type="submit" loading={act.isPending}>
                {t('detail.actions.submitAction', { action: labels.localised(chosen.label) })}
              </Button>
              <Button variant="default" onClick={close} disabled={act.isPending}>
                {t('common.cancel')}
              </Button>
            </Group>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
