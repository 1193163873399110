import { Center, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_REQUEST_STATUSES, type AccountRequestStatus } from '../../shared/api/account-request.schema.js';
import { AccountRequestCard } from '../account-requests/account-request-card.js';
import { AccountRequestForm } from '../account-requests/account-request-form.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { StatusMessage } from '../components/status-message.js';
import { listAccountRequests } from '../data/account-requests.api.js';
import { canRequestAccounts, useUnits } from '../data/queries.js';
import { queryKeys } from '../data/query-keys.js';
import { useLabels } from '../i18n/labels.js';

/**
 * 帳號申請 (SEC-2): the agency's staff ask for accounts, the responsible supervisor approves, and an
 * administrator creates the account.
 */
export function AccountRequestsPage() {
  const { t } = useTranslation();
  usePageTitle(t('accountRequests.title'));
  const me = useMe();
  const labels = useLabels();
  const allowed = canRequestAccounts(me);
  const [status, setStatus] = useState<AccountRequestStatus | ''>('');
  const [message, setMessage] = useState('');
  const list = useQuery({
    queryKey: queryKeys.accountRequestList(status),
    queryFn: () => listAccountRequests(status === '' ? undefined : status),
    enabled: allowed,
  });
  const units = useUnits();

  if (!allowed) {
    return (
      <Stack>
        <Title order={1}>{t('accountRequests.title')}</Title>
        <Text>{t('accountRequests.forbidden')}</Text>
      </Stack>
    );
  }
  const waiting = list.data?.filter((r) => r.canDecide).length ?? 0;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('accountRequests.title')}</Title>
        <Text mt={4}>{t('accountRequests.intro')}</Text>
      </div>
      <SectionCard title={t('accountRequests.sectionList')}>
        <NativeSelect
          label={t('list.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as AccountRequestStatus | '')}
          data={[
            { value: '', label: t('list.statusAll') },
            ...ACCOUNT_REQUEST_STATUSES.map((s) => ({ value: s, label: labels.accountRequestStatus(s) })),
          ]}
          maw={320}
          mb="md"
        />
        <StatusMessage>{message}</StatusMessage>
        <div role="status" aria-live="polite">
          {list.data && (
            <Text fw={700} mb="sm">
              {t('list.total', { count: list.data.length })}
              {waiting > 0 && ` · ${t('accountRequests.waitingForMe', { count: waiting })}`}
            </Text>
          )}
        </div>
        {list.isPending && (
          <Center py="md">
            <Loader aria-label={t('app.loading')} />
          </Center>
        )}
        {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && list.data.length === 0 && <Text>{t('accountRequests.empty')}</Text>}
        {list.data && list.data.length > 0 && (
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('accountRequests.sectionList')}
          >
            {list.data.map((r) => (
              <AccountRequestCard
                key={r.id}
                request={r}
                units={units.data ?? []}
                canOpenAccounts={me.abilities.manageUsers}
                onDecided={setMessage}
              />
            ))}
          </Stack>
        )}
      </SectionCard>
      {/* Only the agency's own staff ask for accounts; supervisors from outside it only decide. */}
      {me.kind === 'staff' && (
        <SectionCard title={t('accountRequests.sectionNew')}>
          <Text mb="md">{t('accountRequests.newIntro')}</Text>
          <AccountRequestForm units={units.data ?? []} defaultUnitId={me.unitId ?? ''} />
        </SectionCard>
      )}
    </Stack>
  );
}
