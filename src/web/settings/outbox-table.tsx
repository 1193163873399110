import { Center, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateTimeText } from '../components/date-text.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ScrollTable } from '../components/scroll-table.js';
import { listOutbox } from '../data/notifications.api.js';
import { queryKeys } from '../data/query-keys.js';

/** The mail GovDesk sent, waits to send, failed to send or kept for lack of a mail server. */
export function OutboxTable() {
  const { t } = useTranslation();
  const outbox = useQuery({ queryKey: queryKeys.outbox, queryFn: listOutbox });
  if (outbox.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (outbox.isError) return <ProblemAlert error={outbox.error} onRetry={() => void outbox.refetch()} />;
  if (outbox.data.length === 0) return <Text>{t('settings.noMail')}</Text>;
  return (
    <ScrollTable minWidth={640} label={t('settings.outboxCaption')}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption className="table-caption">{t('settings.outboxCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('settings.outboxColumns.to')}</Table.Th>
            <Table.Th scope="col">{t('settings.outboxColumns.subject')}</Table.Th>
            <Table.Th scope="col">{t('settings.outboxColumns.status')}</Table.Th>
            <Table.Th scope="col">{t('settings.outboxColumns.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outbox.data.map((mail) => (
            <Table.Tr key={mail.id}>
              <Table.Td>{mail.to}</Table.Td>
              <Table.Td>{mail.subject}</Table.Td>
              <Table.Td fw={mail.status === 'failed' ? 700 : 400}>
                {t(`settings.outboxStatuses.${mail.status}`)}
                {mail.lastError && (
                  <Text size="xs" c="dimmed">
                    {mail.lastError}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DateTimeText value={mail.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
