import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServiceLevelReport } from '../../shared/api/report.schema.js';
import { REQUEST_TYPES, type RequestType } from '../../shared/request-vocabulary.js';
import { useLabels } from '../i18n/labels.js';
import { percent } from './report-period.js';
import { ScrollTable } from '../components/scroll-table.js';

type Row = ServiceLevelReport['rows'][number];

/** The name of a group: the type's label, the target's key, or what the server calls it. */
export function useGroupName() {
  const { t } = useTranslation();
  const labels = useLabels();
  return (report: ServiceLevelReport, row: Row): string => {
    if (report.groupBy === 'type' && row.key && (REQUEST_TYPES as readonly string[]).includes(row.key)) {
      return labels.type(row.key as RequestType);
    }
    if (report.groupBy === 'target') return row.key ?? t('reports.unknownGroup');
    return row.label ?? row.key ?? t('reports.unknownGroup');
  };
}

/** A clear mark that a group missed its targets often enough to call for a review (SLA-4). */
export function ReviewBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      radius="sm"
      styles={{ root: { background: '#fdecea', color: '#7f1d14', borderColor: '#e38b80', textTransform: 'none' } }}
    >
      {t('reports.reviewNeeded')}
    </Badge>
  );
}

/** The report as a table with a totals row. */
export function ServiceLevelTable({ report, caption }: { report: ServiceLevelReport; caption: string }) {
  const { t } = useTranslation();
  const groupName = useGroupName();
  const compliance = (share: number | null) => percent(share) ?? t('reports.noCompliance');
  return (
    <ScrollTable minWidth={640} label={caption}>
      <Table striped verticalSpacing="sm" captionSide="top" data-testid="service-level-table">
        <Table.Caption className="table-caption">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.columns.group')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.columns.total')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.columns.met')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.columns.breached')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.columns.open')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.columns.compliance')}
            </Table.Th>
            <Table.Th scope="col">{t('reports.columns.review')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row, index) => (
            <Table.Tr key={row.key ?? `none-${index}`}>
              <Table.Th scope="row" fw={400}>
                {groupName(report, row)}
              </Table.Th>
              <Table.Td ta="right">{row.total}</Table.Td>
              <Table.Td ta="right">{row.met}</Table.Td>
              <Table.Td ta="right">{row.breached}</Table.Td>
              <Table.Td ta="right">{row.open}</Table.Td>
              <Table.Td ta="right">{compliance(row.compliance)}</Table.Td>
              <Table.Td>{row.reviewNeeded ? <ReviewBadge /> : t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr style={{ fontWeight: 700, borderTop: '2px solid #495057' }}>
            <Table.Th scope="row">{t('reports.totals')}</Table.Th>
            <Table.Td ta="right">{report.totals.total}</Table.Td>
            <Table.Td ta="right">{report.totals.met}</Table.Td>
            <Table.Td ta="right">{report.totals.breached}</Table.Td>
            <Table.Td ta="right">{report.totals.open}</Table.Td>
            <Table.Td ta="right">{compliance(report.totals.compliance)}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
