import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiTokens } from '../account/api-tokens.js';
import { ChangePasswordForm } from '../account/change-password-form.js';
import { NotificationPreferences } from '../account/notification-preferences.js';
import { RecentSignIns } from '../account/recent-sign-ins.js';
import { TwoFactor } from '../account/two-factor.js';
import { heldOnAccountPage, useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { SectionCard } from '../components/section-card.js';
import { useLabels } from '../i18n/labels.js';

/** The signed-in person's profile, password, second factor, mail notices, API tokens and sign-ins. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const me = useMe();
  const labels = useLabels();
  const held = heldOnAccountPage(me);
  const roles = labels.list(
    me.roles.map((r) => (r.unitName ? labels.qualified(labels.role(r.role), r.unitName) : labels.role(r.role))),
  );
  return (
    <Stack gap="md">
      <Title order={1}>{t('account.title')}</Title>
      {me.mustChangePassword && (
        <Alert color="yellow" variant="light" styles={{ message: { color: '#5c3c00' } }}>
          {t('account.mustChange')}
        </Alert>
      )}
      {!me.mustChangePassword && me.mustEnrolMfa && (
        <Alert color="yellow" variant="light" styles={{ message: { color: '#5c3c00' } }}>
          {t('mfa.mustEnrol')}
        </Alert>
      )}
      <SectionCard title={t('account.sectionProfile')}>
        <dl className="field-list">
          <dt>{t('account.displayName')}</dt>
          <dd>{me.displayName}</dd>
          <dt>{t('account.username')}</dt>
          <dd>{me.username}</dd>
          <dt>{t('account.unit')}</dt>
          <dd>{me.unitName ?? t('nav.noUnit')}</dd>
          <dt>{t('account.roles')}</dt>
          <dd>{roles || t('common.none')}</dd>
          <dt>{t('account.email')}</dt>
          <dd>{me.email ?? t('common.none')}</dd>
          <dt>{t('account.phone')}</dt>
          <dd>{me.phone ?? t('common.none')}</dd>
        </dl>
      </SectionCard>
      <SectionCard title={t('account.sectionPassword')}>
        <ChangePasswordForm />
      </SectionCard>
      {/* After a required password change (which comes first), and kept in place while enrolling. */}
      {!me.mustChangePassword && (
        <SectionCard title={t('mfa.section')}>
          <TwoFactor />
        </SectionCard>
      )}
      {!held && (
        <SectionCard title={t('notifications.sectionPreferences')}>
          <NotificationPreferences />
        </SectionCard>
      )}
      {!held && (
        <SectionCard title={t('account.sectionTokens')}>
          <ApiTokens />
        </SectionCard>
      )}
      {/* The server answers only the password change and the enrolment until they are done. */}
      {!held && (
        <SectionCard title={t('signIns.section')}>
          <RecentSignIns />
        </SectionCard>
      )}
    </Stack>
  );
}
