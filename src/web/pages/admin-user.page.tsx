import { Anchor, Center, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { HoldingsList } from '../admin/holdings-list.js';
import { OffboardForm } from '../admin/offboard-form.js';
import { UserEditForm } from '../admin/user-edit-form.js';
import { UserSecurity } from '../admin/user-security.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { ApiError } from '../data/client.js';
import { getHoldings, getUser } from '../data/organisation.api.js';
import { useUnits } from '../data/queries.js';
import { queryKeys } from '../data/query-keys.js';
import { useLabels } from '../i18n/labels.js';

/** One account (SEC-2): details and roles, state and second factor, holdings, transfer or leaving. */
export function AdminUserPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  const allowed = me.abilities.manageUsers;
  const { id = '' } = useParams();
  const user = useQuery({ queryKey: queryKeys.user(id), queryFn: () => getUser(id), enabled: allowed });
  const holdings = useQuery({ queryKey: queryKeys.holdings(id), queryFn: () => getHoldings(id), enabled: allowed });
  const units = useUnits();
  // After a transfer or leaving the details form starts again from what the account now is.
  const [generation, setGeneration] = useState(0);
  const title = user.data ? labels.qualified(user.data.displayName, user.data.username) : t('userPage.loadingTitle');
  usePageTitle(title);

  const back = (
    <Anchor component={Link} to="/admin/users" size="sm">
      ← {t('userPage.back')}
    </Anchor>
  );
  if (!allowed) {
    return (
      <Stack>
        <Title order={1}>{t('admin.title')}</Title>
        <Text>{t('admin.forbidden')}</Text>
      </Stack>
    );
  }
  if (user.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (user.isError) {
    const notFound = user.error instanceof ApiError && user.error.status === 404;
    return (
      <Stack align="flex-start">
        <Title order={1}>{t('userPage.loadingTitle')}</Title>
        {notFound ? (
          <Text>{t('userPage.notFound')}</Text>
        ) : (
          <ProblemAlert error={user.error} onRetry={() => void user.refetch()} />
        )}
        {back}
      </Stack>
    );
  }

  const u = user.data;
  return (
    <>
      {back}
      <Title order={1} mt="xs" fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Title>
      <Text mt={4} mb="md">
        {labels.list([t(`admin.userKinds.${u.kind}`), u.unitName ?? t('nav.noUnit')])}
      </Text>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SectionCard title={t('userPage.sectionDetails')}>
            <UserEditForm key={`${u.id}-${generation}`} user={u} units={units.data ?? []} />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <SectionCard title={t('userPage.sectionState')}>
              <UserSecurity user={u} canUnlock={me.abilities.unlockAccounts} />
            </SectionCard>
            <SectionCard title={t('userPage.sectionHoldings')}>
              {holdings.isPending && (
                <Center py="md">
                  <Loader aria-label={t('app.loading')} />
                </Center>
              )}
              {holdings.isError && <ProblemAlert error={holdings.error} onRetry={() => void holdings.refetch()} />}
              {holdings.data && <HoldingsList holdings={holdings.data} />}
            </SectionCard>
            <SectionCard title={t('userPage.sectionOffboard')}>
              <OffboardForm user={u} units={units.data ?? []} onDone={() => setGeneration((g) => g + 1)} />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
