import { Alert, Anchor, Button, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../data/client.js';
import { useRequest, useRequestType } from '../data/queries.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { StatusBadge } from '../components/status-badge.js';
import { StatusMessage } from '../components/status-message.js';
import { SlaBadge } from '../components/sla-badge.js';
import { AssignControl } from '../requests/assign-control.js';
import { AttachmentList } from '../requests/attachment-list.js';
import { CommentThread } from '../requests/comment-thread.js';
import { HistoryTimeline } from '../requests/history-timeline.js';
import { SchemaValueList } from '../forms/schema-values.js';
import { dcFormPdfUrl, dcReturnLetterUrl } from '../data/data-centre.api.js';
import { DcApplicationView, DcRequestSections } from '../data-centre/dc-request-sections.js';
import { useLabels } from '../i18n/labels.js';
import { RecordedSteps } from '../requests/recorded-steps.js';
import { WebContentRouteHint } from '../requests/web-content-route-hint.js';
import { RelatedAssets } from '../requests/related-assets.js';
import { RequestFields } from '../requests/request-fields.js';
import { ServiceClocks } from '../requests/service-clocks.js';
import { WorkflowActions } from '../requests/workflow-actions.js';
import { WorkflowProgress } from '../requests/workflow-progress.js';
import type { FiledState } from './request-new.page.js';

/**
 * One request: the steps the viewer may take, where it stands in its workflow (issue 3), its 附件一
 * fields and its type's own, what the steps recorded, assignment, files, comments and history (DESK-1).
 */
export function RequestDetailPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { id = '' } = useParams();
  const location = useLocation();
  const filed = location.state as FiledState | null;
  const request = useRequest(id);
  // The type as the request's own definition version has it: its flow, form and printed document.
  const typeInfo = useRequestType(
    request.data?.type ?? 'general',
    request.data?.workflow?.version ?? null,
    request.data !== undefined,
  );
  // Once steps were offered, the section stays so that the result of the last one can be read.
  const [actionsShown, setActionsShown] = useState(false);
  usePageTitle(request.data ? t('detail.title', { number: request.data.number }) : t('detail.loadingTitle'));

  if (request.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (request.isError) {
    const notFound = request.error instanceof ApiError && request.error.status === 404;
    return (
      <Stack align="flex-start">
        <Title order={1}>{t('detail.loadingTitle')}</Title>
        {notFound ? (
          <Text>{t('detail.notFound')}</Text>
        ) : (
          <ProblemAlert error={request.error} onRetry={() => void request.refetch()} />
        )}
        <Anchor component={Link} to="/requests">
          {t('detail.back')}
        </Anchor>
      </Stack>
    );
  }

  const r = request.data;
  const actionCount = r.workflow?.actions.length ?? 0;
  if (actionCount > 0 && !actionsShown) setActionsShown(true);
  const info = typeInfo.data;
  const typeTitle = info ? labels.localised(info.title) : labels.type(r.type);
  const formHasFields = info ? Object.keys((info.form.properties as object | undefined) ?? {}).length > 0 : false;
  const showForm = formHasFields || Object.keys(r.form).length > 0;
  return (
    <>
      <Anchor component={Link} to="/requests" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" gap="sm">
        <div>
          <Group gap="sm" align="center">
            <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>
              {t('detail.title', { number: r.number })}
            </Title>
            <StatusBadge status={r.status} />
          </Group>
          <Text size="lg" mt={4} fw={500}>
            {r.title}
          </Text>
        </div>
        {r.type === 'dc_equipment' ? (
          // Issue 6: the move form (both pages) and, once returned, the return letter, printed by the server.
          <Group gap="xs">
            <Button component="a" href={dcFormPdfUrl(r.id)} variant="default">
              {t('dataCentre.print.form')}
            </Button>
            {r.status === 'rejected' && (
              <Button component="a" href={dcReturnLetterUrl(r.id)} variant="default">
                {t('dataCentre.print.returnLetter')}
              </Button>
            )}
          </Group>
        ) : (
          <Group gap="xs">
            {/* A type without a paper form (the rule-change notice) prints only its PDF record. */}
            {info?.filing.document !== 'record' && (
              <Button component={Link} to={`/requests/${r.id}/print`} variant="default">
                {info?.filing.document === 'attachment_4' ? t('detail.printAttachment4') : t('detail.print')}
              </Button>
            )}
            {/* The server's PDF of the printed form (附件一, 附件三 or 附件四) with its CJK font. */}
            <Button component="a" href={`/api/requests/${encodeURIComponent(r.id)}/form.pdf`} variant="default">
              {info?.filing.document === 'record' ? t('detail.printRecord') : t('detail.pdf')}
            </Button>
          </Group>
        )}
      </Group>

      <StatusMessage>{filed && !filed.uploadError ? t('form.created', { number: filed.created }) : null}</StatusMessage>
      {filed?.uploadError && (
        <Alert color="red" variant="light" mb="md" title={t('common.errorTitle')}>
          {t('form.uploadFailed', { number: filed.created, reason: filed.uploadError })}
        </Alert>
      )}

      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {/* First on every screen: what can be done now (the next step is why most people come). */}
            {(actionCount > 0 || actionsShown) && (
              <SectionCard title={t('detail.sectionActions')}>
                <WorkflowActions request={r} graph={info?.graph} />
              </SectionCard>
            )}
            {r.type === 'dc_equipment' && <DcRequestSections request={r} />}
            {r.workflow && (
              <SectionCard title={t('detail.sectionFlow')}>
                <WorkflowProgress
                  workflow={r.workflow}
                  typeInfo={info}
                  typeError={typeInfo.error}
                  onRetry={() => void typeInfo.refetch()}
                />
              </SectionCard>
            )}
            <SectionCard title={t('detail.sectionDetails')}>
              <RequestFields request={r} />
            </SectionCard>
            {showForm && (
              <SectionCard title={t('detail.sectionForm', { title: typeTitle })}>
                {r.type === 'dc_equipment' ? (
                  <DcApplicationView request={r} info={info} />
                ) : info ? (
                  <SchemaValueList schema={info.form} values={r.form} />
                ) : (
                  <Loader size="sm" aria-label={t('app.loading')} />
                )}
              </SectionCard>
            )}
            {r.type === 'web_content' && (
              <SectionCard title={t('webContentRouting.hint.title')}>
                <WebContentRouteHint form={r.form} />
              </SectionCard>
            )}
            <SectionCard title={t('detail.sectionDescription')}>
              <Text className="preserve-lines">{r.description}</Text>
            </SectionCard>
            {r.workflow && (
              <SectionCard title={t('detail.sectionRecord')}>
                <RecordedSteps request={r} typeInfo={info} />
              </SectionCard>
            )}
            <SectionCard title={t('detail.sectionAttachments')}>
              <AttachmentList request={r} />
            </SectionCard>
            <SectionCard title={t('detail.sectionComments')}>
              <CommentThread request={r} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {r.can.assign && (
              <SectionCard title={t('detail.sectionAssignment')}>
                <AssignControl request={r} />
              </SectionCard>
            )}
            <SectionCard title={t('relatedAssets.title')}>
              <RelatedAssets requestId={r.id} />
            </SectionCard>
            <SectionCard title={t('detail.sectionClocks')}>
              <SlaBadge sla={r.sla} />
              <ServiceClocks clocks={r.clocks} />
            </SectionCard>
            <SectionCard title={t('detail.sectionHistory')}>
              <HistoryTimeline events={r.history} />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
