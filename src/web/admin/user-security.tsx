import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../shared/api/organisation.schema.js';
import { DateText } from '../components/date-text.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { resetUserMfa, unlockUser } from '../data/organisation.api.js';
import { queryKeys } from '../data/query-keys.js';
import { isExpired, lastWorkingDay } from '../lib/account-rules.js';

/** The account's state: enabled, expiry, lock-out and second factor, with unlock and reset. */
export function UserSecurity({ user, canUnlock }: { user: UserSummary; canUnlock: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.user(user.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.users() });
  };
  const unlock = useMutation({ mutationFn: () => unlockUser(user.id), onSuccess: refresh });
  const reset = useMutation({ mutationFn: () => resetUserMfa(user.id), onSuccess: refresh });
  const expired = isExpired(user.expiresAt);

  return (
    <Stack gap="sm">
      <StatusMessage>
        {reset.isSuccess
          ? t('userPage.mfaReset', { username: user.username })
          : unlock.isSuccess
            ? t('admin.unlocked', { username: user.username })
            : null}
      </StatusMessage>
      {unlock.error && <ProblemAlert error={unlock.error} />}
      {reset.error && <ProblemAlert error={reset.error} />}
      <dl className="field-list">
        <dt>{t('admin.columns.status')}</dt>
        <dd>{user.disabled ? t('admin.disabled') : expired ? t('admin.expired') : t('admin.active')}</dd>
        <dt>{t('expiry.label')}</dt>
        <dd>{user.expiresAt ? <DateText value={lastWorkingDay(user.expiresAt)} /> : t('userPage.noExpiry')}</dd>
        <dt>{t('userPage.lockout')}</dt>
        <dd>{user.locked ? t('admin.locked') : t('userPage.notLocked')}</dd>
        <dt>{t('admin.columns.mfa')}</dt>
        <dd>{user.mfaEnabled ? t('admin.mfaOn') : t('admin.mfaOff')}</dd>
      </dl>
      <Group gap="sm">
        {canUnlock && user.locked && (
          <Button variant="outline" loading={unlock.isPending} onClick={() => unlock.mutate()}>
            {t('admin.unlock')}
          </Button>
        )}
        {user.mfaEnabled && (
          <Button
            variant="outline"
            color="red.9"
            loading={reset.isPending}
            onClick={() => {
              if (window.confirm(t('userPage.mfaResetConfirm', { name: user.displayName }))) reset.mutate();
            }}
          >
            {t('userPage.mfaResetButton')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
