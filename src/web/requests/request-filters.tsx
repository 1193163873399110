import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit, UserSummary } from '../../shared/api/organisation.schema.js';
import { SORT_KEYS } from '../../shared/api/request.schema.js';
import { REQUEST_STATUSES, REQUEST_TYPES } from '../../shared/request-vocabulary.js';
import { UnitSelect } from '../components/unit-select.js';
import { useLabels } from '../i18n/labels.js';
import { NO_FILTERS, type ListFilters } from './list-params.js';

type Props = {
  initial: ListFilters;
  /** Unit and assignee filters are for those who see every unit's requests. */
  queueFilters: boolean;
  /** Filtering by a named assignee needs the list of people, which not everyone may read. */
  assigneeFilter: boolean;
  units: readonly Unit[];
  assignees: readonly UserSummary[];
  onApply: (filters: ListFilters) => void;
  /** On phones the form folds away behind its heading until asked for. */
  collapsible: boolean;
};

/** The filter form; it applies on submit so that nothing moves while someone is still choosing. */
export function RequestFilters(props: Props) {
  const { initial, queueFilters, assigneeFilter, units, assignees, onApply, collapsible } = props;
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const formId = useId();
  const [open, setOpen] = useState(!collapsible);
  const [filters, setFilters] = useState(initial);
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...filters, page: 1 });
  };
  const onReset = () => {
    setFilters(NO_FILTERS);
    onApply(NO_FILTERS);
  };

  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb={open ? 'sm' : 0}>
        <Title order={2} size="h4" id={headingId}>
          {t('list.filters')}
        </Title>
        {collapsible && (
          <Button
            variant="default"
            size="compact-sm"
            aria-expanded={open}
            aria-controls={formId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('list.hideFilters') : t('list.showFilters')}
          </Button>
        )}
      </Group>
      <form onSubmit={onSubmit} role="search" id={formId} hidden={!open}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: queueFilters ? 3 : 4 }} spacing="sm">
          <TextInput
            label={t('list.q')}
            description={t('list.qHint')}
            type="search"
            value={filters.q}
            onChange={(e) => set('q', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('list.status')}
            value={filters.status}
            onChange={(e) => set('status', e.currentTarget.value as ListFilters['status'])}
            data={[
              { value: '', label: t('list.statusAll') },
              { value: 'open', label: t('list.statusOpen') },
              ...REQUEST_STATUSES.map((s) => ({ value: s, label: labels.status(s) })),
            ]}
          />
          <NativeSelect
            label={t('list.type')}
            value={filters.type}
            onChange={(e) => set('type', e.currentTarget.value as ListFilters['type'])}
            data={[
              { value: '', label: t('list.typeAll') },
              ...REQUEST_TYPES.map((type) => ({ value: type, label: labels.type(type) })),
            ]}
          />
          {queueFilters && (
            <UnitSelect
              label={t('list.unit')}
              units={units}
              emptyOption={t('list.unitAll')}
              value={filters.unitId}
              onChange={(e) => set('unitId', e.currentTarget.value)}
            />
          )}
          {queueFilters && (
            <NativeSelect
              label={t('list.assignee')}
              value={filters.assignee}
              onChange={(e) => set('assignee', e.currentTarget.value)}
              data={[
                { value: '', label: t('list.assigneeAll') },
                { value: 'me', label: t('list.assigneeMe') },
                { value: 'none', label: t('list.assigneeNone') },
                ...(assigneeFilter ? assignees.map((u) => ({ value: u.id, label: u.displayName })) : []),
              ]}
            />
          )}
          <NativeSelect
            label={t('list.sort')}
            value={filters.sort}
            onChange={(e) => set('sort', e.currentTarget.value as ListFilters['sort'])}
            data={SORT_KEYS.map((key) => ({ value: key, label: t(`list.sortOptions.${key}`) }))}
          />
        </SimpleGrid>
        <Checkbox
          mt="md"
          label={t('list.waitingForMe')}
          description={t('list.waitingForMeHint')}
          checked={filters.waitingFor === 'me'}
          onChange={(e) => set('waitingFor', e.currentTarget.checked ? 'me' : '')}
        />
        <Group mt="md" gap="sm">
          <Button type="submit">{t('list.apply')}</Button>
          <Button type="button" variant="default" onClick={onReset}>
            {t('list.reset')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
