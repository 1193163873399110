import { Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../data/auth.api.js';
import { queryKeys } from '../data/query-keys.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { PasswordField } from '../components/password-field.js';

type Issues = { currentPassword?: string; newPassword?: string; confirm?: string };

/** Changes the signed-in person's password (SEC-1). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const change = useMutation({
    mutationFn: () => changePassword({ currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      setConfirm('');
      // mustChangePassword may have been lifted.
      void queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
  const server = useProblemText(change.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Issues = {};
    if (currentPassword === '') found.currentPassword = t('account.passwordRequired');
    // The policy itself is the agency's setting and the server's to apply (SEC-1); its answer
    // appears at the field. Here only what the schema says: at least 8 characters.
    if (newPassword.length < 8) found.newPassword = t('account.passwordTooShort');
    if (confirm !== newPassword) found.confirm = t('account.passwordMismatch');
    setIssues(found);
    if (Object.keys(found).length === 0) change.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>{change.isSuccess ? t('account.passwordChanged') : null}</StatusMessage>
      {change.error && <ProblemAlert error={change.error} shownFields={['currentPassword', 'newPassword']} />}
      <Stack gap="sm" maw={420}>
        <PasswordField
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={issues.currentPassword ?? server.fields.currentPassword}
        />
        <PasswordField
          label={t('account.newPassword')}
          description={t('account.passwordHint')}
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          error={issues.newPassword ?? server.fields.newPassword}
        />
        <PasswordField
          label={t('account.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={issues.confirm}
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
