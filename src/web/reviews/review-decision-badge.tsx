import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewDecision } from '../../shared/api/account-review.schema.js';

const COLOURS: Record<ReviewDecision | 'pending', { background: string; color: string; border: string }> = {
  keep: { background: '#e5f6ea', color: '#17502a', border: '#6cbf85' },
  revoke: { background: '#fdecea', color: '#7f1d14', border: '#e38b80' },
  pending: { background: '#fff3dc', color: '#6b3a00', border: '#e0a040' },
};

/** 保留, 撤銷 or 待清查; the word carries the meaning, the colour only helps. */
export function ReviewDecisionBadge({ decision }: { decision: ReviewDecision | null }) {
  const { t } = useTranslation();
  const colours = COLOURS[decision ?? 'pending'];
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
      {t(`reviews.decisions.${decision ?? 'pending'}`)}
    </Badge>
  );
}
