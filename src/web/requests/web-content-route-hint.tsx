import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/problem-alert.js';
import { queryKeys } from '../data/query-keys.js';
import { getWebContentRouting } from '../data/reference.api.js';
import { findRoute } from '../settings/web-content-routing.js';

/**
 * 附件二's row for a web content request's menu and item (TYPE-4, 000 §2.4.4): who maintains that
 * part of the website, who provides its data, and whether the unit maintains it itself through the
 * CMS, which is what the IT section routes the request by.
 */
export function WebContentRouteHint({ form }: { form: Record<string, unknown> }) {
  const { t } = useTranslation();
  const routing = useQuery({
    queryKey: queryKeys.settings('web-content-routing'),
    queryFn: getWebContentRouting,
    staleTime: 5 * 60_000,
  });
  const menu = typeof form.menu === 'string' ? form.menu : '';
  const item = typeof form.item === 'string' ? form.item : '';
  if (routing.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (routing.isError) return <ProblemAlert error={routing.error} onRetry={() => void routing.refetch()} />;
  const route = findRoute(routing.data.rows, menu, item);
  if (!route) return <Text>{t('webContentRouting.hint.notFound', { menu, item })}</Text>;
  return (
    <>
      <Text size="sm" mb="xs">
        {t('webContentRouting.hint.intro')}
      </Text>
      <dl className="field-list">
        <dt>{t('webContentRouting.columns.menu')}</dt>
        <dd>{route.menu}</dd>
        <dt>{t('webContentRouting.columns.item')}</dt>
        <dd>{route.item}</dd>
        <dt>{t('webContentRouting.columns.responsibleUnit')}</dt>
        <dd>{route.responsibleUnit}</dd>
        <dt>{t('webContentRouting.columns.dataProvider')}</dt>
        <dd>{route.dataProvider || t('common.none')}</dd>
        <dt>{t('webContentRouting.columns.selfService')}</dt>
        <dd>{route.selfService ? t('common.yes') : t('common.no')}</dd>
        {route.note && (
          <>
            <dt>{t('webContentRouting.columns.note')}</dt>
            <dd>{route.note}</dd>
          </>
        )}
      </dl>
    </>
  );
}
