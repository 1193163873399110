import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssetSummary } from '../../shared/api/asset.schema.js';
import { ScrollTable } from '../components/scroll-table.js';
import { useAssetLabels } from './asset-labels.js';

/** The register as a table: the asset number heads each row and opens the item. */
export function AssetTable({ items }: { items: readonly AssetSummary[] }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  return (
    <ScrollTable minWidth={1000} label={t('assets.caption')}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption className="table-caption">{t('assets.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assets.columns.number')}</Table.Th>
            <Table.Th scope="col">{t('assets.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('assets.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('assets.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('assets.columns.rack')}</Table.Th>
            <Table.Th scope="col">{t('assets.columns.ips')}</Table.Th>
            <Table.Th scope="col">{t('assets.columns.os')}</Table.Th>
            <Table.Th scope="col">{t('assets.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/assets/${a.id}`} className="request-number" fw={700}>
                  {a.assetNumber}
                </Anchor>
              </Table.Th>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>{labels.kind(a.kind)}</Table.Td>
              <Table.Td>{a.ownerUnit?.name ?? t('common.none')}</Table.Td>
              <Table.Td>{a.rackLocation || t('common.none')}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {a.ipAddresses.length > 0 ? a.ipAddresses.join(', ') : t('common.none')}
              </Table.Td>
              <Table.Td>{[a.os, a.osVersion].filter(Boolean).join(' ') || t('common.none')}</Table.Td>
              <Table.Td>{labels.status(a.status)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
