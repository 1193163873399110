import { Alert, Button, Center, Code, Image, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaSetup, MfaStatus } from '../../shared/api/security.schema.js';
import { DateTimeText } from '../components/date-text.js';
import { PasswordField } from '../components/password-field.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { disableMfa, enableMfa, getMfaStatus, renewRecoveryCodes, startMfaSetup } from '../data/mfa.api.js';
import { queryKeys } from '../data/query-keys.js';
import { RecoveryCodesPanel } from './recovery-codes.js';

const SIX_DIGITS = /^\d{6}$/;

/** My second factor (SEC-1): enrol with an authenticator app, renew recovery codes, or turn it off. */
export function TwoFactor() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: queryKeys.mfa, queryFn: getMfaStatus });
  // The codes stay on screen until the person says they have stored them, whatever else reloads.
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabled, setDisabled] = useState(false);

  if (status.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (status.isError) return <ProblemAlert error={status.error} onRetry={() => void status.refetch()} />;
  return (
    <>
      <StatusMessage>{disabled && !status.data.enabled ? t('mfa.disabled') : null}</StatusMessage>
      {codes && <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />}
      {status.data.enabled ? (
        <EnabledFactor status={status.data} onCodes={setCodes} onDisabled={() => setDisabled(true)} />
      ) : (
        !codes && <Enrolment required={status.data.required} onCodes={setCodes} />
      )}
    </>
  );
}

/** Enrolment: a new secret as a QR code and as text, confirmed with a code from the app. */
function Enrolment({ required, onCodes }: { required: boolean; onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setup = useMutation({ mutationFn: startMfaSetup });
  const enable = useMutation({
    mutationFn: enableMfa,
    onSuccess: (codes) => {
      onCodes(codes);
      setup.reset();
      // mustEnrolMfa may have been lifted; the status now says enabled.
      void queryClient.invalidateQueries({ queryKey: queryKeys.session });
      void queryClient.invalidateQueries({ queryKey: queryKeys.mfa });
    },
  });

  return (
    <Stack gap="sm">
      <Text>{required ? t('mfa.requiredIntro') : t('mfa.intro')}</Text>
      {setup.error && <ProblemAlert error={setup.error} />}
      {!setup.data && (
        <Button onClick={() => setup.mutate()} loading={setup.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('mfa.start')}
        </Button>
      )}
      {setup.data && <EnrolmentSteps setup={setup.data} enable={(code) => enable.mutate(code)} mutation={enable} />}
    </Stack>
  );
}

type EnableMutation = { isPending: boolean; error: unknown };

function EnrolmentSteps({
  setup,
  enable,
  mutation,
}: {
  setup: MfaSetup;
  enable: (code: string) => void;
  mutation: EnableMutation;
}) {
  const { t } = useTranslation();
  const qr = useQuery({
    queryKey: ['mfa-qr', setup.otpauthUri],
    queryFn: () => QRCode.toDataURL(setup.otpauthUri, { margin: 2, width: 200, errorCorrectionLevel: 'M' }),
    staleTime: Infinity,
    gcTime: 0, // The picture holds the secret: do not keep it once the step is gone.
  });
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const server = useProblemText(mutation.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.replace(/\s/g, '');
    setInvalid(!SIX_DIGITS.test(trimmed));
    if (SIX_DIGITS.test(trimmed)) enable(trimmed);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <ol className="mfa-steps">
        <li>
          <Text>{t('mfa.stepScan')}</Text>
          {qr.data ? (
            <Image src={qr.data} alt={t('mfa.qrAlt')} w={200} h={200} mt="xs" />
          ) : qr.isError ? (
            <Text size="sm">{t('mfa.qrFailed')}</Text>
          ) : (
            <Loader size="sm" aria-label={t('app.loading')} />
          )}
        </li>
        <li>
          <Text>{t('mfa.stepManual')}</Text>
          <Code block mt="xs" data-testid="mfa-secret" style={{ wordBreak: 'break-all', userSelect: 'all' }}>
            {setup.secret}
          </Code>
        </li>
        <li>
          {mutation.error !== null && <ProblemAlert error={mutation.error} shownFields={['code']} />}
          <TextInput
            label={t('mfa.stepCode')}
            description={t('mfa.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={7}
            maw={240}
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value);
              setInvalid(false);
            }}
            error={invalid ? t('mfa.codeInvalid') : server.fields.code}
          />
          <Button type="submit" mt="sm" loading={mutation.isPending}>
            {t('mfa.enable')}
          </Button>
        </li>
      </ol>
    </form>
  );
}

/** The factor in use: since when, recovery codes left, new codes, and turning it off. */
type EnabledProps = { status: MfaStatus; onCodes: (codes: string[]) => void; onDisabled: () => void };

function EnabledFactor({ status, onCodes, onDisabled }: EnabledProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [codeInvalid, setCodeInvalid] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordMissing, setPasswordMissing] = useState(false);
  const renew = useMutation({
    mutationFn: renewRecoveryCodes,
    onSuccess: (codes) => {
      setCode('');
      onCodes(codes);
      void queryClient.invalidateQueries({ queryKey: queryKeys.mfa });
    },
  });
  const disable = useMutation({
    mutationFn: disableMfa,
    onSuccess: () => {
      setPassword('');
      onDisabled();
      void queryClient.invalidateQueries({ queryKey: queryKeys.mfa });
      void queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
  const renewServer = useProblemText(renew.error);
  const disableServer = useProblemText(disable.error);

  const onRenew = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.replace(/\s/g, '');
    setCodeInvalid(!SIX_DIGITS.test(trimmed));
    if (SIX_DIGITS.test(trimmed)) renew.mutate(trimmed);
  };
  const onDisable = (event: FormEvent) => {
    event.preventDefault();
    setPasswordMissing(password === '');
    if (password !== '' && window.confirm(t('mfa.disableConfirm'))) disable.mutate(password);
  };

  return (
    <Stack gap="md">
      <dl className="field-list">
        <dt>{t('mfa.state')}</dt>
        <dd>
          {t('mfa.enabled')}
          {status.enabledAt && (
            <>
              {' '}
              {t('mfa.since')} <DateTimeText value={status.enabledAt} />
            </>
          )}
        </dd>
        <dt>{t('mfa.codesLeft')}</dt>
        <dd>{t('mfa.codesLeftCount', { count: status.recoveryCodesLeft })}</dd>
      </dl>
      {status.recoveryCodesLeft <= 2 && (
        <Alert color="yellow" variant="light" styles={{ message: { color: '#5c3c00' } }}>
          {t('mfa.codesLow')}
        </Alert>
      )}
      <form onSubmit={onRenew} noValidate>
        {renew.error && <ProblemAlert error={renew.error} shownFields={['code']} />}
        <TextInput
          label={t('mfa.code')}
          description={t('mfa.renewHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={7}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setCodeInvalid(false);
          }}
          error={codeInvalid ? t('mfa.codeInvalid') : renewServer.fields.code}
          maw={240}
        />
        <Button type="submit" mt="sm" variant="outline" loading={renew.isPending}>
          {t('mfa.renewCodes')}
        </Button>
      </form>
      {status.required ? (
        <Text size="sm">{t('mfa.cannotDisable')}</Text>
      ) : (
        <form onSubmit={onDisable} noValidate>
          {disable.error && <ProblemAlert error={disable.error} shownFields={['password']} />}
          <PasswordField
            label={t('account.currentPassword')}
            description={t('mfa.disableHint')}
            autoComplete="current-password"
            required
            maw={320}
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setPasswordMissing(false);
            }}
            error={passwordMissing ? t('account.passwordRequired') : disableServer.fields.password}
          />
          <Button type="submit" mt="sm" variant="outline" color="red.9" loading={disable.isPending}>
            {t('mfa.disable')}
          </Button>
        </form>
      )}
    </Stack>
  );
}
