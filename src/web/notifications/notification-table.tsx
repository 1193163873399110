import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../shared/api/notification.schema.js';
import { DateTimeText } from '../components/date-text.js';
import { useLabels } from '../i18n/labels.js';
import { ScrollTable } from '../components/scroll-table.js';

type Props = {
  items: readonly Notification[];
  onMarkRead: (id: string) => void;
  pendingId: string | null;
};

/** The notifications, unread ones in bold, each with its request and a button to mark it read. */
export function NotificationTable({ items, onMarkRead, pendingId }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <ScrollTable minWidth={640} label={t('notifications.caption')}>
      <Table verticalSpacing="sm" captionSide="top">
        <Table.Caption className="table-caption">{t('notifications.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('notifications.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('notifications.columns.request')}</Table.Th>
            <Table.Th scope="col">{t('notifications.columns.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('notifications.columns.state')}</Table.Th>
            <Table.Th scope="col">{t('notifications.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((n) => {
            const title = labels.localised(n.title);
            const unread = n.readAt === null;
            return (
              <Table.Tr key={n.id} data-unread={unread || undefined}>
                <Table.Th scope="row" fw={unread ? 700 : 400}>
                  {title}
                  <Text size="sm" fw={400}>
                    {labels.localised(n.body)}
                  </Text>
                </Table.Th>
                <Table.Td>
                  {n.requestId && n.requestNumber ? (
                    <Anchor
                      component={Link}
                      to={`/requests/${n.requestId}`}
                      aria-label={t('notifications.openRequest', { number: n.requestNumber })}
                      className="request-number"
                    >
                      {n.requestNumber}
                    </Anchor>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
                <Table.Td>
                  <DateTimeText value={n.createdAt} />
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="outline"
                    radius="sm"
                    styles={{
                      root: unread
                        ? { background: '#e8f1fb', color: '#0a3466', borderColor: '#72a3de', textTransform: 'none' }
                        : { background: '#f1f3f5', color: '#3d4349', borderColor: '#adb5bd', textTransform: 'none' },
                    }}
                  >
                    {unread ? t('notifications.unread') : t('notifications.read')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {unread && (
                    <Button
                      size="compact-sm"
                      variant="outline"
                      onClick={() => onMarkRead(n.id)}
                      loading={pendingId === n.id}
                      aria-label={t('notifications.markReadLabel', { title })}
                    >
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
