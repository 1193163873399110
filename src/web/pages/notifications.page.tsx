import { Button, Center, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { listNotifications, markRead } from '../data/notifications.api.js';
import { queryKeys } from '../data/query-keys.js';
import { NotificationTable } from '../notifications/notification-table.js';

/** My notifications (issue 4): read, mark one or all as read, go to the request. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [message, setMessage] = useState('');
  const list = useQuery({
    queryKey: queryKeys.notificationList(unreadOnly),
    queryFn: () => listNotifications(unreadOnly),
  });
  const mark = useMutation({
    mutationFn: (ids: readonly string[] | undefined) => markRead(ids),
    onSuccess: (count, ids) => {
      setMessage(ids ? t('notifications.marked') : t('notifications.markedAll', { count }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
  });
  const anyUnread = list.data?.some((n) => n.readAt === null) ?? false;
  const pendingId = mark.isPending && mark.variables?.length === 1 ? (mark.variables[0] ?? null) : null;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('notifications.title')}</Title>
        <Text mt={4}>{t('notifications.intro')}</Text>
      </div>
      <Group justify="space-between" align="center">
        <Checkbox
          label={t('notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
        />
        <Button
          onClick={() => {
            setMessage('');
            mark.mutate(undefined);
          }}
          disabled={!anyUnread}
          loading={mark.isPending && mark.variables === undefined}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <StatusMessage>{message}</StatusMessage>
      {mark.isError && <ProblemAlert error={mark.error} />}
      {list.isPending && (
        <Center py="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.length === 0 && <Text>{t('notifications.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <NotificationTable
          items={list.data}
          pendingId={pendingId}
          onMarkRead={(id) => {
            setMessage('');
            mark.mutate([id]);
          }}
        />
      )}
    </Stack>
  );
}
