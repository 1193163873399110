import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountReviewSummary } from '../../shared/api/account-review.schema.js';

type State = 'open' | 'overdue' | 'closed';

const COLOURS: Record<State, { background: string; color: string; border: string }> = {
  open: { background: '#e8f1fb', color: '#0a3466', border: '#72a3de' },
  overdue: { background: '#fdecea', color: '#7f1d14', border: '#e38b80' },
  closed: { background: '#eceff1', color: '#2f3b42', border: '#9aa5ad' },
};

/** Whether a review is under way, past its due time, or closed. */
export function reviewState(review: Pick<AccountReviewSummary, 'closedAt' | 'dueAt'>, now = new Date()): State {
  if (review.closedAt !== null) return 'closed';
  return Date.parse(review.dueAt) < now.getTime() ? 'overdue' : 'open';
}

export function ReviewState({ review }: { review: Pick<AccountReviewSummary, 'closedAt' | 'dueAt'> }) {
  const { t } = useTranslation();
  const state = reviewState(review);
  const colours = COLOURS[state];
  return (
    <Badge
      variant="outline"
      radius="sm"
      styles={{
        root: {
          background: colours.background,
          color: colours.color,
          borderColor: colours.border,
          textTransform: 'none',
          fontWeight: 700,
        },
        // The whole word, never cut to 「待清…」 in a narrow column.
        label: { overflow: 'visible' },
      }}
    >
      {t(`reviews.states.${state}`)}
    </Badge>
  );
}
