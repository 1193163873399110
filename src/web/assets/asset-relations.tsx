import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSET_RELATION_KINDS, type AssetDetail, type AssetRelationKind } from '../../shared/api/asset.schema.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ScrollTable } from '../components/scroll-table.js';
import { StatusMessage } from '../components/status-message.js';
import { relateAsset, unrelateAsset } from '../data/assets.api.js';
import { queryKeys } from '../data/query-keys.js';
import { useAssetLabels } from './asset-labels.js';
import { AssetSearchBox, useAssetSearch } from './asset-search.js';

/** An item's relations both ways (ITSM-3), read from this item; editors add and remove them. */
export function AssetRelations({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.asset(asset.id) });
  const remove = useMutation({
    mutationFn: (r: { toAssetId: string; fromAssetId: string; kind: AssetRelationKind }) =>
      unrelateAsset(r.fromAssetId, r.toAssetId, r.kind),
    onSuccess: () => {
      setMessage(t('assets.relationRemoved'));
      refresh();
    },
  });
  return (
    <Stack gap="sm">
      <StatusMessage>{message}</StatusMessage>
      {remove.error && <ProblemAlert error={remove.error} />}
      {asset.relations.length === 0 ? (
        <Text>{t('assets.noRelations')}</Text>
      ) : (
        <ScrollTable minWidth={480} label={t('assets.relationsCaption')}>
          <Table verticalSpacing="xs" captionSide="top">
            <Table.Caption className="table-caption">{t('assets.relationsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assets.relationColumn')}</Table.Th>
                <Table.Th scope="col">{t('assets.otherColumn')}</Table.Th>
                {asset.can.edit && <Table.Th scope="col">{t('deputies.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {asset.relations.map((r) => {
                const relation = labels.relation(r.direction, r.kind);
                return (
                  <Table.Tr key={`${r.direction}-${r.kind}-${r.asset.id}`}>
                    <Table.Td>{relation}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/assets/${r.asset.id}`} className="request-number">
                        {r.asset.assetNumber}
                      </Anchor>{' '}
                      {r.asset.name}
                    </Table.Td>
                    {asset.can.edit && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red.9"
                          aria-label={t('assets.removeRelationLabel', { relation, number: r.asset.assetNumber })}
                          loading={
                            remove.isPending &&
                            remove.variables.kind === r.kind &&
                            remove.variables.toAssetId === r.asset.id
                          }
                          onClick={() => {
                            setMessage(null);
                            remove.mutate(
                              r.direction === 'outgoing'
                                ? { fromAssetId: asset.id, toAssetId: r.asset.id, kind: r.kind }
                                : { fromAssetId: r.asset.id, toAssetId: asset.id, kind: r.kind },
                            );
                          }}
                        >
                          {t('assets.removeRelation')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {asset.hiddenRelations > 0 && (
        <Text size="sm">{t('assets.hiddenRelations', { count: asset.hiddenRelations })}</Text>
      )}
      {asset.can.edit && <AddRelation asset={asset} onAdded={() => setMessage(t('assets.related'))} />}
    </Stack>
  );
}

/** Relates this item to another found by search. */
function AddRelation({ asset, onAdded }: { asset: AssetDetail; onAdded: () => void }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const queryClient = useQueryClient();
  const search = useAssetSearch();
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<AssetRelationKind>('runs_on');
  const relate = useMutation({
    mutationFn: () => relateAsset(asset.id, { toAssetId: target, kind }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.asset(asset.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.asset(target) });
      setTarget('');
      onAdded();
    },
  });
  const options = (search.results ?? []).filter((a) => a.id !== asset.id);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (target) relate.mutate();
  };
  return (
    <section aria-labelledby={`add-relation-${asset.id}`}>
      <Title order={3} size="h4" id={`add-relation-${asset.id}`} mt="sm" mb="xs">
        {t('assets.addRelation')}
      </Title>
      <AssetSearchBox
        label={t('assets.relationSearch')}
        description={t('assets.relationSearchHint')}
        submit={t('assets.search')}
        onSearch={(q) => {
          setTarget('');
          search.setQ(q);
        }}
      />
      {search.error && <ProblemAlert error={search.error} />}
      {search.results && options.length === 0 && (
        <Text size="sm" mt="xs" role="status">
          {t('assets.noMatches')}
        </Text>
      )}
      {options.length > 0 && (
        <form onSubmit={onSubmit}>
          {relate.error && <ProblemAlert error={relate.error} />}
          <Group align="flex-end" gap="sm" mt="sm">
            <NativeSelect
              label={t('assets.relationKind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as AssetRelationKind)}
              data={ASSET_RELATION_KINDS.map((k) => ({ value: k, label: labels.relation('outgoing', k) }))}
            />
            <NativeSelect
              label={t('assets.relationTarget')}
              value={target}
              onChange={(e) => setTarget(e.currentTarget.value)}
              data={[
                { value: '', label: t('assets.chooseTarget') },
                ...options.map((a) => ({ value: a.id, label: `${a.assetNumber} ${a.name}` })),
              ]}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" disabled={!target} loading={relate.isPending}>
              {t('assets.relate')}
            </Button>
          </Group>
        </form>
      )}
    </section>
  );
}
