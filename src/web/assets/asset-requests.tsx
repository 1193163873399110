import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssetRequestLink } from '../../shared/api/asset.schema.js';
import { useLabels } from '../i18n/labels.js';

/** The requests pointing at an item: the applications that moved it, and requests or incidents linked to it. */
export function AssetRequests({ requests }: { requests: readonly AssetRequestLink[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (requests.length === 0) return <Text>{t('assets.noRequests')}</Text>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
      {requests.map((r) => (
        <li key={r.id}>
          <Text fw={700} component="span" className="request-number">
            {r.visible ? (
              <Anchor component={Link} to={`/requests/${r.id}`}>
                {r.number}
              </Anchor>
            ) : (
              r.number
            )}
          </Text>{' '}
          <Text component="span">{r.title ?? t('assets.requestHidden')}</Text>
          <Text size="sm">
            {labels.list([t(`assets.requestRelations.${r.relation}`), labels.type(r.type), labels.status(r.status)])}
          </Text>
        </li>
      ))}
    </ul>
  );
}
