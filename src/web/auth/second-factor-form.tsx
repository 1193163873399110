import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '../../shared/api/auth.schema.js';
import { MfaCode, type MfaChallenge } from '../../shared/api/security.schema.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { useSignInWithCode } from './session.js';

type Props = {
  challenge: MfaChallenge;
  onSignedIn: (session: LoginResponse) => void;
  /** Back to the password, e.g. when the challenge has expired. */
  onRestart: () => void;
};

/** The second step of signing in (SEC-1): a code from the authenticator app or a recovery code. */
export function SecondFactorForm({ challenge, onSignedIn, onRestart }: Props) {
  const { t } = useTranslation();
  const signIn = useSignInWithCode();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const server = useProblemText(signIn.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = MfaCode.safeParse(code);
    setInvalid(!parsed.success);
    if (parsed.success) {
      signIn.mutate({ challenge: challenge.challenge, code: parsed.data }, { onSuccess: onSignedIn });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text>{t('mfa.signInIntro')}</Text>
        {signIn.error && <ProblemAlert error={signIn.error} shownFields={['code']} />}
        <TextInput
          label={t('mfa.code')}
          description={t('mfa.codeOrRecoveryHint')}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          // The step appears in answer to the person's own action: bring them to its only field.
          autoFocus
          maxLength={20}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setInvalid(false);
          }}
          error={invalid ? t('mfa.codeOrRecoveryInvalid') : server.fields.code}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          {signIn.isPending ? t('signIn.submitting') : t('mfa.verifyAndSignIn')}
        </Button>
        <Anchor component="button" type="button" onClick={onRestart} size="sm" style={{ alignSelf: 'flex-start' }}>
          {t('mfa.restart')}
        </Anchor>
      </Stack>
    </form>
  );
}
