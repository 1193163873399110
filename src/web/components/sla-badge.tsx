import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestSummary } from '../../shared/api/request.schema.js';
import type { SlaState } from '../../shared/request-vocabulary.js';
import { DateTimeText } from './date-text.js';

/** Colour pairs of at least 7:1 contrast; the words carry the meaning, the colour only helps. */
const SLA_COLOURS: Record<SlaState, { background: string; color: string; border: string }> = {
  none: { background: '#f1f3f5', color: '#3d4349', border: '#adb5bd' },
  running: { background: '#e8f1fb', color: '#0a3466', border: '#72a3de' },
  paused: { background: '#f6ecff', color: '#4b1d7a', border: '#b48be0' },
  breached: { background: '#fdecea', color: '#7f1d14', border: '#e38b80' },
  met: { background: '#e5f6ea', color: '#17502a', border: '#6cbf85' },
};

/** A request's service-level state (SLA-2, SLA-3) and, while a clock runs, when it falls due. */
export function SlaBadge({ sla }: { sla: RequestSummary['sla'] }) {
  const { t } = useTranslation();
  const colours = SLA_COLOURS[sla.state];
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        variant="outline"
        radius="sm"
        styles={{
          root: {
            background: colours.background,
            color: colours.color,
            borderColor: colours.border,
            textTransform: 'none',
          },
        }}
      >
        {t(`sla.states.${sla.state}`)}
      </Badge>
      {sla.dueAt && (sla.state === 'running' || sla.state === 'breached') && (
        <Text size="xs">
          {t('sla.due')} <DateTimeText value={sla.dueAt} />
        </Text>
      )}
    </Stack>
  );
}
