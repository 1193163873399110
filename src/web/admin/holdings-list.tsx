import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Holdings } from '../../shared/api/organisation.schema.js';
import { REQUEST_STATUSES, type RequestStatus } from '../../shared/request-vocabulary.js';
import { useLabels } from '../i18n/labels.js';

type Ref = Holdings['assignedRequests'][number];

const isStatus = (status: string): status is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(status);

/** What a person still holds (SEC-2, VEN-4): open requests as links, sessions and API tokens. */
export function HoldingsList({ holdings }: { holdings: Holdings }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const requests = (title: string, refs: readonly Ref[]) => (
    <div>
      <Text fw={700} size="sm">
        {t(title === 'assigned' ? 'holdings.assigned' : 'holdings.filed', { count: refs.length })}
      </Text>
      {refs.length === 0 ? (
        <Text size="sm">{t('holdings.noRequests')}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {refs.map((r) => (
            <List.Item key={r.id}>
              <Anchor component={Link} to={`/requests/${r.id}`} className="request-number">
                {r.number}
              </Anchor>{' '}
              {labels.qualified(r.title, isStatus(r.status) ? labels.status(r.status) : r.status)}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
  return (
    <div className="holdings">
      {requests('assigned', holdings.assignedRequests)}
      {requests('filed', holdings.filedRequests)}
      <dl className="field-list" style={{ marginTop: '0.75rem' }}>
        <dt>{t('holdings.sessions')}</dt>
        <dd>{t('holdings.count', { count: holdings.activeSessions })}</dd>
        <dt>{t('holdings.tokens')}</dt>
        <dd>{t('holdings.count', { count: holdings.apiTokens })}</dd>
      </dl>
    </div>
  );
}
