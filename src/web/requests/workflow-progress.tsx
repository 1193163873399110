import { Center, List, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkflowPosition } from '../../shared/api/request.schema.js';
import type { RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { useLabels } from '../i18n/labels.js';
import { FlowDiagram } from '../workflow/flow-diagram.js';
import { currentSteps, stageNode, stepText } from './workflow-steps.js';

type Props = {
  workflow: WorkflowPosition;
  /** The request's type at its own definition version (null while it loads). */
  typeInfo: RequestTypeInfo | undefined;
  typeError: unknown;
  onRetry: () => void;
};

/**
 * Where the request stands (issue 3): the current step or steps, the stage and who holds it, and the
 * type's flow as a diagram with the current step marked, at the version the request runs on.
 */
export function WorkflowProgress({ workflow, typeInfo, typeError, onRetry }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const graph = typeInfo?.graph;
  const steps = currentSteps(workflow.active, graph);
  const stage = workflow.stage && graph ? stageNode(graph, workflow.stage) : undefined;
  const name = (step: (typeof steps)[number]) => stepText(step, graph, labels.language);
  return (
    <Stack gap="sm">
      <dl className="field-list">
        <dt>{t('detail.flow.current')}</dt>
        <dd>
          {steps.length === 1 && steps[0] ? (
            <strong>{name(steps[0])}</strong>
          ) : (
            <List size="sm" spacing={2}>
              {steps.map((step) => (
                <List.Item key={step.id}>
                  <strong>{name(step)}</strong>
                </List.Item>
              ))}
            </List>
          )}
        </dd>
        {workflow.stage && (
          <>
            <dt>{t('detail.flow.stage')}</dt>
            <dd>{stage ? labels.localised(stage.label) : workflow.stage}</dd>
            <dt>{t('detail.flow.stageAssignee')}</dt>
            <dd>{workflow.stageAssignee?.displayName ?? t('detail.flow.stageUnassigned')}</dd>
          </>
        )}
        <dt>{t('detail.flow.version')}</dt>
        <dd>{t('catalogue.versionValue', { version: workflow.version })}</dd>
      </dl>
      {typeInfo ? (
        <FlowDiagram
          graph={typeInfo.graph}
          title={labels.localised(typeInfo.title)}
          actions={typeInfo.actions}
          activeIds={workflow.active.map((a) => a.id)}
        />
      ) : typeError ? (
        <ProblemAlert error={typeError} onRetry={onRetry} />
      ) : (
        <Center py="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
    </Stack>
  );
}
