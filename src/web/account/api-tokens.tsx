import { Alert, Button, Code, CopyButton, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, ApiTokenCreated } from '../../shared/api/auth.schema.js';
import { createToken, revokeToken } from '../data/auth.api.js';
import { useTokens } from '../data/queries.js';
import { queryKeys } from '../data/query-keys.js';
import { DateText, DateTimeText } from '../components/date-text.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';

/** Personal API tokens: create (the secret shown once), list and revoke (DOC-3). */
export function ApiTokens() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tokens = useTokens();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>(90);
  const [issues, setIssues] = useState<{ name?: string; days?: string }>({});
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens });

  const create = useMutation({
    mutationFn: () => createToken({ name: name.trim(), expiresInDays: Number(days) }),
    onSuccess: (token) => {
      setCreated(token);
      setRevoked(null);
      setName('');
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: (_, token) => {
      setRevoked(token.name);
      setCreated(null);
      void refresh();
    },
  });
  const server = useProblemText(create.error);

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(days);
    const found = {
      ...(name.trim() === '' ? { name: t('account.tokenNameRequired') } : {}),
      ...(!Number.isInteger(n) || n < 1 || n > 366 ? { days: t('account.tokenExpiresInvalid') } : {}),
    };
    setIssues(found);
    if (!found.name && !found.days) create.mutate();
  };
  const onRevoke = (token: ApiToken) => {
    if (window.confirm(t('account.revokeConfirm', { name: token.name }))) revoke.mutate(token);
  };

  return (
    <Stack gap="md">
      <Text>{t('account.tokensIntro')}</Text>
      <StatusMessage>{revoked ? t('account.revoked', { name: revoked }) : null}</StatusMessage>
      {created && <CreatedToken token={created} />}
      {create.error && <ProblemAlert error={create.error} shownFields={['name', 'expiresInDays']} />}
      {revoke.error && <ProblemAlert error={revoke.error} />}
      <form onSubmit={onCreate} noValidate>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('account.tokenName')}
            description={t('account.tokenNameHint')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={issues.name ?? server.fields.name}
            style={{ flex: '1 1 14rem' }}
          />
          <NumberInput
            label={t('account.tokenExpires')}
            description={t('account.tokenExpiresHint')}
            required
            min={1}
            max={366}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            error={issues.days ?? server.fields.expiresInDays}
            style={{ flex: '0 1 10rem' }}
          />
        </Group>
        <Button type="submit" mt="sm" loading={create.isPending}>
          {t('account.createToken')}
        </Button>
      </form>
      {tokens.isError && <ProblemAlert error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && tokens.data.length === 0 && <Text>{t('account.noTokens')}</Text>}
      {tokens.data && tokens.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" captionSide="top">
            <Table.Caption style={{ textAlign: 'left' }}>{t('account.tokensCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('account.tokenName')}</Table.Th>
                <Table.Th scope="col">{t('account.tokenPrefix')}</Table.Th>
                <Table.Th scope="col">{t('account.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('account.expiresAt')}</Table.Th>
                <Table.Th scope="col">{t('account.lastUsedAt')}</Table.Th>
                <Table.Th scope="col">{t('account.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>
                    <Code>{token.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <DateText value={token.createdAt} format="short" />
                  </Table.Td>
                  <Table.Td>
                    <DateText value={token.expiresAt} format="short" />
                  </Table.Td>
                  <Table.Td>
                    {token.lastUsedAt ? <DateTimeText value={token.lastUsedAt} /> : t('account.neverUsed')}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="outline"
                      color="red.9"
                      aria-label={t('account.revokeLabel', { name: token.name })}
                      onClick={() => onRevoke(token)}
                      loading={revoke.isPending && revoke.variables.id === token.id}
                    >
                      {t('account.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The new token's secret, shown this once, with a copy button. */
function CreatedToken({ token }: { token: ApiTokenCreated }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" variant="light" role="status" title={t('account.tokenCreated', { name: token.name })}>
      <Text size="sm" fw={700} mb={4}>
        {t('account.tokenSecret')}
      </Text>
      <Code block style={{ wordBreak: 'break-all', userSelect: 'all' }} data-testid="token-secret">
        {token.token}
      </Code>
      <Group mt="sm" gap="sm">
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Button size="compact-sm" onClick={copy} color={copied ? 'green.9' : 'govBlue'}>
              {copied ? t('account.copied') : t('account.copy')}
            </Button>
          )}
        </CopyButton>
        <Text size="sm">{t('account.copyHint')}</Text>
      </Group>
    </Alert>
  );
}
