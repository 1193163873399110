import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestSummary } from '../../shared/api/request.schema.js';
import { DateText } from '../components/date-text.js';
import { SlaBadge } from '../components/sla-badge.js';
import { StatusBadge } from '../components/status-badge.js';
import { useLabels } from '../i18n/labels.js';

/** The list as a table, for screens wide enough to hold one. */
export function RequestTable({ items }: { items: readonly RequestSummary[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption className="table-caption">{t('list.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.columns.number')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.applicant')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.wishedDate')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.assignee')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.sla')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/requests/${r.id}`} className="request-number" fw={700}>
                  {r.number}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {r.title}
                <Text size="xs" c="dimmed">
                  {labels.type(r.type)}
                  {r.priority !== 'normal' && ` · ${t('list.priority', { priority: labels.priority(r.priority) })}`}
                </Text>
              </Table.Td>
              <Table.Td>{r.unitName}</Table.Td>
              <Table.Td>{r.applicantName}</Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <DateText value={r.wishedDate} format="short" />
              </Table.Td>
              <Table.Td>{r.assignee?.displayName ?? t('list.unassigned')}</Table.Td>
              <Table.Td>
                <SlaBadge sla={r.sla} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
