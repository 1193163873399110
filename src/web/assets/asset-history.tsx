import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSET_RELATION_KINDS, type AssetHistoryEntry, type AssetRelationKind } from '../../shared/api/asset.schema.js';
import { DateTimeText } from '../components/date-text.js';
import { useAssetLabels } from './asset-labels.js';

const FIELD_KEYS = [
  'name',
  'rackLocation',
  'ipAddresses',
  'os',
  'osVersion',
  'brand',
  'model',
  'serialNumber',
  'attributes',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];
const isFieldKey = (k: string): k is FieldKey => (FIELD_KEYS as readonly string[]).includes(k);
const isRelationKind = (k: unknown): k is AssetRelationKind =>
  typeof k === 'string' && (ASSET_RELATION_KINDS as readonly string[]).includes(k);

/** A recorded value as text: lists joined, objects as name：value. */
function valueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) return value.length > 0 ? value.map(String).join(', ') : empty;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length > 0 ? entries.map(([k, v]) => `${k}：${String(v)}`).join('、') : empty;
  }
  return String(value);
}

/** The lines that say what an entry changed. */
function useEntryLines() {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  return (entry: AssetHistoryEntry): string[] => {
    const data = entry.data;
    if (entry.kind === 'updated' && typeof data.changes === 'object' && data.changes !== null) {
      const empty = t('assets.emptyValue');
      return Object.entries(data.changes as Record<string, { before?: unknown; after?: unknown }>).map(
        ([field, change]) =>
          t('assets.changeLine', {
            field: isFieldKey(field) ? t(`assets.fields.${field}`) : field,
            before: valueText(change.before, empty),
            after: valueText(change.after, empty),
          }),
      );
    }
    if ((entry.kind === 'related' || entry.kind === 'unrelated') && isRelationKind(data.relation)) {
      const direction = data.direction === 'incoming' ? 'incoming' : 'outgoing';
      return [
        t('assets.relationLine', {
          relation: labels.relation(direction, data.relation),
          number: typeof data.assetNumber === 'string' ? data.assetNumber : '',
        }),
      ];
    }
    if (entry.kind === 'registered' && data.byHand === true) return [t('assets.byHand')];
    return [];
  };
}

/** An item's history, oldest first: what changed, who, when, and the request involved. */
export function AssetHistory({ entries }: { entries: readonly AssetHistoryEntry[] }) {
  const { t } = useTranslation();
  const lines = useEntryLines();
  if (entries.length === 0) return <Text>{t('assets.noHistory')}</Text>;
  return (
    <ol className="history-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          <Text fw={700}>{t(`assets.historyKinds.${entry.kind}`)}</Text>
          <Text size="sm">
            {entry.actor?.displayName ?? t('assets.system')} · <DateTimeText value={entry.at} />
          </Text>
          {entry.request && (
            <Text size="sm">
              <Anchor component={Link} to={`/requests/${entry.request.id}`}>
                {t('assets.requestLine', { number: entry.request.number })}
              </Anchor>
            </Text>
          )}
          {lines(entry).map((line) => (
            <Text size="sm" key={line} style={{ overflowWrap: 'anywhere' }}>
              {line}
            </Text>
          ))}
        </li>
      ))}
    </ol>
  );
}
