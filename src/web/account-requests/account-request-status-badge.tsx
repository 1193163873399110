import { Badge } from '@mantine/core';
import type { AccountRequestStatus } from '../../shared/api/account-request.schema.js';
import { useLabels } from '../i18n/labels.js';

/** Colour pairs of at least 7:1 contrast, as the request statuses have them; the words carry the meaning. */
const COLOURS: Record<AccountRequestStatus, { background: string; color: string; border: string }> = {
  pending_supervisor: { background: '#fff3dc', color: '#6b3a00', border: '#e0a040' },
  pending_admin: { background: '#e8f1fb', color: '#0a3466', border: '#72a3de' },
  approved: { background: '#e5f6ea', color: '#17502a', border: '#6cbf85' },
  rejected: { background: '#fdecea', color: '#7f1d14', border: '#e38b80' },
};

/** The state of an account request (SEC-2), labelled from the shared vocabulary. */
export function AccountRequestStatusBadge({ status }: { status: AccountRequestStatus }) {
  const labels = useLabels();
  const colours = COLOURS[status];
  return (
    <Badge
      variant="outline"
      radius="sm"
      size="lg"
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
      {labels.accountRequestStatus(status)}
    </Badge>
  );
}
