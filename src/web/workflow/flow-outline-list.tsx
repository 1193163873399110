import { Text } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowGraph, RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import { useLabels } from '../i18n/labels.js';
import { flowOutline, type OutlineExit, type OutlineItem } from './flow-outline.js';

type Props = {
  graph: FlowGraph;
  title: string;
  actions?: RequestTypeInfo['actions'] | undefined;
  active: ReadonlySet<string>;
};

/** The flow as an ordered list of steps, each with its actions and where they lead (the diagram's text alternative). */
export function FlowOutlineList({ graph, title, actions, active }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const items = useMemo(() => flowOutline(graph), [graph]);
  const initial = graph.nodes.find((n) => n.id === graph.initial);
  return (
    <div className="flow-outline">
      <Text fw={700} id={headingId}>
        {t('workflow.outlineTitle', { title })}
      </Text>
      {initial && (
        <Text size="sm" mb="xs">
          {t('workflow.startsAt', { step: labels.localised(initial.label) })}
        </Text>
      )}
      <Steps items={items} actions={actions} active={active} labelledBy={headingId} />
    </div>
  );
}

function Steps({
  items,
  actions,
  active,
  labelledBy,
}: {
  items: OutlineItem[];
  actions: RequestTypeInfo['actions'] | undefined;
  active: ReadonlySet<string>;
  labelledBy?: string;
}) {
  return (
    <ol className="flow-outline-steps" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <Step key={item.node.id} item={item} actions={actions} active={active} />
      ))}
    </ol>
  );
}

function Step({
  item,
  actions,
  active,
}: {
  item: OutlineItem;
  actions: RequestTypeInfo['actions'] | undefined;
  active: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { node } = item;
  const current = active.has(node.id);
  const notes = [
    labels.status(node.status),
    node.steps.length > 0 ? t('workflow.handbookSteps', { steps: labels.list(node.steps) }) : null,
  ].filter((n): n is string => n !== null);
  const actionLabel = (name: string) => (actions?.[name] ? labels.localised(actions[name].label) : name);
  return (
    <li aria-current={current ? 'step' : undefined} data-state={node.id}>
      <span className={current ? 'flow-outline-current' : undefined}>
        <strong>{labels.localised(node.label)}</strong>
        {current && <strong className="flow-outline-marker">{t('workflow.currentStep')}</strong>}
      </span>{' '}
      <span>{labels.language === 'en' ? `(${notes.join('; ')})` : `（${notes.join('；')}）`}</span>
      {node.kind === 'parallel' && <div>{t('workflow.parallelNote')}</div>}
      {node.kind === 'compound' && <div>{t('workflow.compoundNote')}</div>}
      {node.kind === 'final' && node.parent === null && <div>{t('workflow.finalNote')}</div>}
      {node.kind === 'final' && node.parent !== null && <div>{t('workflow.partDoneNote')}</div>}
      {(item.exits.length > 0 || item.stays.length > 0) && (
        <ul className="flow-outline-exits">
          {item.exits.map((exit, i) => (
            <li key={i}>
              <ExitText exit={exit} />
            </li>
          ))}
          {item.stays.map((name) => (
            <li key={name}>{t('workflow.stays', { action: actionLabel(name) })}</li>
          ))}
        </ul>
      )}
      {item.children.length > 0 && <Steps items={item.children} actions={actions} active={active} />}
    </li>
  );
}

function ExitText({ exit }: { exit: OutlineExit }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { edge, to } = exit;
  const how =
    edge.kind === 'always'
      ? t('workflow.exitAutomatic', { label: labels.localised(edge.label) })
      : edge.kind === 'done'
        ? t('workflow.exitDone', { label: labels.localised(edge.label) })
        : t('workflow.exitAction', { label: labels.localised(edge.label) });
  return (
    <>
      {how} → {labels.localised(to.label)}
      {edge.conditional && t('workflow.conditional')}
    </>
  );
}
