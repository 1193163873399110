import { Button, Center, Loader, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateTimeText } from '../components/date-text.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { listSignIns, signOutEverywhere } from '../data/auth.api.js';
import { queryKeys } from '../data/query-keys.js';
import { ScrollTable } from '../components/scroll-table.js';

/** My recent sign-ins and failed attempts (SEC-1), and a way to end every session. */
export function RecentSignIns() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIns = useQuery({ queryKey: queryKeys.signIns, queryFn: listSignIns });
  const logoutAll = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session, null);
      void navigate('/sign-in', { state: { signedOut: true } });
    },
  });
  return (
    <>
      {signIns.isPending && (
        <Center py="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {signIns.isError && <ProblemAlert error={signIns.error} onRetry={() => void signIns.refetch()} />}
      {signIns.data && signIns.data.length === 0 && <Text>{t('signIns.empty')}</Text>}
      {signIns.data && signIns.data.length > 0 && (
        <ScrollTable minWidth={320} label={t('signIns.caption')}>
          <Table striped verticalSpacing="xs" captionSide="top">
            <Table.Caption className="table-caption">{t('signIns.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('signIns.at')}</Table.Th>
                <Table.Th scope="col">{t('signIns.result')}</Table.Th>
                <Table.Th scope="col">{t('signIns.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {signIns.data.map((r, index) => (
                <Table.Tr key={`${r.at}-${index}`}>
                  <Table.Td>
                    <DateTimeText value={r.at} />
                  </Table.Td>
                  <Table.Td fw={r.success ? 400 : 700}>
                    {r.success ? t('signIns.success') : t('signIns.failure')}
                  </Table.Td>
                  <Table.Td>{r.ip ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Text mt="md" size="sm">
        {t('signIns.logoutAllHint')}
      </Text>
      {logoutAll.isError && <ProblemAlert error={logoutAll.error} />}
      <Button
        mt="xs"
        color="red.9"
        variant="outline"
        loading={logoutAll.isPending}
        onClick={() => {
          if (window.confirm(t('signIns.logoutAllConfirm'))) logoutAll.mutate();
        }}
      >
        {t('signIns.logoutAll')}
      </Button>
    </>
  );
}
