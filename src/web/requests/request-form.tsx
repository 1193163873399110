import { Alert, Anchor, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../shared/api/auth.schema.js';
import type { Unit, UserSummary } from '../../shared/api/organisation.schema.js';
import type { RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import {
  REQUEST_PRIORITIES,
  REQUEST_TYPES,
  type RequestChannel,
  type RequestPriority,
  type RequestType,
} from '../../shared/request-vocabulary.js';
import { UnitSelect } from '../components/unit-select.js';
import { useLabels } from '../i18n/labels.js';
import { isIsoDate, rocDateLong } from '../lib/roc-date.js';
import { FilePicker } from './file-picker.js';
import { leadTimeShort, type RequestField, type RequestFormValues } from './request-form-values.js';

type Props = {
  me: Me;
  values: RequestFormValues;
  onChange: (values: RequestFormValues) => void;
  errors: Partial<Record<RequestField, string>>;
  units: readonly Unit[];
  users: readonly UserSummary[];
  files: readonly File[];
  onFiles: (files: File[]) => void;
  today: string;
  busy: boolean;
  /** The channels the chosen type may be filed through by this person (channelsFor). */
  channels: readonly RequestChannel[];
  /** The type's own fields (its `form`), placed after the common 附件一 fields. */
  typeSection?: ReactNode;
  /** Their values, for the lead time that depends on them (contract staff hardware). */
  typeValues?: Record<string, unknown>;
  /** What a type calls the common fields (a data-centre application: the planned move date, the reason). */
  wording?: FieldWording;
};

/** A type's own words for the wished date and the description, and a note instead of the file picker. */
export type FieldWording = {
  wishedDate?: { label: string; hint: string };
  description?: { label: string; hint: string };
  /** The files are given elsewhere (a data-centre application's checklist): this note replaces the picker. */
  filesNote?: string;
};

/** The input id of a field, so that the page can move focus to the first one at fault. */
export const fieldInputId = (field: RequestField) => `request-${field}`;

/** The fields of 000 附件一 that the applicant fills (INT-6). */
export function RequestFormFields(props: Props) {
  const { me, values, onChange, errors, units, users, files, onFiles, today, busy, channels, typeSection } = props;
  const wording = props.wording ?? {};
  const { t } = useTranslation();
  const labels = useLabels();
  const applicantHeading = useId();
  const requestHeading = useId();
  const filesHeading = useId();
  const set = <K extends RequestField>(key: K, value: RequestFormValues[K]) => onChange({ ...values, [key]: value });
  const onBehalf = me.abilities.fileOnBehalf;
  const unitUsers = users.filter((u) => u.unitId === values.unitId && !u.disabled);
  const rocHint = (date: string) => (isIsoDate(date) ? rocDateLong(date) : undefined);
  const shortBy = leadTimeShort(values.type, values.wishedDate, today, props.typeValues);
  const typeHint =
    values.type === 'equipment'
      ? `${t('form.leadTime.equipment')} ${t('form.leadTime.contractHardware')}`
      : values.type === 'relocation'
        ? t('form.leadTime.relocation')
        : undefined;

  const chooseApplicant = (userId: string) => {
    const user = users.find((u) => u.id === userId);
    onChange({ ...values, applicantUserId: userId, applicantName: user ? user.displayName : values.applicantName });
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby={applicantHeading}>
        <Title order={2} size="h3" id={applicantHeading} mb="sm">
          {t('form.sectionApplicant')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {onBehalf && (
            <NativeSelect
              id={fieldInputId('channel')}
              label={t('form.channel')}
              description={channels.length === 1 ? t('form.channelOnly') : t('form.channelHint')}
              value={values.channel}
              onChange={(e) => set('channel', e.currentTarget.value as RequestChannel)}
              data={channels.map((c) => ({ value: c, label: labels.channel(c) }))}
              error={errors.channel}
              disabled={busy}
            />
          )}
          {onBehalf ? (
            <UnitSelect
              id={fieldInputId('unitId')}
              label={t('form.unit')}
              required
              units={units}
              emptyOption=""
              value={values.unitId}
              onChange={(e) => onChange({ ...values, unitId: e.currentTarget.value, applicantUserId: '' })}
              error={errors.unitId}
              disabled={busy}
            />
          ) : (
            <TextInput
              id={fieldInputId('unitId')}
              label={t('form.unit')}
              value={me.unitName ?? ''}
              readOnly
              error={errors.unitId}
            />
          )}
          {onBehalf && (
            <NativeSelect
              id={fieldInputId('applicantUserId')}
              label={t('form.applicantAccount')}
              description={t('form.applicantAccountHint')}
              value={values.applicantUserId}
              onChange={(e) => chooseApplicant(e.currentTarget.value)}
              data={[
                { value: '', label: t('form.applicantAccountNone') },
                ...unitUsers.map((u) => ({ value: u.id, label: labels.qualified(u.displayName, u.username) })),
              ]}
              error={errors.applicantUserId}
              disabled={busy}
            />
          )}
          <TextInput
            id={fieldInputId('applicantName')}
            label={t('form.applicantName')}
            required={onBehalf}
            readOnly={!onBehalf}
            maxLength={100}
            autoComplete="name"
            value={values.applicantName}
            onChange={(e) => set('applicantName', e.currentTarget.value)}
            error={errors.applicantName}
            disabled={busy}
          />
          <TextInput
            id={fieldInputId('applicantPhone')}
            label={t('form.applicantPhone')}
            description={t('form.applicantPhoneHint')}
            required
            type="tel"
            autoComplete="tel"
            maxLength={30}
            value={values.applicantPhone}
            onChange={(e) => set('applicantPhone', e.currentTarget.value)}
            error={errors.applicantPhone}
            disabled={busy}
          />
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby={requestHeading}>
        <Title order={2} size="h3" id={requestHeading} mb="sm">
          {t('form.sectionRequest')}
        </Title>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              id={fieldInputId('priority')}
              label={t('form.priority')}
              description={t('form.priorityHint')}
              value={values.priority}
              onChange={(e) => set('priority', e.currentTarget.value as RequestPriority)}
              data={REQUEST_PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))}
              error={errors.priority}
              disabled={busy}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              id={fieldInputId('applicationDate')}
              label={t('form.applicationDate')}
              description={rocHint(values.applicationDate)}
              required
              type="date"
              value={values.applicationDate}
              onChange={(e) => set('applicationDate', e.currentTarget.value)}
              error={errors.applicationDate}
              disabled={busy}
            />
            <TextInput
              id={fieldInputId('wishedDate')}
              label={wording.wishedDate?.label ?? t('form.wishedDate')}
              description={
                wording.wishedDate
                  ? [wording.wishedDate.hint, rocHint(values.wishedDate)].filter(Boolean).join(' ')
                  : rocHint(values.wishedDate)
              }
              required
              type="date"
              min={values.applicationDate || undefined}
              value={values.wishedDate}
              onChange={(e) => set('wishedDate', e.currentTarget.value)}
              error={errors.wishedDate}
              disabled={busy}
            />
          </SimpleGrid>
          {typeHint && (
            <Alert color="govBlue" variant="light" role="note">
              {typeHint}
            </Alert>
          )}
          {shortBy !== null && !errors.wishedDate && (
            <Alert color="yellow" variant="light" role="status" styles={{ message: { color: '#5c3c00' } }}>
              {t('form.leadTimeShort', { days: shortBy })}
            </Alert>
          )}
          <TextInput
            id={fieldInputId('title')}
            label={t('form.title')}
            description={t('form.titleHint')}
            required
            maxLength={200}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            disabled={busy}
          />
          <Textarea
            id={fieldInputId('description')}
            label={wording.description?.label ?? t('form.description')}
            description={wording.description?.hint ?? t('form.descriptionHint')}
            required
            autosize
            minRows={6}
            maxLength={10000}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
            disabled={busy}
          />
        </Stack>
      </Paper>

      {typeSection}

      <Paper withBorder p="md" component="section" aria-labelledby={filesHeading}>
        <Title order={2} size="h3" id={filesHeading} mb="sm">
          {t('form.sectionAttachments')}
        </Title>
        {wording.filesNote ? (
          <Text size="sm">{wording.filesNote}</Text>
        ) : (
          <FilePicker label={t('form.attachments')} files={files} onChange={onFiles} disabled={busy} />
        )}
      </Paper>
    </Stack>
  );
}

type ChooserProps = {
  value: RequestType;
  onChange: (type: RequestType) => void;
  /** The catalogue (GET /api/request-types), to say which form the type prints. */
  types: readonly RequestTypeInfo[];
  /** The types offered: those this person may file here or is sent elsewhere for (see filingRoute). */
  offered: readonly RequestType[];
  error?: string | undefined;
  busy: boolean;
};

/** The first choice of the form, on which the rest depends: the request type (issue 3). */
export function RequestTypeChooser({ value, onChange, types, offered, error, busy }: ChooserProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const info = types.find((i) => i.type === value);
  // The chosen type stays listed even when it is not offered (a link named it), so the select shows it.
  const listed = REQUEST_TYPES.filter((type) => offered.includes(type) || type === value);
  const title = (type: RequestType) => {
    const entry = types.find((i) => i.type === type);
    return entry ? labels.localised(entry.title) : labels.type(type);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {t('form.sectionType')}
      </Title>
      <NativeSelect
        id={fieldInputId('type')}
        label={t('form.type')}
        description={info ? t(`catalogue.documents.${info.filing.document}`) : undefined}
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value as RequestType)}
        data={listed.map((type) => ({ value: type, label: title(type) }))}
        error={error}
        disabled={busy}
        maw="32rem"
      />
      <Anchor component={Link} to="/request-types" size="sm" mt="xs" display="inline-block">
        {t('catalogue.newRequestLink')}
      </Anchor>
    </Paper>
  );
}
