import { Stack, Text, Title } from '@mantine/core';
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../shared/api/request.schema.js';
import type { RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import { DateTimeText } from '../components/date-text.js';
import { describeSchema, type FieldModel } from '../forms/schema-model.js';
import { RecordedValue } from '../forms/schema-values.js';
import { useLabels } from '../i18n/labels.js';
import { RECORD_FIELD_LABELS, RECORD_VALUE_LABELS } from './record-labels.js';
import { attachment1Layout, recordedSteps, type RecordedStep } from './workflow-record.js';

type Props = {
  request: RequestDetail;
  /** The type at the request's version: which printed form lays the records out. */
  typeInfo: RequestTypeInfo | undefined;
};

/**
 * What the workflow's steps recorded (issue 3), readable: for the types filed on 附件一 its blocks
 * (科長、組室副主管、組室主管 sign-offs; the opinions of 承辦人、資訊承辦人、科長、副組長、組長; the
 * handling; the requester's confirmation), each with who and when; every other record after them,
 * named by the action that filed it.
 */
export function RecordedSteps({ request, typeInfo }: Props) {
  const { t } = useTranslation();
  const workflow = request.workflow;
  const steps = useMemo(
    () => (workflow ? recordedSteps(workflow.data, request.history) : []),
    [workflow, request.history],
  );
  if (steps.length === 0) return <Text>{t('record.empty')}</Text>;
  const form1 = typeInfo?.filing.document === 'attachment_1';
  const { groups, rest } = form1 ? attachment1Layout(steps) : { groups: [], rest: steps };
  return (
    <Stack gap="md">
      {groups.map((g) => (
        <RecordGroup key={g.group} title={t(`record.groups.${g.group}`)}>
          {g.items.map(({ block, step }) => (
            <RecordItem key={step.path} title={t(`record.blocks.${block}`)} step={step} request={request} />
          ))}
        </RecordGroup>
      ))}
      {rest.length > 0 && (
        <RecordGroup title={form1 ? t('record.otherSteps') : t('record.steps')}>
          {rest.map((step) => (
            <RecordItem key={step.path} step={step} request={request} />
          ))}
        </RecordGroup>
      )}
    </Stack>
  );
}

function RecordGroup({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb={6}>
        {title}
      </Title>
      <ul className="record-list">{children}</ul>
    </section>
  );
}

/** The printed forms' order (opinion first), the others after them: the data keeps no order of its own. */
const KNOWN_FIELDS = Object.keys(RECORD_FIELD_LABELS);
const FIELD_RANK = (name: string) => {
  const i = KNOWN_FIELDS.indexOf(name);
  return i === -1 ? KNOWN_FIELDS.length : i;
};

/** One record: its title (the 附件一 block, else the action), who and when, and what was filled in. */
function RecordItem({ title, step, request }: { title?: string; step: RecordedStep; request: RequestDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const field = useFieldOf(request, step.action?.name ?? null);
  const heading = title ?? (step.action?.label ? labels.localised(step.action.label) : step.path);
  const entries = Object.entries(step.fields)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .sort(([a], [b]) => FIELD_RANK(a) - FIELD_RANK(b));
  return (
    <li>
      <Text fw={700}>{heading}</Text>
      <Text size="sm">
        {step.byName ?? t('detail.history.system')}
        {step.at && (
          <>
            {' · '}
            <DateTimeText value={step.at} />
          </>
        )}
      </Text>
      {entries.length > 0 ? (
        <dl className="field-list record-fields">
          {entries.map(([key, value]) => {
            const model = field(key);
            return (
              <FieldEntry key={key} label={fieldLabel(model, key)}>
                {model ? <RecordedValue field={model} value={value} /> : <KnownValue name={key} value={value} />}
              </FieldEntry>
            );
          })}
        </dl>
      ) : (
        <Text size="sm">{t('record.nothingFilled')}</Text>
      )}
    </li>
  );

  function fieldLabel(model: FieldModel | null, key: string): string {
    if (model?.label) return labels.localised(model.label);
    const known = RECORD_FIELD_LABELS[key];
    return known ? labels.localised(known) : key;
  }
}

/** A value without its schema: a choice of the printed forms by its label, anything else as it is. */
function KnownValue({ name, value }: { name: string; value: unknown }) {
  const labels = useLabels();
  const choice = RECORD_VALUE_LABELS[name]?.[String(value)];
  return choice ? <>{labels.localised(choice)}</> : <RecordedValue field={null} value={value} />;
}

function FieldEntry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * The field of an action's schema when the page has it: the schemas of the actions the viewer may
 * take now. The catalogue gives only the actions' labels (see the report on RequestTypeInfo), so
 * for the other records the labels of the printed forms' boxes (record-labels.ts) stand in.
 */
function useFieldOf(request: RequestDetail, action: string | null) {
  const available = request.workflow?.actions.find((a) => a.name === action);
  const model = useMemo(() => (available ? describeSchema(available.fields).root : null), [available]);
  return (key: string): FieldModel | null => model?.fields.find((f) => f.name === key) ?? null;
}
