import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssetSummary } from '../../shared/api/asset.schema.js';
import { useAssetLabels } from '../assets/asset-labels.js';
import { AssetSearchBox, useAssetSearch } from '../assets/asset-search.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { getRequestAssets, linkRequestAsset, unlinkRequestAsset } from '../data/assets.api.js';
import { queryKeys } from '../data/query-keys.js';

/** One item as a line: its number (a link to it), name and kind. */
function AssetLine({ asset }: { asset: AssetSummary }) {
  const labels = useAssetLabels();
  return (
    <span>
      <Anchor component={Link} to={`/assets/${asset.id}`} className="request-number" fw={700}>
        {asset.assetNumber}
      </Anchor>{' '}
      {asset.name}
      <Text component="span" size="sm" c="dimmed">
        {' '}
        · {labels.kind(asset.kind)}
      </Text>
    </span>
  );
}

const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 6 } as const;

/**
 * 「相關資產」 on the request page (issue 6, ITSM-3): the register's items this request or incident
 * concerns; whoever may comment on it links and unlinks items they can see.
 */
export function RelatedAssets({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const linked = useQuery({ queryKey: queryKeys.requestAssets(requestId), queryFn: () => getRequestAssets(requestId) });
  const search = useAssetSearch();
  const [message, setMessage] = useState<string | null>(null);
  const afterChange = (text: string) => {
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: queryKeys.assets, refetchType: 'none' });
  };
  const link = useMutation({
    mutationFn: (asset: AssetSummary) => linkRequestAsset(requestId, asset.id),
    onSuccess: (result, asset) => {
      queryClient.setQueryData(queryKeys.requestAssets(requestId), result);
      afterChange(t('relatedAssets.linked', { number: asset.assetNumber }));
    },
  });
  const unlink = useMutation({
    mutationFn: (asset: AssetSummary) => unlinkRequestAsset(requestId, asset.id),
    onSuccess: (_result, asset) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.requestAssets(requestId) });
      afterChange(t('relatedAssets.unlinked', { number: asset.assetNumber }));
    },
  });
  if (linked.isPending) return <Text>{t('app.loading')}</Text>;
  if (linked.isError) return <ProblemAlert error={linked.error} onRetry={() => void linked.refetch()} />;
  const { items, hidden, canLink } = linked.data;
  const linkedIds = new Set(items.map((i) => i.id));
  const results = (search.results ?? []).filter((a) => !linkedIds.has(a.id));
  return (
    <Stack gap="sm">
      <Text size="sm">{t('relatedAssets.intro')}</Text>
      <StatusMessage>{message}</StatusMessage>
      {(link.error ?? unlink.error) && <ProblemAlert error={link.error ?? unlink.error} />}
      {items.length === 0 ? (
        <Text>{t('relatedAssets.empty')}</Text>
      ) : (
        <ul style={listStyle} aria-label={t('relatedAssets.listLabel')}>
          {items.map((asset) => (
            <li key={asset.id}>
              <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                <AssetLine asset={asset} />
                {canLink && (
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red.9"
                    aria-label={t('relatedAssets.unlinkLabel', { number: asset.assetNumber })}
                    loading={unlink.isPending && unlink.variables.id === asset.id}
                    onClick={() => {
                      setMessage(null);
                      unlink.mutate(asset);
                    }}
                  >
                    {t('relatedAssets.unlink')}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && <Text size="sm">{t('relatedAssets.hidden', { count: hidden })}</Text>}
      {canLink && (
        <>
          <AssetSearchBox
            label={t('relatedAssets.search')}
            description={t('relatedAssets.searchHint')}
            submit={t('relatedAssets.searchSubmit')}
            onSearch={search.setQ}
          />
          {search.error && <ProblemAlert error={search.error} />}
          {search.results && results.length === 0 && <Text size="sm">{t('relatedAssets.noMatches')}</Text>}
          {results.length > 0 && (
            <ul style={listStyle} aria-label={t('relatedAssets.results')}>
              {results.map((asset) => (
                <li key={asset.id}>
                  <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                    <AssetLine asset={asset} />
                    <Button
                      size="compact-sm"
                      variant="outline"
                      aria-label={t('relatedAssets.linkLabel', { number: asset.assetNumber })}
                      loading={link.isPending && link.variables.id === asset.id}
                      onClick={() => {
                        setMessage(null);
                        link.mutate(asset);
                      }}
                    >
                      {t('relatedAssets.link')}
                    </Button>
                  </Group>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Stack>
  );
}
