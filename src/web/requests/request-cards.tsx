import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestSummary } from '../../shared/api/request.schema.js';
import { DateText } from '../components/date-text.js';
import { SlaBadge } from '../components/sla-badge.js';
import { StatusBadge } from '../components/status-badge.js';
import { useLabels } from '../i18n/labels.js';

/** The list as cards, for phone-size screens (PLAT-2). */
export function RequestCards({ items }: { items: readonly RequestSummary[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.caption')}>
      {items.map((r) => (
        <Paper component="li" key={r.id} withBorder p="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
            <Anchor component={Link} to={`/requests/${r.id}`} className="request-number" fw={700}>
              {r.number}
            </Anchor>
            <StatusBadge status={r.status} />
          </Group>
          <Text fw={600}>{r.title}</Text>
          <Text size="xs" c="dimmed" mb={6}>
            {labels.type(r.type)}
            {r.priority !== 'normal' && ` · ${t('list.priority', { priority: labels.priority(r.priority) })}`}
          </Text>
          <dl className="field-list" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
            <dt>{t('list.columns.unit')}</dt>
            <dd>{r.unitName}</dd>
            <dt>{t('list.columns.applicant')}</dt>
            <dd>{r.applicantName}</dd>
            <dt>{t('list.columns.wishedDate')}</dt>
            <dd>
              <DateText value={r.wishedDate} format="short" />
            </dd>
            <dt>{t('list.columns.assignee')}</dt>
            <dd>{r.assignee?.displayName ?? t('list.unassigned')}</dd>
            <dt>{t('list.columns.sla')}</dt>
            <dd>
              <SlaBadge sla={r.sla} />
            </dd>
          </dl>
        </Paper>
      ))}
    </Stack>
  );
}
