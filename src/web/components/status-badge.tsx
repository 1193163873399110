import { Badge } from '@mantine/core';
import type { RequestStatus } from '../../shared/request-vocabulary.js';
import { useLabels } from '../i18n/labels.js';

/** Colour pairs chosen for at least 7:1 contrast; the label, not the colour, carries the meaning. */
export const STATUS_COLOURS: Record<RequestStatus, { background: string; color: string; border: string }> = {
  submitted: { background: '#e8f1fb', color: '#0a3466', border: '#72a3de' },
  in_progress: { background: '#fff3dc', color: '#6b3a00', border: '#e0a040' },
  waiting: { background: '#f6ecff', color: '#4b1d7a', border: '#b48be0' },
  resolved: { background: '#e5f6ea', color: '#17502a', border: '#6cbf85' },
  closed: { background: '#eceff1', color: '#2f3b42', border: '#9aa5ad' },
  rejected: { background: '#fdecea', color: '#7f1d14', border: '#e38b80' },
  cancelled: { background: '#f1f1f1', color: '#3d3d3d', border: '#a0a0a0' },
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  const labels = useLabels();
  const colours = STATUS_COLOURS[status];
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
      }}
    >
      {labels.status(status)}
    </Badge>
  );
}
