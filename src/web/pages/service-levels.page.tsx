import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { queryKeys } from '../data/query-keys.js';
import { useLabels } from '../i18n/labels.js';
import { getServiceLevels, serviceLevelUrl, type GroupBy, type ReportParams } from '../data/reports.api.js';
import { isIsoDate, rocDateShort } from '../lib/roc-date.js';
import { ComplianceChart } from '../reports/compliance-chart.js';
import { currentMonth } from '../reports/report-period.js';
import { ServiceLevelTable } from '../reports/service-level-table.js';

const GROUPS: readonly GroupBy[] = ['type', 'unit', 'assignee', 'vendor', 'target'];

/** The service-level report (SLA-4), for those who see every request. */
export function ServiceLevelsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const me = useMe();
  const { language } = useLabels();
  const allowed = me.abilities.seeAllRequests;
  const [form, setForm] = useState<ReportParams>(() => ({ ...currentMonth(), groupBy: 'type' }));
  const [params, setParams] = useState<ReportParams>(form);
  const [rangeError, setRangeError] = useState(false);
  const report = useQuery({
    queryKey: queryKeys.serviceLevels(params),
    queryFn: () => getServiceLevels(params),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });

  if (!allowed) {
    return (
      <Stack>
        <Title order={1}>{t('reports.title')}</Title>
        <Text>{t('detail.notFound')}</Text>
      </Stack>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const bad = !isIsoDate(form.from) || !isIsoDate(form.to) || form.to < form.from;
    setRangeError(bad);
    if (!bad) setParams(form);
  };
  const dateLabel = (value: string) =>
    language === 'en' ? `${value} (ROC ${rocDateShort(value)})` : `${rocDateShort(value)}（${value}）`;
  const groupLabel = t(`reports.groupByOptions.${params.groupBy}`);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('reports.title')}</Title>
        <Text mt={4}>{t('reports.intro')}</Text>
      </div>
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('reports.from')}
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.currentTarget.value })}
            required
          />
          <TextInput
            type="date"
            label={t('reports.to')}
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.currentTarget.value })}
            required
            error={rangeError ? t('reports.invalidRange') : undefined}
          />
          <NativeSelect
            label={t('reports.groupBy')}
            value={form.groupBy}
            onChange={(e) => setForm({ ...form, groupBy: e.currentTarget.value as GroupBy })}
            data={GROUPS.map((g) => ({ value: g, label: t(`reports.groupByOptions.${g}`) }))}
          />
          <Button type="submit">{t('reports.apply')}</Button>
        </Group>
      </form>
      {report.isPending && (
        <Center py="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {report.isError && <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />}
      <div role="status" aria-live="polite">
        {report.data && report.data.rows.length === 0 && (
          <Alert color="gray" variant="light">
            {t('reports.empty')}
          </Alert>
        )}
      </div>
      {report.data && (
        <SectionCard title={t('reports.title')}>
          <Group justify="flex-end" mb="xs">
            <Anchor href={serviceLevelUrl(params, 'csv')} download fw={600}>
              {t('reports.downloadCsv')}
            </Anchor>
          </Group>
          {report.data.rows.length > 0 && (
            <Stack gap="lg">
              <ServiceLevelTable
                report={report.data}
                caption={t('reports.caption', {
                  from: dateLabel(report.data.from),
                  to: dateLabel(report.data.to),
                  groupBy: groupLabel,
                })}
              />
              <ComplianceChart report={report.data} />
            </Stack>
          )}
        </SectionCard>
      )}
    </Stack>
  );
}
