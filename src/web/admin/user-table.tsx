import { Anchor, Button, Table } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserSummary } from '../../shared/api/organisation.schema.js';
import { DateText } from '../components/date-text.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ScrollTable } from '../components/scroll-table.js';
import { StatusMessage } from '../components/status-message.js';
import { unlockUser } from '../data/organisation.api.js';
import { queryKeys } from '../data/query-keys.js';
import { useLabels } from '../i18n/labels.js';
import { isExpired, lastWorkingDay } from '../lib/account-rules.js';

/** The accounts with their unit, roles, expiry, second factor and state; locked ones can be unlocked (SEC-1). */
export function UserTable({ users, canUnlock }: { users: readonly UserSummary[]; canUnlock: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const unlock = useMutation({
    mutationFn: (user: UserSummary) => unlockUser(user.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.allUsers }),
  });
  const state = (u: UserSummary) =>
    u.disabled
      ? t('admin.disabled')
      : isExpired(u.expiresAt)
        ? t('admin.expired')
        : u.locked
          ? t('admin.locked')
          : t('admin.active');

  return (
    <>
      <StatusMessage>
        {unlock.isSuccess ? t('admin.unlocked', { username: unlock.variables.username }) : null}
      </StatusMessage>
      {unlock.error && <ProblemAlert error={unlock.error} />}
      <ScrollTable minWidth={1080} label={t('admin.usersCaption')}>
        <Table striped verticalSpacing="xs" captionSide="top" className="user-table">
          <Table.Caption className="table-caption">{t('admin.usersCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.columns.username')}</Table.Th>
              <Table.Th scope="col">{t('admin.columns.displayName')}</Table.Th>
              <Table.Th scope="col">{t('admin.columns.unit')}</Table.Th>
              <Table.Th scope="col">{t('admin.columns.roles')}</Table.Th>
              <Table.Th scope="col">{t('admin.columns.kind')}</Table.Th>
              <Table.Th scope="col">{t('admin.columns.expiresOn')}</Table.Th>
              <Table.Th scope="col">{t('admin.columns.mfa')}</Table.Th>
              <Table.Th scope="col">{t('admin.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('admin.columns.createdAt')}</Table.Th>
              {canUnlock && <Table.Th scope="col">{t('admin.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Th scope="row" fw={400} className="request-number">
                  <Anchor component={Link} to={`/admin/users/${u.id}`}>
                    {u.username}
                  </Anchor>
                </Table.Th>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{u.unitName ?? t('common.none')}</Table.Td>
                <Table.Td>{labels.list(u.roles.map((r) => labels.role(r.role)))}</Table.Td>
                <Table.Td>{t(`admin.userKinds.${u.kind}`)}</Table.Td>
                <Table.Td>
                  {u.expiresAt ? <DateText value={lastWorkingDay(u.expiresAt)} format="short" /> : t('common.none')}
                </Table.Td>
                <Table.Td className="nowrap">{u.mfaEnabled ? t('admin.mfaOn') : t('admin.mfaOff')}</Table.Td>
                <Table.Td
                  className="nowrap"
                  fw={u.locked || isExpired(u.expiresAt) ? 700 : undefined}
                  c={u.locked || isExpired(u.expiresAt) ? '#7f1d14' : undefined}
                >
                  {state(u)}
                </Table.Td>
                <Table.Td>
                  <DateText value={u.createdAt} format="short" />
                </Table.Td>
                {canUnlock && (
                  <Table.Td>
                    {u.locked && (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        aria-label={t('admin.unlockLabel', { username: u.username })}
                        loading={unlock.isPending && unlock.variables.id === u.id}
                        onClick={() => unlock.mutate(u)}
                      >
                        {t('admin.unlock')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
