import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NON_DEPUTISABLE_ROLES } from '../../shared/api/deputy.schema.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { listDeputyships } from '../data/deputies.api.js';
import { queryKeys } from '../data/query-keys.js';
import { DeputyForm } from '../deputies/deputy-form.js';
import { DeputyTable } from '../deputies/deputy-table.js';

/** Deputies (ORG-3, 職務代理人): administrators manage all; role holders appoint their own. */
export function DeputiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('deputies.title'));
  const me = useMe();
  const list = useQuery({ queryKey: queryKeys.deputies, queryFn: listDeputyships });
  const canAppoint = me.abilities.manageUsers || me.roles.some((r) => !NON_DEPUTISABLE_ROLES.includes(r.role));
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('deputies.title')}</Title>
        <Text mt={4}>{t('deputies.intro')}</Text>
      </div>
      <SectionCard title={t('deputies.appoint')}>
        {canAppoint ? <DeputyForm me={me} /> : <Text>{t('deputies.noRoles')}</Text>}
      </SectionCard>
      <SectionCard title={t('deputies.listTitle')}>
        {list.isPending && (
          <Center py="md">
            <Loader aria-label={t('app.loading')} />
          </Center>
        )}
        {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && <DeputyTable deputyships={list.data} />}
      </SectionCard>
    </Stack>
  );
}
