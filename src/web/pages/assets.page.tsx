import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AssetCreateForm } from '../assets/asset-create-form.js';
import { AssetFiltersForm } from '../assets/asset-filters.js';
import {
  assetFiltersFromParams,
  assetFiltersToParams,
  assetFiltersToQuery,
  type AssetFilters,
} from '../assets/asset-list-params.js';
import { AssetTable } from '../assets/asset-table.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { Pager } from '../components/pager.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { listAssets } from '../data/assets.api.js';
import { useUnits } from '../data/queries.js';
import { queryKeys } from '../data/query-keys.js';

/** The asset register (issue 6, ITSM-3): every item for its readers, a unit's own for its staff. */
export function AssetsPage() {
  const { t } = useTranslation();
  usePageTitle(t('assets.title'));
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = assetFiltersFromParams(params);
  const query = assetFiltersToQuery(filters);
  const page = useQuery({
    queryKey: queryKeys.assetPage(query),
    queryFn: () => listAssets(query),
    placeholderData: keepPreviousData,
  });
  const units = useUnits();
  const apply = (next: AssetFilters) => setParams(assetFiltersToParams(next));
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('assets.title')}</Title>
        <Text mt={4}>{t('assets.intro')}</Text>
      </div>
      <AssetFiltersForm key={params.toString()} initial={filters} units={units.data ?? []} onApply={apply} />
      <div role="status" aria-live="polite">
        {page.data && <Text fw={700}>{t('assets.total', { count: page.data.total })}</Text>}
      </div>
      {page.isPending && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {page.isError && <ProblemAlert error={page.error} onRetry={() => void page.refetch()} />}
      {page.data && page.data.items.length === 0 && <Text>{t('assets.empty')}</Text>}
      {page.data && page.data.items.length > 0 && <AssetTable items={page.data.items} />}
      {page.data && (
        <Pager
          page={page.data.page}
          pageSize={page.data.pageSize}
          total={page.data.total}
          onPage={(p) => apply({ ...filters, page: p })}
        />
      )}
      {me.abilities.manageAssets && (
        <SectionCard title={t('assets.create')}>
          <AssetCreateForm units={units.data ?? []} />
        </SectionCard>
      )}
    </Stack>
  );
}
