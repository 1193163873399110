import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { MfaChallenge } from '../../shared/api/security.schema.js';
import { VENDOR_APPLICATION_PATH } from '../applications/public-application.js';
import { SecondFactorForm } from '../auth/second-factor-form.js';
import { useSession, useSignIn } from '../auth/session.js';
import { isMfaChallenge } from '../data/auth.api.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { usePageTitle } from '../components/page-title.js';
import { PasswordField } from '../components/password-field.js';

type LocationState = { from?: string; signedOut?: boolean; passwordReset?: boolean } | null;

/** Where a signed-in person lands: where they were going, or the request list. */
function destination(state: LocationState): string {
  const from = state?.from;
  return from && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/requests';
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const location = useLocation();
  const state = location.state as LocationState;
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const problem = useProblemText(signIn.error);

  if (session.data) return <Navigate to={destination(state)} replace />;
  const signedIn = () => void navigate(destination(state), { replace: true });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = { username: username.trim() === '', password: password === '' };
    setMissing(gaps);
    if (gaps.username || gaps.password) return;
    signIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (result) => {
          if (isMfaChallenge(result)) {
            setPassword('');
            setChallenge(result);
          } else signedIn();
        },
      },
    );
  };
  const notice = state?.signedOut ? t('signIn.signedOut') : state?.passwordReset ? t('passwordReset.done') : null;

  return (
    <Stack align="center" py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440}>
        <Title order={1} size="h2" mb="xs">
          {t('signIn.heading')}
        </Title>
        <Text mb="lg">{t('signIn.intro')}</Text>
        <StatusMessage>{notice && !signIn.error && !challenge ? notice : null}</StatusMessage>
        {challenge ? (
          <SecondFactorForm
            challenge={challenge}
            onSignedIn={signedIn}
            onRestart={() => {
              setChallenge(null);
              signIn.reset();
            }}
          />
        ) : (
          <>
            {signIn.error && <ProblemAlert error={signIn.error} shownFields={['username', 'password']} />}
            <form onSubmit={onSubmit} noValidate>
              <Stack>
                <TextInput
                  label={t('signIn.username')}
                  name="username"
                  autoComplete="username"
                  required
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={
                    missing.username
                      ? t('form.validation.required', { field: t('signIn.username') })
                      : problem.fields.username
                  }
                />
                <PasswordField
                  label={t('signIn.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={
                    missing.password
                      ? t('form.validation.required', { field: t('signIn.password') })
                      : problem.fields.password
                  }
                />
                <Button type="submit" loading={signIn.isPending} fullWidth>
                  {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
                </Button>
              </Stack>
            </form>
            <Stack gap={4} mt="md" align="flex-start">
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('passwordReset.forgot')}
              </Anchor>
              <Anchor component={Link} to="/request-types" size="sm">
                {t('signIn.catalogueLink')}
              </Anchor>
              <Anchor component={Link} to={VENDOR_APPLICATION_PATH} size="sm">
                {t('signIn.vendorLink')}
              </Anchor>
            </Stack>
          </>
        )}
      </Paper>
    </Stack>
  );
}
