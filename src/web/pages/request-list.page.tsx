import { Button, Center, Group, Loader, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { canListUsers, useAssignees, useRequestPage, useUnits } from '../data/queries.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { Pager } from '../components/pager.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { filtersFromParams, filtersToParams, filtersToQuery, type ListFilters } from '../requests/list-params.js';
import { RequestCards } from '../requests/request-cards.js';
import { RequestFilters } from '../requests/request-filters.js';
import { RequestTable } from '../requests/request-table.js';

/** 「我的申請」 for requesters, the desk's queue for those who see every request (DESK-1). */
export function RequestListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queue = me.abilities.seeAllRequests;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  // 「待我處理」 (issue 3): the same list, filtered to the requests whose current step waits for me.
  const waiting = filters.waitingFor === 'me';
  const title = waiting ? t('list.titleWaiting') : queue ? t('list.titleQueue') : t('list.titleMine');
  const intro = waiting ? t('list.introWaiting') : queue ? t('list.introQueue') : t('list.introMine');
  usePageTitle(title);
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const page = useRequestPage(filtersToQuery(filters));
  const units = useUnits();
  const assignees = useAssignees(canListUsers(me));
  const apply = (next: ListFilters) => setParams(filtersToParams(next));
  const filtered = params.toString() !== '';

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <div>
          <Title order={1}>{title}</Title>
          <Text mt={4}>{intro}</Text>
        </div>
        <Button component={Link} to="/requests/new">
          {t('list.newRequest')}
        </Button>
      </Group>
      <RequestFilters
        key={params.toString()}
        initial={filters}
        queueFilters={queue}
        assigneeFilter={canListUsers(me)}
        units={units.data ?? []}
        assignees={assignees.data ?? []}
        onApply={apply}
        collapsible={narrow}
      />
      <div role="status" aria-live="polite">
        {page.data && (
          <Text fw={700} mb="sm">
            {/* Counts stop at a cap at a million rows (issue 7). */}
            {page.data.totalCapped
              ? t('list.totalCapped', { count: page.data.total.toLocaleString(i18n.language) })
              : t('list.total', { count: page.data.total })}
          </Text>
        )}
      </div>
      {page.isPending && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {page.isError && <ProblemAlert error={page.error} onRetry={() => void page.refetch()} />}
      {page.data && page.data.items.length === 0 && (
        <Text py="lg">
          {waiting ? t('list.emptyWaiting') : filtered || queue ? t('list.empty') : t('list.emptyMine')}
        </Text>
      )}
      {page.data &&
        page.data.items.length > 0 &&
        (narrow ? <RequestCards items={page.data.items} /> : <RequestTable items={page.data.items} />)}
      {page.data && (
        <Pager
          page={page.data.page}
          pageSize={page.data.pageSize}
          total={page.data.total}
          onPage={(p) => apply({ ...filters, page: p })}
        />
      )}
    </>
  );
}
