import { Anchor, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { queryKeys } from '../data/query-keys.js';
import { getWebContentRouting } from '../data/reference.api.js';
import { WebContentRoutingTable } from '../settings/web-content-routing-table.js';

/** The path of the page, linked from the settings. */
export const WEB_CONTENT_ROUTING_PATH = '/admin/web-content-routing';

/**
 * Administration → 附件二 (TYPE-4, issue 3): the website maintenance table the IT section routes web
 * content requests by, viewed and edited by administrators.
 */
export function AdminWebContentRoutingPage() {
  const { t } = useTranslation();
  usePageTitle(t('webContentRouting.title'));
  const me = useMe();
  const allowed = me.abilities.manageSettings;
  const routing = useQuery({
    queryKey: queryKeys.settings('web-content-routing'),
    queryFn: getWebContentRouting,
    enabled: allowed,
    staleTime: Infinity,
  });
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/settings" size="sm">
        ← {t('webContentRouting.back')}
      </Anchor>
      <div>
        <Title order={1}>{t('webContentRouting.title')}</Title>
        <Text mt={4}>{allowed ? t('webContentRouting.intro') : t('webContentRouting.forbidden')}</Text>
      </div>
      {allowed && routing.isPending && (
        <Center py="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {allowed && routing.isError && <ProblemAlert error={routing.error} onRetry={() => void routing.refetch()} />}
      {allowed && routing.data && <WebContentRoutingTable initial={routing.data.rows} />}
    </Stack>
  );
}
