import { Anchor, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { queryKeys } from '../data/query-keys.js';
import {
  getOfficeHours,
  getPasswordPolicy,
  getSecuritySettings,
  getSlaSettings,
  getWorkflowUnits,
} from '../data/settings.api.js';
import { OfficeCalendar } from '../settings/office-calendar.js';
import { OfficeHoursForm } from '../settings/office-hours-form.js';
import { OutboxTable } from '../settings/outbox-table.js';
import { PasswordPolicyForm } from '../settings/password-policy-form.js';
import { SecuritySettingsForm } from '../settings/security-settings-form.js';
import { SlaSettingsForm } from '../settings/sla-settings-form.js';
import { WorkflowUnitsForm } from '../settings/workflow-units-form.js';
import { WEB_CONTENT_ROUTING_PATH } from './admin-web-content-routing.page.js';

/** Loads one setting and shows its form once it is there. */
function Loaded<T>({ name, load, render }: { name: string; load: () => Promise<T>; render: (value: T) => ReactNode }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: queryKeys.settings(name), queryFn: load, staleTime: Infinity });
  if (query.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{render(query.data)}</>;
}

/**
 * The administrator's settings: office hours, SLA, the workflows' units, password policy, account
 * security, calendar, mail outbox.
 */
export function AdminSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const me = useMe();
  if (!me.abilities.manageSettings) {
    return (
      <Stack>
        <Title order={1}>{t('settings.title')}</Title>
        <Text>{t('settings.forbidden')}</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('settings.title')}</Title>
        <Text mt={4}>{t('settings.intro')}</Text>
      </div>
      <SectionCard title={t('settings.sectionOfficeHours')}>
        <Loaded name="office-hours" load={getOfficeHours} render={(v) => <OfficeHoursForm initial={v} />} />
      </SectionCard>
      <SectionCard title={t('settings.sectionSla')}>
        <Loaded name="sla" load={getSlaSettings} render={(v) => <SlaSettingsForm initial={v} />} />
      </SectionCard>
      <SectionCard title={t('settings.sectionWorkflowUnits')}>
        <Loaded name="workflow-units" load={getWorkflowUnits} render={(v) => <WorkflowUnitsForm initial={v} />} />
      </SectionCard>
      <SectionCard title={t('webContentRouting.title')}>
        <Text mb="sm">{t('webContentRouting.settingsIntro')}</Text>
        <Anchor component={Link} to={WEB_CONTENT_ROUTING_PATH}>
          {t('webContentRouting.settingsLink')}
        </Anchor>
      </SectionCard>
      <SectionCard title={t('settings.sectionPasswordPolicy')}>
        <Loaded name="password-policy" load={getPasswordPolicy} render={(v) => <PasswordPolicyForm initial={v} />} />
      </SectionCard>
      <SectionCard title={t('settings.sectionSecurity')}>
        <Loaded name="security" load={getSecuritySettings} render={(v) => <SecuritySettingsForm initial={v} />} />
      </SectionCard>
      <SectionCard title={t('settings.sectionCalendar')}>
        <Text mb="sm">{t('settings.calendarIntro')}</Text>
        <OfficeCalendar />
      </SectionCard>
      <SectionCard title={t('settings.sectionOutbox')}>
        <OutboxTable />
      </SectionCard>
    </Stack>
  );
}
