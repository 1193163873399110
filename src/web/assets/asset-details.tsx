import { Button, Group, SimpleGrid, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetDetail } from '../../shared/api/asset.schema.js';
import { DateText, DateTimeText } from '../components/date-text.js';
import { StatusMessage } from '../components/status-message.js';
import { AssetEditForm } from './asset-edit-form.js';
import { useAssetLabels } from './asset-labels.js';

const show = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** An item's facts as a description list; editors change them in place. */
export function AssetDetails({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const none = t('common.none');
  const rows: Array<[string, ReactNode]> = [
    [t('assets.fields.assetNumber'), asset.assetNumber],
    [t('assets.fields.name'), asset.name],
    [t('assets.fields.kind'), labels.kind(asset.kind)],
    [t('assets.columns.status'), labels.status(asset.status)],
    [t('assets.fields.ownerUnit'), asset.ownerUnit?.name ?? none],
    [t('assets.fields.rackLocation'), asset.rackLocation || none],
    [t('assets.fields.ipAddresses'), asset.ipAddresses.length > 0 ? asset.ipAddresses.join(', ') : none],
    [t('assets.fields.os'), [asset.os, asset.osVersion].filter(Boolean).join(' ') || none],
    [t('assets.fields.brand'), asset.brand || none],
    [t('assets.fields.model'), asset.model || none],
    [t('assets.fields.serialNumber'), asset.serialNumber || none],
    [t('assets.fields.inServiceSince'), asset.inServiceSince ? <DateText value={asset.inServiceSince} /> : none],
    ...(asset.retiredOn
      ? ([[t('assets.fields.retiredOn'), <DateText key="retired" value={asset.retiredOn} />]] as Array<
          [string, ReactNode]
        >)
      : []),
    [t('assets.fields.updatedAt'), <DateTimeText key="updated" value={asset.updatedAt} />],
  ];
  const attributes = Object.entries(asset.attributes);
  const evidence = Object.entries(asset.evidence);
  return (
    <>
      <StatusMessage>{saved && !editing ? t('assets.saved') : null}</StatusMessage>
      {editing ? (
        <AssetEditForm
          asset={asset}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <>
          <SimpleGrid
            component="dl"
            cols={{ base: 1, sm: 2 }}
            spacing="xs"
            verticalSpacing="xs"
            className="asset-facts"
          >
            {rows.map(([label, value]) => (
              <div key={label}>
                <Text component="dt" size="sm" c="dimmed">
                  {label}
                </Text>
                <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
                  {value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          {attributes.length > 0 && (
            <>
              <Text fw={700} mt="md">
                {t('assets.fields.attributes')}
              </Text>
              <ul>
                {attributes.map(([key, value]) => (
                  <li key={key}>
                    {key}：{show(value)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {evidence.length > 0 && (
            <>
              <Text fw={700} mt="md">
                {t('assets.fields.evidence')}
              </Text>
              <ul>
                {evidence.map(([key, value]) => (
                  <li key={key} style={{ overflowWrap: 'anywhere' }}>
                    {key}：{show(value)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {asset.can.edit && (
            <Group mt="md">
              <Button
                variant="default"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('assets.edit')}
              </Button>
            </Group>
          )}
        </>
      )}
    </>
  );
}
