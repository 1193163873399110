import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSET_KINDS, ASSET_STATUSES } from '../../shared/api/asset.schema.js';
import type { Unit } from '../../shared/api/organisation.schema.js';
import { UnitSelect } from '../components/unit-select.js';
import { useAssetLabels } from './asset-labels.js';
import { NO_ASSET_FILTERS, type AssetFilters } from './asset-list-params.js';

type Props = { initial: AssetFilters; units: readonly Unit[]; onApply: (filters: AssetFilters) => void };

/** The register's search form; it applies on submit so that nothing moves while someone is still typing. */
export function AssetFiltersForm({ initial, units, onApply }: Props) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const headingId = useId();
  const [filters, setFilters] = useState(initial);
  const set = <K extends keyof AssetFilters>(key: K, value: AssetFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...filters, page: 1 });
  };
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('assets.filters')}
      </Title>
      <form onSubmit={onSubmit} role="search">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t('assets.q')}
            description={t('assets.qHint')}
            type="search"
            value={filters.q}
            onChange={(e) => set('q', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('assets.status')}
            value={filters.status}
            onChange={(e) => set('status', e.currentTarget.value as AssetFilters['status'])}
            data={[
              { value: '', label: t('assets.statusAll') },
              ...ASSET_STATUSES.map((s) => ({ value: s, label: labels.status(s) })),
            ]}
          />
          <NativeSelect
            label={t('assets.kind')}
            value={filters.kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
            data={[
              { value: '', label: t('assets.kindAll') },
              ...ASSET_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
            ]}
          />
          <UnitSelect
            label={t('assets.unit')}
            units={units}
            emptyOption={t('assets.unitAll')}
            value={filters.unitId}
            onChange={(e) => set('unitId', e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group mt="md" gap="sm">
          <Button type="submit">{t('assets.apply')}</Button>
          <Button
            type="button"
            variant="default"
            onClick={() => {
              setFilters(NO_ASSET_FILTERS);
              onApply(NO_ASSET_FILTERS);
            }}
          >
            {t('assets.reset')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
