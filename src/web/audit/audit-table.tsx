import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../shared/api/audit.schema.js';
import { DateTimeText } from '../components/date-text.js';
import { ScrollTable } from '../components/scroll-table.js';

/** Audit records: time (Asia/Taipei), who, what, on what, from where. */
export function AuditTable({ records }: { records: readonly AuditRecord[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={760} label={t('audit.caption')}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption className="table-caption">{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.object')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <DateTimeText value={r.at} />
              </Table.Td>
              <Table.Td>{r.actor ? `${r.actor.displayName} (${r.actor.username})` : t('audit.system')}</Table.Td>
              <Table.Td>
                <code>{r.action}</code>
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                {r.objectType || r.objectId ? [r.objectType, r.objectId].filter(Boolean).join(' ') : t('common.none')}
              </Table.Td>
              <Table.Td>{r.ip ?? t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
