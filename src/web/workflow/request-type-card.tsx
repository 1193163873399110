import { Alert, Box, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import { publicApplicationPath } from '../applications/public-application.js';
import { useLabels } from '../i18n/labels.js';
import { FlowDiagram } from './flow-diagram.js';

/** One request type in the catalogue: what it is for, its form, channels, account, flow and a way to start. */
export function RequestTypeCard({ info }: { info: RequestTypeInfo }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const flowId = useId();
  const [flowShown, setFlowShown] = useState(false);
  const title = labels.localised(info.title);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-type={info.type}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {title}
      </Title>
      <Text className="preserve-lines" mb="sm">
        {labels.localised(info.description)}
      </Text>
      <dl className="field-list">
        <dt>{t('catalogue.document')}</dt>
        <dd>{t(`catalogue.documents.${info.filing.document}`)}</dd>
        <dt>{t('catalogue.channels')}</dt>
        <dd>{labels.list(info.filing.channels.map((c) => labels.channel(c)))}</dd>
        <dt>{t('catalogue.account')}</dt>
        <dd>{info.filing.public ? t('catalogue.accountNotNeeded') : t('catalogue.accountNeeded')}</dd>
        <dt>{t('catalogue.version')}</dt>
        <dd>{t('catalogue.versionValue', { version: info.version })}</dd>
      </dl>
      {info.filing.public && (
        <Alert color="govBlue" variant="light" role="note" mt="sm">
          {t('catalogue.publicNote')}
        </Alert>
      )}
      <Group gap="sm" mt="md">
        <Button
          component={Link}
          to={
            (info.filing.public ? publicApplicationPath(info.type) : null) ??
            `/requests/new?type=${encodeURIComponent(info.type)}`
          }
        >
          {info.filing.public ? t('catalogue.startPublic', { title }) : t('catalogue.start', { title })}
        </Button>
        <Button
          variant="default"
          aria-expanded={flowShown}
          aria-controls={flowId}
          onClick={() => setFlowShown((shown) => !shown)}
          rightSection={<span aria-hidden="true">{flowShown ? '▴' : '▾'}</span>}
        >
          {t('catalogue.showFlow')}
        </Button>
      </Group>
      <div id={flowId}>
        {flowShown && (
          <Box mt="md">
            <FlowDiagram graph={info.graph} title={title} actions={info.actions} />
          </Box>
        )}
      </div>
    </Paper>
  );
}
