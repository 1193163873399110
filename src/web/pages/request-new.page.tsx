import { Alert, Box, Button, Center, Group, List, Loader, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RequestDetail } from '../../shared/api/request.schema.js';
import type { RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import { REQUEST_TYPES, type RequestType } from '../../shared/request-vocabulary.js';
import { publicApplicationPath } from '../applications/public-application.js';
import { ApiError } from '../data/client.js';
import { canListUsers, useRequestTypes, useUnits, useUsers } from '../data/queries.js';
import { queryKeys } from '../data/query-keys.js';
import { createRequest, getRequest, uploadAttachments } from '../data/requests.api.js';
import { DcApplicationForm } from '../data-centre/dc-application-form.js';
import {
  dcFieldPlace,
  dcShowsPath,
  devicesOf,
  initialDcValues,
  splitDcSchema,
  toDcSubmission,
  validateDcForm,
} from '../data-centre/dc-form-model.js';
import { canReapply, recordedTexts } from '../data-centre/dc-record.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { schemaFieldId, SchemaForm, useSchemaIssueMessages } from '../forms/schema-form.js';
import {
  describeSchema,
  initialValues as initialFormValues,
  showsPath,
  toSubmission,
  validateValues,
  type Values,
} from '../forms/schema-model.js';
import { asLanguage } from '../i18n/index.js';
import { useLabels } from '../i18n/labels.js';
import { problemFieldMessages, problemText } from '../lib/problem-text.js';
import { todayInTaipei } from '../lib/roc-date.js';
import { fieldInputId, RequestFormFields, RequestTypeChooser, type FieldWording } from '../requests/request-form.js';
import {
  channelsFor,
  FIELD_ORDER,
  filingRoute,
  initialValues,
  toCreateBody,
  validateRequest,
  type FieldIssue,
  type RequestField,
  type RequestFormValues,
} from '../requests/request-form-values.js';

/** What the detail page is told after filing: the number, and why the files failed if they did. */
export type FiledState = { created: string; uploadError?: string };

/** The start of the ids of the type's own fields, for the links of the error summary. */
const TYPE_FORM_ID = 'request-form';

/**
 * The new request form. `?reapply=<id>` applies again for a returned data-centre application
 * (issue 6): the form opens with the old one's contents and the new request links it.
 */
export function RequestNewPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const reapply = searchParams.get('reapply');
  const previous = useQuery({
    queryKey: queryKeys.request(reapply ?? ''),
    queryFn: () => getRequest(reapply ?? ''),
    enabled: reapply !== null,
  });
  if (reapply !== null && previous.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return <RequestNewForm key={reapply ?? 'new'} previous={previous.data ?? null} />;
}

/**
 * The new request form (000 附件一, INT-6): the type first, then the common fields and the type's
 * own (its `form`, issue 3; a data-centre application's own editor, issue 6), only through the
 * channels the type accepts; create first, then upload the files to it.
 */
function RequestNewForm({ previous }: { previous: RequestDetail | null }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  usePageTitle(t('form.heading'));
  const me = useMe();
  const onBehalf = me.abilities.fileOnBehalf;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useUnits();
  const users = useUsers(onBehalf && canListUsers(me));
  const types = useRequestTypes();
  const [today] = useState(todayInTaipei);
  const [searchParams] = useSearchParams();
  // A returned data-centre application the person may apply again for (issue 6).
  const [reapplying] = useState(() => (previous && canReapply(previous, me.id) ? previous : null));
  const [values, setValues] = useState<RequestFormValues>(() => {
    const start = initialValues(me, today);
    if (reapplying) {
      return {
        ...start,
        type: 'dc_equipment',
        applicantPhone: reapplying.applicantPhone || start.applicantPhone,
        wishedDate: reapplying.wishedDate >= today ? reapplying.wishedDate : '',
        title: reapplying.title,
        description: reapplying.description,
      };
    }
    // The catalogue's 「填寫…」 buttons name the type (/requests/new?type=equipment).
    const type = searchParams.get('type');
    return type !== null && (REQUEST_TYPES as readonly string[]).includes(type)
      ? { ...start, type: type as RequestType }
      : start;
  });
  // A data-centre application's form (page 1 and the devices), edited by its own editor.
  const [dcForm, setDcForm] = useState<Values>(() => initialDcValues(reapplying?.form ?? null));
  // The type's own fields, kept for the type they were typed for: another type starts afresh.
  const [typeForm, setTypeForm] = useState<{ type: RequestType; values: Values } | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [issues, setIssues] = useState<Partial<Record<RequestField, FieldIssue>>>({});
  const summary = useRef<HTMLDivElement>(null);
  const typeHeading = useId();
  const [stage, setStage] = useState<'editing' | 'creating' | 'uploading'>('editing');
  const [attempted, setAttempted] = useState(false);
  const issueMessages = useSchemaIssueMessages();

  const info: RequestTypeInfo | undefined = types.data?.find((i) => i.type === values.type);
  const model = useMemo(() => (info ? describeSchema(info.form).root : null), [info]);
  const dcSchemas = useMemo(() => (info?.type === 'dc_equipment' ? splitDcSchema(info.form) : null), [info]);
  const formValues: Values =
    typeForm?.type === values.type ? typeForm.values : model ? initialFormValues(model) : ({} as Values);
  const route = info ? filingRoute(info.filing, onBehalf) : null;
  const channels = info ? channelsFor(info.filing.channels, onBehalf) : [];
  // A channel the type does not take is replaced by one it does (a security incident: the phone).
  const channel = channels.includes(values.channel) ? values.channel : (channels[0] ?? values.channel);
  const current: RequestFormValues = { ...values, channel };
  const offered = (types.data ?? []).filter((i) => filingRoute(i.filing, onBehalf) !== 'desk_only').map((i) => i.type);

  // After a first attempt, errors follow the corrections as they are typed.
  const change = (next: RequestFormValues) => {
    setValues(next);
    if (attempted) setIssues(validateRequest(next));
  };
  const chooseType = (type: RequestType) => change({ ...values, type });

  const fieldLabel: Record<RequestField, string> = {
    channel: t('form.channel'),
    unitId: t('form.unit'),
    applicantUserId: t('form.applicantAccount'),
    applicantName: t('form.applicantName'),
    applicantPhone: t('form.applicantPhone'),
    applicationDate: t('form.applicationDate'),
    wishedDate: dcSchemas ? t('dataCentre.plannedDate') : t('form.wishedDate'),
    type: t('form.type'),
    priority: t('form.priority'),
    title: t('form.title'),
    description: t('form.description'),
  };
  const issueText = (field: RequestField, issue: FieldIssue): string => {
    const name = fieldLabel[field];
    switch (issue.code) {
      case 'required':
        return t('form.validation.required', { field: name });
      case 'tooLong':
        return t('form.validation.tooLong', { field: name, max: issue.max });
      case 'invalidDate':
        return t('form.validation.invalidDate', { field: name });
      case 'invalidChoice':
        return t('form.validation.invalidChoice', { field: name });
      case 'wishedBeforeApplication':
        return t('form.validation.wishedBeforeApplication');
    }
  };

  const filing = useMutation({
    mutationFn: async (body: {
      values: RequestFormValues;
      form: Values;
    }): Promise<{ request: RequestDetail; uploadError?: string }> => {
      setStage('creating');
      const request = await createRequest({
        ...toCreateBody(body.values, body.form),
        ...(reapplying && body.values.type === reapplying.type ? { previousRequestId: reapplying.id } : {}),
      });
      if (files.length === 0) return { request };
      setStage('uploading');
      try {
        await uploadAttachments(request.id, files);
        return { request };
      } catch (error) {
        // The request exists whatever happened to the files: report, never lose it.
        const text = problemText(error, asLanguage(i18n.language), {
          network: t('common.networkError'),
          contract: t('common.contractError'),
          unknown: t('common.unknownError'),
        });
        const reason = [text.title, text.detail, ...Object.values(text.fields)].filter(Boolean).join(' ');
        return { request, uploadError: reason };
      }
    },
    onSuccess: ({ request, uploadError }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests });
      const state: FiledState = uploadError ? { created: request.number, uploadError } : { created: request.number };
      void navigate(`/requests/${request.id}`, { state });
    },
    onError: () => {
      setStage('editing');
      requestAnimationFrame(() => summary.current?.focus());
    },
  });

  const server = useProblemText(filing.error);
  const serverFields = filing.error instanceof ApiError ? server.fields : {};
  const errors: Partial<Record<RequestField, string>> = {};
  for (const field of FIELD_ORDER) {
    const issue = issues[field];
    const message = issue ? issueText(field, issue) : serverFields[field];
    if (message) errors[field] = message;
  }
  const clientIssues = FIELD_ORDER.filter((f) => issues[f]);
  const typeIssues = model && attempted && !dcSchemas ? validateValues(model, formValues) : [];
  const typeIssueMessages = issueMessages(typeIssues);
  // The server's `form.*` errors go to their fields; the alert lists only those no field shows.
  const serverPaths = problemFieldMessages(filing.error, labels.language);
  const typeErrors = { ...serverPaths, ...typeIssueMessages };
  const formPaths = Object.keys(serverPaths).filter((p) => p === 'form' || p.startsWith('form.'));
  const formShown = dcSchemas
    ? formPaths.every((p) => dcShowsPath(dcSchemas, dcForm, p))
    : model !== null && formPaths.every((p) => p.startsWith('form.') && showsPath(model, formValues, p.slice(5)));

  // A data-centre application: the browser's findings by their form paths, else the server's, in the summary.
  const dcIssues = dcSchemas && attempted ? validateDcForm(dcSchemas, dcForm) : [];
  const dcIssueMessages = Object.fromEntries(
    Object.entries(issueMessages(dcIssues)).map(([path, message]) => [`form.${path}`, message]),
  );
  const dcErrors = { ...serverPaths, ...dcIssueMessages };
  const deviceTitle = (index: number) => {
    const name = devicesOf(dcForm)[index]?.name;
    return typeof name === 'string' && name.trim()
      ? t('dataCentre.deviceNamed', { n: index + 1, name: name.trim() })
      : t('dataCentre.deviceNumber', { n: index + 1 });
  };
  const dcSummary = (
    dcIssues.length > 0
      ? Object.keys(dcIssueMessages)
      : dcSchemas && formShown
        ? formPaths.filter((p) => p.startsWith('form.'))
        : []
  ).map((path) => {
    const place = dcFieldPlace(path.slice('form.'.length));
    const message = dcErrors[path] ?? '';
    return {
      path,
      id: place.id,
      text:
        place.device === null ? message : t('dataCentre.summaryDevice', { device: deviceTitle(place.device), message }),
    };
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!model) return;
    const found = validateRequest(current);
    setAttempted(true);
    setIssues(found);
    const foundInForm = dcSchemas ? validateDcForm(dcSchemas, dcForm) : validateValues(model, formValues);
    if (FIELD_ORDER.some((f) => found[f]) || foundInForm.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    filing.reset();
    filing.mutate({
      values: current,
      form: dcSchemas ? toDcSubmission(dcSchemas, dcForm) : toSubmission(model, formValues),
    });
  };

  const busy = stage !== 'editing';
  const typeTitle = info ? labels.localised(info.title) : labels.type(values.type);
  const hasTypeFields = model !== null && model.fields.length > 0;
  const wording: FieldWording | undefined = dcSchemas
    ? {
        wishedDate: { label: t('dataCentre.plannedDate'), hint: t('dataCentre.plannedDateHint') },
        description: { label: t('dataCentre.reason'), hint: t('dataCentre.reasonHint') },
        filesNote: t('dataCentre.filesNote'),
      }
    : undefined;
  const returnLetter = reapplying?.workflow ? recordedTexts(reapplying.workflow.data, 'returnLetter') : null;
  return (
    <>
      <Title order={1}>{t('form.heading')}</Title>
      <Text mt={4} mb="lg">
        {t('form.intro')}
      </Text>
      {reapplying && (
        <Alert
          color="govBlue"
          variant="light"
          role="note"
          mb="md"
          title={t('dataCentre.reapplyTitle', { number: reapplying.number })}
        >
          <Text size="sm">{t('dataCentre.reapplyBody')}</Text>
          {returnLetter?.reasons && (
            <Text size="sm" mt="xs" className="preserve-lines">
              {t('dataCentre.reapplyReasons', { reasons: returnLetter.reasons })}
            </Text>
          )}
        </Alert>
      )}
      {previous && !reapplying && (
        <Alert color="yellow" variant="light" role="note" mb="md" styles={{ message: { color: '#5c3c00' } }}>
          {t('dataCentre.reapplyNotAllowed', { number: previous.number })}
        </Alert>
      )}
      <div ref={summary} tabIndex={-1}>
        {(clientIssues.length > 0 || typeIssues.length > 0 || dcSummary.length > 0) && (
          <Alert color="red" variant="light" title={t('common.fieldErrorsIntro')} mb="md">
            <List size="sm">
              {clientIssues.map((field) => (
                <List.Item key={field}>
                  <a href={`#${fieldInputId(field)}`} style={{ color: '#7f1d14' }}>
                    {errors[field]}
                  </a>
                </List.Item>
              ))}
              {typeIssues.map((issue) => (
                <List.Item key={issue.path}>
                  <a href={`#${schemaFieldId(TYPE_FORM_ID, issue.path)}`} style={{ color: '#7f1d14' }}>
                    {typeIssueMessages[issue.path]}
                  </a>
                </List.Item>
              ))}
              {dcSummary.map((item) => (
                <List.Item key={item.path}>
                  <a href={`#${item.id}`} style={{ color: '#7f1d14' }}>
                    {item.text}
                  </a>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {filing.error && (
          <ProblemAlert error={filing.error} shownFields={[...FIELD_ORDER, ...(formShown ? ['form'] : [])]} />
        )}
      </div>
      <form onSubmit={onSubmit} noValidate>
        <RequestTypeChooser
          value={values.type}
          onChange={chooseType}
          types={types.data ?? []}
          offered={offered}
          error={errors.type}
          busy={busy}
        />
        {types.isPending && (
          <Center py="xl">
            <Loader aria-label={t('app.loading')} />
          </Center>
        )}
        {types.isError && (
          <Box mt="lg">
            <ProblemAlert error={types.error} onRetry={() => void types.refetch()} />
          </Box>
        )}
        {route === 'public' && (
          <Alert
            color="govBlue"
            variant="light"
            role="note"
            mt="lg"
            title={t('form.publicTitle', { title: typeTitle })}
          >
            <Text size="sm">{t('form.publicBody')}</Text>
            <Button component={Link} to={publicApplicationPath(values.type) ?? '/request-types'} mt="sm">
              {t('form.publicLink')}
            </Button>
          </Alert>
        )}
        {route === 'desk_only' && (
          <Alert
            color="govBlue"
            variant="light"
            role="note"
            mt="lg"
            title={t('form.deskOnlyTitle', { title: typeTitle })}
          >
            <Text size="sm">{t('form.deskOnlyBody')}</Text>
          </Alert>
        )}
        {route === 'here' && model && (
          <>
            <Box mt="lg">
              <RequestFormFields
                me={me}
                values={current}
                onChange={change}
                errors={errors}
                units={units.data ?? []}
                users={users.data ?? []}
                files={files}
                onFiles={setFiles}
                today={today}
                busy={busy}
                channels={channels}
                typeValues={formValues}
                wording={wording}
                typeSection={
                  dcSchemas && info ? (
                    <DcApplicationForm
                      schema={info.form}
                      value={dcForm}
                      onChange={setDcForm}
                      errors={dcErrors}
                      plannedDate={current.wishedDate}
                      onDevicesChanged={() => filing.reset()}
                      disabled={busy}
                    />
                  ) : hasTypeFields && info ? (
                    <Paper withBorder p="md" component="section" aria-labelledby={typeHeading}>
                      <Title order={2} size="h3" id={typeHeading} mb="xs">
                        {t('form.sectionTypeForm', { title: typeTitle })}
                      </Title>
                      <Text size="sm" mb="sm">
                        {t('form.sectionTypeFormIntro')}
                      </Text>
                      <SchemaForm
                        schema={info.form}
                        value={formValues}
                        onChange={(next) => setTypeForm({ type: values.type, values: next })}
                        errors={typeErrors}
                        prefix="form"
                        idPrefix={TYPE_FORM_ID}
                        disabled={busy}
                      />
                    </Paper>
                  ) : undefined
                }
              />
            </Box>
            <div role="status" aria-live="polite">
              {stage === 'uploading' && <Text mt="md">{t('form.uploading')}</Text>}
            </div>
            <Group mt="lg" gap="sm">
              <Button type="submit" size="md" loading={busy}>
                {busy ? t('form.submitting') : t('form.submit')}
              </Button>
              <Button component={Link} to="/requests" variant="default" size="md">
                {t('common.cancel')}
              </Button>
            </Group>
          </>
        )}
      </form>
    </>
  );
}
