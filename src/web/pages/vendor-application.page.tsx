import { Alert, Anchor, Box, Button, Center, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import { withHelp, withOrder } from '../applications/public-application.js';
import { VENDOR_FORM_ORDER, VendorApplicationSheet } from '../applications/vendor-application-sheet.js';
import { useSession } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { ApiError } from '../data/client.js';
import { applyForVendorAccount, type VendorApplicationReceipt } from '../data/public.api.js';
import { useRequestType } from '../data/queries.js';
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
import { todayInTaipei } from '../lib/roc-date.js';

const FORM_ID = 'vendor';

/** The boxes of 附件四 that ask for more than their label says: seals, signatures, where mail goes. */
const HELPED = [
  'companyCode',
  'companyName',
  'responsiblePerson',
  'adminName',
  'adminSupervisor',
  'adminEmail',
] as const;

/** What the printed 附件四 asks of the boxes, as help where the definition has none. */
function useSheetHelp() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const zh = i18n.getFixedT('zh-TW');
    const en = i18n.getFixedT('en');
    const both = (key: (typeof HELPED)[number]) => ({
      'zh-TW': zh(`vendorApplication.help.${key}`),
      en: en(`vendorApplication.help.${key}`),
    });
    return Object.fromEntries(HELPED.map((key) => [key, both(key)]));
  }, [i18n]);
}

/**
 * The public application of TYPE-7 (000 §2.7, 附件四): a park company or customs broker applies
 * for its system administrator account without an account, then prints the filled-in form, stamps
 * it and sends the original to the service desk.
 */
export function VendorApplicationPage() {
  const { t } = useTranslation();
  const session = useSession();
  const type = useRequestType('vendor_account');
  const title = t('vendorApplication.title');
  usePageTitle(title);

  return (
    <Stack gap="md" maw="52rem" mx="auto">
      <div className="no-print">
        <Title order={1}>{title}</Title>
        <Text mt={4}>{t('vendorApplication.intro')}</Text>
        <Group gap="md" mt="xs">
          <Anchor component={Link} to="/request-types" size="sm">
            {t('vendorApplication.catalogueLink')}
          </Anchor>
          {session.data === null && (
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('vendorApplication.signInLink')}
            </Anchor>
          )}
        </Group>
      </div>
      {type.isPending && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {type.isError && <ProblemAlert error={type.error} onRetry={() => void type.refetch()} />}
      {type.data && <Application info={type.data} />}
    </Stack>
  );
}

function Application({ info }: { info: RequestTypeInfo }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const help = useSheetHelp();
  const schema = useMemo(() => withOrder(withHelp(info.form, help), VENDOR_FORM_ORDER), [info.form, help]);
  const model = useMemo(() => describeSchema(schema).root, [schema]);
  // A required choice with one answer (the park, 「新申請」) is answered already.
  const [values, setValues] = useState<Values>(() => ({
    ...initialValues(model),
    ...Object.fromEntries(
      model.fields
        .filter((f) => f.kind === 'choice' && f.options.length === 1 && model.required.includes(f.name))
        .map((f) => [f.name, f.options[0]?.value]),
    ),
  }));
  const [attempted, setAttempted] = useState(false);
  const issueMessages = useSchemaIssueMessages();
  const summary = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLHeadingElement>(null);
  const formHeading = useId();
  const [receipt, setReceipt] = useState<{ receipt: VendorApplicationReceipt; values: Values; date: string } | null>(
    null,
  );

  const apply = useMutation({
    mutationFn: (form: Values) => applyForVendorAccount(form),
    onSuccess: (answer, form) => setReceipt({ receipt: answer, values: form, date: todayInTaipei() }),
    onError: () => requestAnimationFrame(() => summary.current?.focus()),
  });

  // The confirmation replaces the whole form: its heading takes the focus once React has drawn it
  // (a frame after the answer is not always enough on a slow machine).
  useEffect(() => {
    if (receipt) done.current?.focus();
  }, [receipt]);

  const issues = attempted ? validateValues(model, values) : [];
  const messages = issueMessages(issues);
  const server = problemFieldMessages(apply.error, labels.language);
  const errors = { ...server, ...messages };
  const tooOften = apply.error instanceof ApiError && apply.error.status === 429;
  const formShown = Object.keys(server).every((p) => p.startsWith('form.') && showsPath(model, values, p.slice(5)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (validateValues(model, values).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    apply.mutate(toSubmission(model, values));
  };

  // Mounted before the answer arrives, so that screen readers announce it.
  const status = (
    <div className="no-print">
      <StatusMessage>{receipt ? t('vendorApplication.sent', { number: receipt.receipt.number }) : null}</StatusMessage>
    </div>
  );

  if (receipt) {
    return (
      <>
        {status}
        <Paper withBorder p="md" className="no-print" component="section" aria-labelledby="vendor-done">
          <Title order={2} size="h3" id="vendor-done" ref={done} tabIndex={-1}>
            {t('vendorApplication.doneTitle')}
          </Title>
          <Text mt="xs">{t('vendorApplication.numberIntro')}</Text>
          <Text fz="xl" fw={700} className="request-number" my="xs" data-testid="application-number">
            {receipt.receipt.number}
          </Text>
          <NextSteps />
          <Group gap="sm" mt="md">
            <Button onClick={() => window.print()}>{t('vendorApplication.print')}</Button>
            <Button variant="default" component={Link} to="/request-types">
              {t('vendorApplication.backToCatalogue')}
            </Button>
          </Group>
        </Paper>
        <Box className="print-preview">
          <Text size="sm" className="no-print" mb="xs">
            {t('vendorApplication.previewIntro')}
          </Text>
          <VendorApplicationSheet
            schema={info.form}
            values={receipt.values}
            number={receipt.receipt.number}
            applicationDate={receipt.date}
          />
        </Box>
      </>
    );
  }

  return (
    <>
      {status}
      <Paper withBorder p="md" component="section" aria-labelledby="vendor-steps">
        <Title order={2} size="h3" id="vendor-steps" mb="xs">
          {t('vendorApplication.stepsTitle')}
        </Title>
        <NextSteps withFilling />
      </Paper>
      <div ref={summary} tabIndex={-1}>
        {issues.length > 0 && (
          <Alert color="red" variant="light" title={t('common.fieldErrorsIntro')}>
            <List size="sm">
              {issues.map((issue) => (
                <List.Item key={issue.path}>
                  <a href={`#${schemaFieldId(FORM_ID, issue.path)}`} style={{ color: '#7f1d14' }}>
                    {messages[issue.path]}
                  </a>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {tooOften ? (
          <Alert color="red" variant="light" role="alert" title={t('vendorApplication.tooOftenTitle')}>
            <Text size="sm">{t('vendorApplication.tooOften')}</Text>
          </Alert>
        ) : (
          apply.error && <ProblemAlert error={apply.error} shownFields={formShown ? ['form'] : []} />
        )}
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby={formHeading}>
        <Title order={2} size="h3" id={formHeading} mb="xs">
          {t('vendorApplication.formTitle')}
        </Title>
        <Text size="sm" mb="md">
          {t('vendorApplication.formIntro')}
        </Text>
        <form onSubmit={onSubmit} noValidate>
          <SchemaForm
            schema={schema}
            value={values}
            onChange={setValues}
            errors={errors}
            prefix="form"
            idPrefix={FORM_ID}
            disabled={apply.isPending}
          />
          <Button type="submit" size="md" mt="lg" loading={apply.isPending}>
            {apply.isPending ? t('form.submitting') : t('vendorApplication.submit')}
          </Button>
        </form>
      </Paper>
    </>
  );
}

/** 000 §2.7.2–2.7.6 and 附件四's notes: what the company does, and what the agency does then. */
function NextSteps({ withFilling = false }: { withFilling?: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="vendor-steps">
      {withFilling && <li>{t('vendorApplication.steps.fill')}</li>}
      <li>{t('vendorApplication.steps.print')}</li>
      <li>{t('vendorApplication.steps.stamp')}</li>
      <li>{t('vendorApplication.steps.send')}</li>
      <li>{t('vendorApplication.steps.review')}</li>
      <li>{t('vendorApplication.steps.account')}</li>
    </ol>
  );
}
