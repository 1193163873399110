import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unreadCount } from '../data/notifications.api.js';
import { queryKeys } from '../data/query-keys.js';

/** The header's bell: a link to the notifications with the unread count, asked every minute. */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useQuery({ queryKey: queryKeys.unreadCount, queryFn: unreadCount, refetchInterval: 60_000 });
  const unread = count.data ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link to="/notifications" className="notification-bell" aria-label={label} title={label}>
      <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {unread > 0 && (
        <Badge
          component="span"
          size="sm"
          circle={unread < 10}
          className="notification-bell-count"
          styles={{ root: { background: '#b3261e', color: '#fff' } }}
        >
          {unread > 99 ? '99+' : unread}
        </Badge>
      )}
    </Link>
  );
}
