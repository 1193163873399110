import { Button, Center, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitCreateForm } from '../admin/unit-create-form.js';
import { UnitTreeList } from '../admin/unit-tree-list.js';
import { UserCreateForm } from '../admin/user-create-form.js';
import { UserTable } from '../admin/user-table.js';
import { listUsers } from '../data/organisation.api.js';
import { useUnits } from '../data/queries.js';
import { queryKeys } from '../data/query-keys.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';

/** Accounts: list and create (SEC-2); only for those who manage users. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const me = useMe();
  const allowed = me.abilities.manageUsers;
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const users = useQuery({
    queryKey: queryKeys.users({ q }),
    queryFn: () => listUsers(q ? { q } : {}),
    enabled: allowed,
  });
  const units = useUnits();

  if (!allowed) {
    return (
      <Stack>
        <Title order={1}>{t('admin.title')}</Title>
        <Text>{t('admin.forbidden')}</Text>
      </Stack>
    );
  }
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('admin.title')}</Title>
        <Text mt={4}>{t('admin.intro')}</Text>
      </div>
      <SectionCard title={t('admin.usersCaption')}>
        <form onSubmit={onSearch} role="search">
          <Group align="flex-end" gap="sm" mb="md">
            <TextInput
              label={t('admin.search')}
              description={t('admin.searchHint')}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 16rem', maxWidth: 420 }}
            />
            <Button type="submit">{t('list.apply')}</Button>
          </Group>
        </form>
        {users.isPending && (
          <Center py="md">
            <Loader aria-label={t('app.loading')} />
          </Center>
        )}
        {users.isError && <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />}
        {users.data && <UserTable users={users.data} canUnlock={me.abilities.unlockAccounts} />}
      </SectionCard>
      <SectionCard title={t('admin.sectionCreate')}>
        <UserCreateForm units={units.data ?? []} />
      </SectionCard>
      <SectionCard title={t('admin.sectionUnits')}>
        <Text mb="sm">{t('admin.unitsIntro')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <UnitTreeList units={units.data ?? []} />
          <UnitCreateForm units={units.data ?? []} />
        </SimpleGrid>
      </SectionCard>
    </Stack>
  );
}
