import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditTable } from '../audit/audit-table.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { auditUrl, searchAudit, verifyAudit, type AuditSearch } from '../data/audit.api.js';
import { queryKeys } from '../data/query-keys.js';
import { addDays, todayInTaipei } from '../lib/roc-date.js';

/** The audit trail (SEC-3): search, export, and verify its hash chain; for auditors. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const me = useMe();
  const allowed = me.abilities.readAudit;
  const [form, setForm] = useState<AuditSearch>(() => ({
    from: addDays(todayInTaipei(), -7),
    to: todayInTaipei(),
    action: '',
  }));
  const [search, setSearch] = useState<AuditSearch>(form);
  const records = useQuery({
    queryKey: queryKeys.audit(search),
    queryFn: () => searchAudit(search),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: verifyAudit });

  if (!allowed) {
    return (
      <Stack>
        <Title order={1}>{t('audit.title')}</Title>
        <Text>{t('audit.forbidden')}</Text>
      </Stack>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ ...form, action: form.action.trim() });
  };
  const result = verify.data;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('audit.title')}</Title>
        <Text mt={4}>{t('audit.intro')}</Text>
      </div>
      <SectionCard title={t('audit.verify')}>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} variant="outline">
          {t('audit.verify')}
        </Button>
        <div role="status" aria-live="polite">
          {result && (
            <Alert
              mt="sm"
              variant="light"
              color={result.intact ? 'green' : 'red'}
              styles={{ message: { color: result.intact ? '#17502a' : '#7f1d14', fontWeight: 600 } }}
            >
              {result.intact || !result.firstBreak
                ? t('audit.intact', { checked: result.checked })
                : t('audit.broken', {
                    id: result.firstBreak.id,
                    reason: t(`audit.reasons.${result.firstBreak.reason}`),
                    checked: result.checked,
                  })}
            </Alert>
          )}
        </div>
        {verify.isError && <ProblemAlert error={verify.error} />}
      </SectionCard>
      <form onSubmit={onSubmit} role="search">
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('audit.from')}
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('audit.to')}
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.currentTarget.value })}
          />
          <TextInput
            label={t('audit.action')}
            description={t('audit.actionHint')}
            value={form.action}
            onChange={(e) => setForm({ ...form, action: e.currentTarget.value })}
            style={{ flex: '1 1 14rem', maxWidth: 320 }}
          />
          <Button type="submit">{t('audit.search')}</Button>
        </Group>
      </form>
      {records.isError && <ProblemAlert error={records.error} onRetry={() => void records.refetch()} />}
      {records.isPending && (
        <Center py="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      <Group justify="space-between">
        <div role="status" aria-live="polite">
          {records.data && <Text fw={700}>{t('audit.count', { count: records.data.length })}</Text>}
        </div>
        <Anchor href={auditUrl(search, 'csv')} download fw={600}>
          {t('audit.downloadCsv')}
        </Anchor>
      </Group>
      {records.data && records.data.length === 0 && <Text>{t('audit.empty')}</Text>}
      {records.data && records.data.length > 0 && <AuditTable records={records.data} />}
    </Stack>
  );
}
