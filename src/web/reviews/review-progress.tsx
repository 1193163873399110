import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountReviewSummary } from '../../shared/api/account-review.schema.js';

type Counts = Pick<AccountReviewSummary, 'total' | 'kept' | 'revoked' | 'pending' | 'pendingForMe'>;

/** How far a review has come: kept, revoked and pending in words, a bar, and what waits for me. */
export function ReviewProgress({ review }: { review: Counts }) {
  const { t } = useTranslation();
  const done = review.total === 0 ? 100 : Math.round(((review.kept + review.revoked) / review.total) * 100);
  return (
    <div>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">
          {t('reviews.progressText', {
            kept: review.kept,
            revoked: review.revoked,
            pending: review.pending,
            total: review.total,
          })}
        </Text>
        {review.pendingForMe > 0 && <PendingForMeBadge count={review.pendingForMe} />}
      </Group>
      <Progress
        value={done}
        mt={6}
        size="md"
        color="govBlue.7"
        aria-label={t('reviews.progressLabel', { percent: done })}
        styles={{ root: { background: '#e9ecef', border: '1px solid #868e96' } }}
      />
    </div>
  );
}

/** 「待我清查 3」: the items waiting for the signed-in reviewer. */
export function PendingForMeBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      radius="sm"
      styles={{
        root: { background: '#fff3dc', color: '#6b3a00', borderColor: '#e0a040', textTransform: 'none' },
        label: { overflow: 'visible' },
      }}
    >
      {t('reviews.pendingForMe', { count })}
    </Badge>
  );
}
