import { Alert, Anchor, Button, Group, List, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RequestDetail } from '../../shared/api/request.schema.js';
import { REQUEST_TYPES, type RequestType } from '../../shared/request-vocabulary.js';
import { ApiError } from '../data/client.js';
import { canListUsers, useUnits, useUsers } from '../data/queries.js';
import { queryKeys } from '../data/query-keys.js';
import { createRequest, uploadAttachments } from '../data/requests.api.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { asLanguage } from '../i18n/index.js';
import { problemText } from '../lib/problem-text.js';
import { todayInTaipei } from '../lib/roc-date.js';
import { fieldInputId, RequestFormFields } from '../requests/request-form.js';
import {
  FIELD_ORDER,
  initialValues,
  toCreateBody,
  validateRequest,
  type FieldIssue,
  type RequestField,
  type RequestFormValues,
} from '../requests/request-form-values.js';

/** What the detail page is told after filing: the number, and why the files failed if they did. */
export type FiledState = { created: string; uploadError?: string };

/** The new request form (000 附件一, INT-6): create first, then upload the files to it. */
export function RequestNewPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('form.heading'));
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useUnits();
  const users = useUsers(me.abilities.fileOnBehalf && canListUsers(me));
  const [today] = useState(todayInTaipei);
  const [searchParams] = useSearchParams();
  const [values, setValues] = useState<RequestFormValues>(() => {
    // The catalogue's 「申請…」 buttons name the type (/requests/new?type=equipment).
    const type = searchParams.get('type');
    const start = initialValues(me, today);
    return type !== null && (REQUEST_TYPES as readonly string[]).includes(type)
      ? { ...start, type: type as RequestType }
      : start;
  });
  const [files, setFiles] = useState<File[]>([]);
  const [issues, setIssues] = useState<Partial<Record<RequestField, FieldIssue>>>({});
  const summary = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<'editing' | 'creating' | 'uploading'>('editing');
  const [attempted, setAttempted] = useState(false);

  // After a first attempt, errors follow the corrections as they are typed.
  const change = (next: RequestFormValues) => {
    setValues(next);
    if (attempted) setIssues(validateRequest(next));
  };

  const fieldLabel: Record<RequestField, string> = {
    channel: t('form.channel'),
    unitId: t('form.unit'),
    applicantUserId: t('form.applicantAccount'),
    applicantName: t('form.applicantName'),
    applicantPhone: t('form.applicantPhone'),
    applicationDate: t('form.applicationDate'),
    wishedDate: t('form.wishedDate'),
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
    mutationFn: async (): Promise<{ request: RequestDetail; uploadError?: string }> => {
      setStage('creating');
      const request = await createRequest(toCreateBody(values));
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

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateRequest(values);
    setAttempted(true);
    setIssues(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    filing.reset();
    filing.mutate();
  };

  const busy = stage !== 'editing';
  return (
    <>
      <Title order={1}>{t('form.heading')}</Title>
      <Text mt={4}>{t('form.intro')}</Text>
      <Anchor component={Link} to="/request-types" size="sm" mb="lg" display="inline-block">
        {t('catalogue.newRequestLink')}
      </Anchor>
      <div ref={summary} tabIndex={-1}>
        {clientIssues.length > 0 && (
          <Alert color="red" variant="light" title={t('common.fieldErrorsIntro')} mb="md">
            <List size="sm">
              {clientIssues.map((field) => (
                <List.Item key={field}>
                  <a href={`#${fieldInputId(field)}`} style={{ color: '#7f1d14' }}>
                    {errors[field]}
                  </a>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {filing.error && <ProblemAlert error={filing.error} shownFields={[...FIELD_ORDER]} />}
      </div>
      <form onSubmit={onSubmit} noValidate>
        <RequestFormFields
          me={me}
          values={values}
          onChange={change}
          errors={errors}
          units={units.data ?? []}
          users={users.data ?? []}
          files={files}
          onFiles={setFiles}
          today={today}
          busy={busy}
        />
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
      </form>
    </>
  );
}
