import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PasswordField } from '../components/password-field.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { confirmPasswordReset } from '../data/auth.api.js';

type Issues = { newPassword?: string; confirm?: string };

/** The page of the mailed reset link (`/reset-password?token=…`): a new password, twice (SEC-1). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('passwordReset.resetTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const reset = useMutation({
    mutationFn: () => confirmPasswordReset({ token, newPassword }),
    onSuccess: () => void navigate('/sign-in', { replace: true, state: { passwordReset: true } }),
  });
  const server = useProblemText(reset.error);
  // A link that is invalid, expired or used cannot be fixed on this page: offer a new one.
  const badLink = token.length < 20 || server.fields.token !== undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Issues = {};
    // The agency's policy is the server's to apply; its answer appears at the field.
    if (newPassword.length < 8) found.newPassword = t('account.passwordTooShort');
    if (confirm !== newPassword) found.confirm = t('account.passwordMismatch');
    setIssues(found);
    if (Object.keys(found).length === 0) reset.mutate();
  };

  return (
    <Stack align="center" py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440}>
        <Title order={1} size="h2" mb="xs">
          {t('passwordReset.resetTitle')}
        </Title>
        {badLink ? (
          <>
            {reset.error ? (
              <ProblemAlert error={reset.error} />
            ) : (
              <Text mb="md" role="alert">
                {t('passwordReset.badLink')}
              </Text>
            )}
            <Anchor component={Link} to="/forgot-password">
              {t('passwordReset.askAgain')}
            </Anchor>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Text mb="lg">{t('passwordReset.resetIntro')}</Text>
            {reset.error && <ProblemAlert error={reset.error} shownFields={['newPassword']} />}
            <Stack gap="sm">
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
              <Button type="submit" loading={reset.isPending} fullWidth>
                {t('passwordReset.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/sign-in" size="sm" mt="md" display="inline-block">
          {t('passwordReset.backToSignIn')}
        </Anchor>
      </Paper>
    </Stack>
  );
}
