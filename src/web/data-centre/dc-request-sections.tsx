import { Alert, Anchor, Badge, Button, Group, List, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestDetail } from '../../shared/api/request.schema.js';
import type { RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import {
  DC_DECISION_LABELS,
  DC_DOCUMENT_LABELS,
  DC_SEVERITY_LABELS,
  DC_TEST_LABELS,
  requiredTests,
  type DcDecision,
  type DcDocument,
  type DcSeverity,
  type DcTest,
} from '../../shared/data-centre.js';
import { useMe } from '../auth/session.js';
import { DateText, DateTimeText } from '../components/date-text.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { StatusMessage } from '../components/status-message.js';
import { uploadDcDocument, withdrawAttachment } from '../data/data-centre.api.js';
import { queryKeys } from '../data/query-keys.js';
import { attachmentUrl } from '../data/requests.api.js';
import { SchemaValueList } from '../forms/schema-values.js';
import { useLabels } from '../i18n/labels.js';
import { MAX_UPLOAD_BYTES } from '../lib/file-size.js';
import { splitDcSchema } from './dc-form-model.js';
import {
  anyAssignment,
  canReapply,
  deviceAssignments,
  documentChecklist,
  formDevices,
  recordedTexts,
  reviewRows,
  stillMissing,
  type ChecklistGroup,
  type ChecklistRow,
} from './dc-record.js';

const separator = (language: 'zh-TW' | 'en') => (language === 'en' ? ', ' : '、');

/** Where the re-application form opens, prefilled from a returned application (issue 6). */
export const reapplyPath = (id: string) => `/requests/new?type=dc_equipment&reapply=${encodeURIComponent(id)}`;

/**
 * The parts of a data-centre application's page (001, issue 6): the return notice with the way to
 * apply again, the documents checklist with what is still missing, and the reviewers' opinions.
 */
export function DcRequestSections({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <DcReturned request={request} />
      <SectionCard title={t('dataCentre.checklist.title')}>
        <DcChecklist request={request} />
      </SectionCard>
      {/* The reviews once the application has left the agency's hands. */}
      {!(request.workflow?.active.every((s) => s.id === 'preparing') ?? true) && (
        <SectionCard title={t('dataCentre.reviews.title')}>
          <DcReviews request={request} />
        </SectionCard>
      )}
    </>
  );
}

/** A returned application: the letter's reasons, its PDF, and 「重新申請」 for the applicant. */
function DcReturned({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const letter = request.workflow ? recordedTexts(request.workflow.data, 'returnLetter') : null;
  if (request.status !== 'rejected' || !letter) return null;
  return (
    <Alert color="red" variant="light" title={t('dataCentre.returned.title')}>
      <Stack gap="xs">
        {letter.reasons && (
          <Text size="sm" className="preserve-lines">
            {t('dataCentre.returned.reasons', { reasons: letter.reasons })}
          </Text>
        )}
        {letter.letterNumber && (
          <Text size="sm">{t('dataCentre.returned.letterNumber', { number: letter.letterNumber })}</Text>
        )}
        <Text size="sm">{t('dataCentre.returned.next')}</Text>
        {canReapply(request, me.id) && (
          <Group>
            <Button component={Link} to={reapplyPath(request.id)}>
              {t('dataCentre.returned.reapply')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** The documents each part of the application needs, their files and upload controls, and what is missing. */
function DcChecklist({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const groups = useMemo(
    () => documentChecklist(request.form, request.attachments),
    [request.form, request.attachments],
  );
  const missing = useMemo(
    () => stillMissing(request.form, request.wishedDate, request.attachments),
    [request.form, request.wishedDate, request.attachments],
  );
  const canUpload = request.can.attach;
  return (
    <Stack gap="md">
      <Text size="sm">{t('dataCentre.checklist.intro')}</Text>
      {missing.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title={t('dataCentre.checklist.missingTitle', { count: missing.length })}
          styles={{ message: { color: '#5c3c00' } }}
        >
          <List size="sm" aria-label={t('dataCentre.checklist.missingListLabel')}>
            {missing.map((p, i) => (
              <List.Item key={`${p.field}-${p.document ?? ''}-${p.device ?? ''}-${i}`}>
                {labels.localised(p.message)}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert
          color="green"
          variant="light"
          title={t('dataCentre.checklist.completeTitle')}
          styles={{ message: { color: '#17502a' } }}
        >
          <Text size="sm">{t('dataCentre.checklist.complete')}</Text>
        </Alert>
      )}
      {groups.map((group) => (
        <ChecklistGroupView key={group.device ?? 'application'} request={request} group={group} canUpload={canUpload} />
      ))}
    </Stack>
  );
}

function ChecklistGroupView({
  request,
  group,
  canUpload,
}: {
  request: RequestDetail;
  group: ChecklistGroup;
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const title =
    group.device === null
      ? t('dataCentre.checklist.application')
      : group.name
        ? t('dataCentre.deviceNamed', { n: group.device + 1, name: group.name })
        : t('dataCentre.deviceNumber', { n: group.device + 1 });
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb={6}>
        {title}
      </Title>
      {group.rows.length === 0 ? (
        <Text size="sm">{t('dataCentre.checklist.nothingNeeded')}</Text>
      ) : (
        <ul className="dc-checklist">
          {group.rows.map((row) => (
            <ChecklistItem key={row.document} request={request} device={group.device} row={row} canUpload={canUpload} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One document: its name, its files or 「尚未上傳」, and a file chooser that uploads what is chosen as this document. */
function ChecklistItem({
  request,
  device,
  row,
  canUpload,
}: {
  request: RequestDetail;
  device: number | null;
  row: ChecklistRow;
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const document: DcDocument = row.document;
  const name = labels.localised(DC_DOCUMENT_LABELS[document]);
  const upload = useMutation({
    mutationFn: (files: File[]) => uploadDcDocument(request.id, files, document, device),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.request(request.id) }),
  });
  // A file uploaded by mistake is withdrawn by its uploader while the application waits for them.
  const me = useMe();
  const withdrawable = request.status === 'submitted' || request.status === 'waiting';
  const withdraw = useMutation({
    mutationFn: (attachmentId: string) => withdrawAttachment(request.id, attachmentId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.request(request.id) }),
  });
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.currentTarget.files ?? []);
    if (input.current) input.current.value = '';
    if (files.length === 0) return;
    const large = files.find((f) => f.size > MAX_UPLOAD_BYTES);
    upload.reset();
    setTooLarge(large ? large.name : null);
    if (!large) upload.mutate(files);
  };
  const given = row.files.length > 0;
  const uploadLabel =
    device === null
      ? t('dataCentre.checklist.uploadFor', { document: name })
      : t('dataCentre.checklist.uploadForDevice', { document: name, n: device + 1 });
  return (
    <li>
      <div className="dc-checklist-name">
        <Text fw={600} size="sm">
          {name}
        </Text>
      </div>
      <div className="dc-checklist-status">
        {given ? (
          <Text size="sm">
            <span aria-hidden="true">✔ </span>
            {t('dataCentre.checklist.uploaded')}
            {row.files.map((f, i) => (
              <span key={f.id}>
                {i > 0 ? separator(labels.language) : ' '}
                <Anchor
                  href={attachmentUrl(request.id, f.id)}
                  download={f.fileName}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {f.fileName}
                </Anchor>
                {withdrawable && f.uploadedBy.id === me.id && (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    ml={4}
                    loading={withdraw.isPending && withdraw.variables === f.id}
                    onClick={() => withdraw.mutate(f.id)}
                    aria-label={t('dataCentre.checklist.withdrawFile', { name: f.fileName })}
                  >
                    {t('dataCentre.checklist.withdraw')}
                  </Button>
                )}
              </span>
            ))}
          </Text>
        ) : (
          <Badge
            variant="outline"
            radius="sm"
            styles={{
              root: { background: '#fdecea', color: '#7f1d14', borderColor: '#e38b80', textTransform: 'none' },
              label: { overflow: 'visible' },
            }}
          >
            {t('dataCentre.checklist.missing')}
          </Badge>
        )}
      </div>
      {canUpload && (
        <div className="dc-checklist-upload">
          <span className="file-picker">
            <input
              ref={input}
              type="file"
              multiple
              onChange={onPick}
              disabled={upload.isPending}
              className="file-picker-input"
              aria-label={uploadLabel}
            />
            <span className="file-picker-button" aria-hidden="true" data-disabled={upload.isPending || undefined}>
              {upload.isPending
                ? t('detail.attachments.uploading')
                : given
                  ? t('dataCentre.checklist.uploadMore')
                  : t('dataCentre.checklist.upload')}
            </span>
          </span>
          <StatusMessage>
            {upload.isSuccess
              ? t('dataCentre.checklist.uploadDone', {
                  names: labels.list(upload.data.map((a) => a.fileName)),
                  document: name,
                })
              : null}
          </StatusMessage>
          {upload.error && <ProblemAlert error={upload.error} />}
          {withdraw.error && <ProblemAlert error={withdraw.error} />}
          {tooLarge && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {t('form.validation.fileTooLarge', { name: tooLarge })}
            </Text>
          )}
        </div>
      )}
    </li>
  );
}

const DECISION_COLOURS: Record<DcDecision | 'pending', { background: string; color: string; border: string }> = {
  approve: { background: '#e5f6ea', color: '#17502a', border: '#6cbf85' },
  return: { background: '#fdecea', color: '#7f1d14', border: '#e38b80' },
  not_applicable: { background: '#eceff1', color: '#2f3b42', border: '#9aa5ad' },
  pending: { background: '#fff3dc', color: '#6b3a00', border: '#e0a040' },
};

function DecisionBadge({ decision }: { decision: DcDecision | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const colours = DECISION_COLOURS[decision ?? 'pending'];
  return (
    <Badge
      variant="outline"
      radius="sm"
      styles={{
        root: {
          background: colours.background,
          color: colours.color,
          borderColor: colours.border,
          textTransform: 'none',
        },
        label: { overflow: 'visible' },
      }}
    >
      {decision ? labels.localised(DC_DECISION_LABELS[decision]) : t('dataCentre.reviews.pending')}
    </Badge>
  );
}

/** The reviewers' opinions and decisions (001 三), the numbers and places given per device, the correction asked for. */
function DcReviews({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const data = useMemo(() => request.workflow?.data ?? {}, [request.workflow]);
  const rows = useMemo(() => reviewRows(data, request.history), [data, request.history]);
  const assignments = useMemo(() => deviceAssignments(request.form, data), [request.form, data]);
  const correction = recordedTexts(data, 'correction');
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" captionSide="top">
          <Table.Caption>
            <VisuallyHidden>{t('dataCentre.reviews.caption')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dataCentre.reviews.reviewer')}</Table.Th>
              <Table.Th scope="col">{t('dataCentre.reviews.decision')}</Table.Th>
              <Table.Th scope="col">{t('dataCentre.reviews.opinion')}</Table.Th>
              <Table.Th scope="col">{t('dataCentre.reviews.by')}</Table.Th>
              <Table.Th scope="col">{t('dataCentre.reviews.at')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={600}>
                  {labels.localised(row.label)}
                </Table.Th>
                <Table.Td>
                  <DecisionBadge decision={row.decision} />
                </Table.Td>
                <Table.Td className="preserve-lines">{row.opinion ?? '—'}</Table.Td>
                <Table.Td>{row.byName ?? '—'}</Table.Td>
                <Table.Td>{row.at ? <DateTimeText value={row.at} /> : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {anyAssignment(assignments) && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" captionSide="top">
            <Table.Caption style={{ textAlign: 'left', fontWeight: 700, color: '#343a40' }}>
              {t('dataCentre.reviews.assignedCaption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dataCentre.reviews.device')}</Table.Th>
                <Table.Th scope="col">{t('dataCentre.reviews.assetNumber')}</Table.Th>
                <Table.Th scope="col">{t('dataCentre.reviews.rackLocation')}</Table.Th>
                <Table.Th scope="col">{t('dataCentre.reviews.ipAddresses')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assignments.map((a) => (
                <Table.Tr key={a.device}>
                  <Table.Th scope="row" fw={600}>
                    {a.name
                      ? t('dataCentre.deviceNamed', { n: a.device + 1, name: a.name })
                      : t('dataCentre.deviceNumber', { n: a.device + 1 })}
                  </Table.Th>
                  <Table.Td className="request-number">{a.assetNumber ?? '—'}</Table.Td>
                  <Table.Td>{a.rackLocation ?? '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{a.ipAddresses ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {correction && (
        <RecordBlock title={t('dataCentre.reviews.correctionTitle')}>
          {correction.reasons && (
            <>
              <dt>{t('dataCentre.reviews.correctionReasons')}</dt>
              <dd className="preserve-lines">{correction.reasons}</dd>
            </>
          )}
          {correction.dueDate && (
            <>
              <dt>{t('dataCentre.reviews.correctionDue')}</dt>
              <dd>
                <DateText value={correction.dueDate} />
              </dd>
            </>
          )}
        </RecordBlock>
      )}
    </Stack>
  );
}

function RecordBlock({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb={6}>
        {title}
      </Title>
      <dl className="field-list">{children}</dl>
    </section>
  );
}

/**
 * The application as filed: page 1, then each device's page-2 data with its test results, and the
 * application it applies again for or the re-applications it has.
 */
export function DcApplicationView({ request, info }: { request: RequestDetail; info: RequestTypeInfo | undefined }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const schemas = useMemo(() => (info ? splitDcSchema(info.form) : null), [info]);
  const devices = formDevices(request.form);
  const page1 = Object.fromEntries(Object.entries(request.form).filter(([k]) => k !== 'devices'));
  return (
    <Stack gap="md">
      {request.previousRequest && (
        <Text size="sm">
          {t('dataCentre.view.reappliesFor')}{' '}
          <Anchor component={Link} to={`/requests/${request.previousRequest.id}`}>
            {request.previousRequest.number}
          </Anchor>
        </Text>
      )}
      {request.reapplications.length > 0 && (
        <Text size="sm">
          {t('dataCentre.view.reappliedAs')}{' '}
          {request.reapplications.map((r, i) => (
            <span key={r.id}>
              {i > 0 ? separator(labels.language) : null}
              <Anchor component={Link} to={`/requests/${r.id}`}>
                {r.number}
              </Anchor>
            </span>
          ))}
        </Text>
      )}
      {schemas && <SchemaValueList schema={schemas.page1} values={page1} />}
      {devices.map((device, i) => {
        const name = typeof device.name === 'string' && device.name.trim() ? device.name : null;
        const tests = (typeof device.tests === 'object' && device.tests !== null ? device.tests : {}) as Record<
          string,
          { date?: unknown; highestSeverity?: unknown } | undefined
        >;
        const needed: DcTest[] = requiredTests(device);
        return (
          <DeviceView
            key={i}
            title={name ? t('dataCentre.deviceNamed', { n: i + 1, name }) : t('dataCentre.deviceNumber', { n: i + 1 })}
          >
            {schemas && (
              <SchemaValueList
                schema={schemas.device}
                values={Object.fromEntries(Object.entries(device).filter(([k]) => k !== 'tests'))}
              />
            )}
            {needed.length > 0 && (
              <Table.ScrollContainer minWidth={420}>
                <Table verticalSpacing={4} captionSide="top" mt="sm">
                  <Table.Caption style={{ textAlign: 'left', fontWeight: 700, color: '#343a40' }}>
                    {t('dataCentre.form.testsTitle')}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('dataCentre.view.test')}</Table.Th>
                      <Table.Th scope="col">{t('dataCentre.view.testDate')}</Table.Th>
                      <Table.Th scope="col">{t('dataCentre.view.severity')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {needed.map((test) => {
                      const result = tests[test];
                      const date = typeof result?.date === 'string' ? result.date : null;
                      const severity =
                        typeof result?.highestSeverity === 'string' && result.highestSeverity in DC_SEVERITY_LABELS
                          ? (result.highestSeverity as DcSeverity)
                          : null;
                      return (
                        <Table.Tr key={test}>
                          <Table.Th scope="row" fw={500}>
                            {labels.localised(DC_TEST_LABELS[test])}
                          </Table.Th>
                          <Table.Td>{date ? <DateText value={date} format="short" /> : '—'}</Table.Td>
                          <Table.Td>{severity ? labels.localised(DC_SEVERITY_LABELS[severity]) : '—'}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </DeviceView>
        );
      })}
    </Stack>
  );
}

function DeviceView({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="dc-device-view">
      <Title order={3} size="h5" id={headingId} mb={6}>
        {title}
      </Title>
      {children}
    </section>
  );
}
