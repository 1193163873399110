import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { requestPasswordReset } from '../data/auth.api.js';

/**
 * 「忘記密碼」: asks for a reset link by mail (SEC-1). The answer never says whether the account
 * exists, so the page does not either.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('passwordReset.forgotTitle'));
  const [username, setUsername] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useMutation({ mutationFn: requestPasswordReset });
  const server = useProblemText(send.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const gap = username.trim() === '';
    setMissing(gap);
    if (!gap) send.mutate(username.trim());
  };

  return (
    <Stack align="center" py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440}>
        <Title order={1} size="h2" mb="xs">
          {t('passwordReset.forgotTitle')}
        </Title>
        <StatusMessage>{send.isSuccess ? t('passwordReset.sent', { username: send.variables }) : null}</StatusMessage>
        {!send.isSuccess && (
          <>
            <Text mb="lg">{t('passwordReset.forgotIntro')}</Text>
            {send.error && <ProblemAlert error={send.error} shownFields={['username']} />}
            <form onSubmit={onSubmit} noValidate>
              <Stack>
                <TextInput
                  label={t('signIn.username')}
                  name="username"
                  autoComplete="username"
                  required
                  maxLength={100}
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={
                    missing ? t('form.validation.required', { field: t('signIn.username') }) : server.fields.username
                  }
                />
                <Button type="submit" loading={send.isPending} fullWidth>
                  {t('passwordReset.send')}
                </Button>
              </Stack>
            </form>
          </>
        )}
        <Anchor component={Link} to="/sign-in" size="sm" mt="md" display="inline-block">
          {t('passwordReset.backToSignIn')}
        </Anchor>
      </Paper>
    </Stack>
  );
}
