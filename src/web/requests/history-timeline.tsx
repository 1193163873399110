import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../../shared/api/request.schema.js';
import { LIFECYCLE_ACTION_NAMES, type LifecycleAction } from '../../shared/lifecycle-actions.js';
import { ESCALATION_TIERS, type EscalationTier } from '../../shared/request-vocabulary.js';
import { DateTimeText } from '../components/date-text.js';
import { useLabels } from '../i18n/labels.js';

const isTier = (value: unknown): value is EscalationTier =>
  typeof value === 'string' && (ESCALATION_TIERS as readonly string[]).includes(value);

const isAction = (value: unknown): value is LifecycleAction =>
  typeof value === 'string' && (LIFECYCLE_ACTION_NAMES as readonly string[]).includes(value);

const isLocalised = (value: unknown): value is { 'zh-TW': string; en: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['zh-TW'] === 'string' &&
  typeof (value as Record<string, unknown>).en === 'string';

/** A short description of what an event changed, from the fields its kind carries. */
function useEventDetail() {
  const { t } = useTranslation();
  const labels = useLabels();
  return (event: HistoryEvent): string | null => {
    const data = event.data;
    // A workflow step names its action by its label (issue 3); the earlier life cycle by its name.
    const action =
      event.kind === 'transition' && isLocalised(data.label)
        ? labels.localised(data.label)
        : isAction(data.action)
          ? labels.action(data.action)
          : null;
    if (event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus) {
      const change = t('detail.history.statusChange', {
        from: labels.status(event.fromStatus),
        to: labels.status(event.toStatus),
      });
      return action ? `${t('detail.history.action', { action })} · ${change}` : change;
    }
    if (event.kind === 'transition' && action) return t('detail.history.action', { action });
    if (event.kind === 'assigned') {
      const name = typeof data.toName === 'string' ? data.toName : null;
      return name ? t('detail.history.assignedTo', { name }) : t('detail.history.unassigned');
    }
    if (event.kind === 'attachment_added' && typeof data.fileName === 'string') {
      return t('detail.history.fileName', { name: data.fileName });
    }
    if (event.kind === 'escalated' && isTier(data.to)) {
      return t('detail.history.escalatedTo', { tier: labels.tier(data.to) });
    }
    const clock = isLocalised(data.label) ? labels.localised(data.label) : null;
    if (event.kind === 'chased' && typeof data.count === 'number') {
      return [clock, t('detail.history.chaseCount', { count: data.count })].filter(Boolean).join(' · ');
    }
    if (event.kind === 'clock_warning' && typeof data.share === 'number') {
      return [clock, t('detail.history.warningShare', { percent: Math.round(data.share * 100) })].join(' · ');
    }
    return clock;
  };
}

/** The request's history (SEC-3), oldest first: kind, actor and time of every change. */
export function HistoryTimeline({ events }: { events: readonly HistoryEvent[] }) {
  const { t } = useTranslation();
  const detail = useEventDetail();
  if (events.length === 0) return <Text>{t('detail.history.empty')}</Text>;
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <ol className="history-list">
      {ordered.map((event) => {
        const extra = detail(event);
        return (
          <li key={event.id}>
            <Text fw={700}>{t(`detail.history.kinds.${event.kind}`)}</Text>
            <Text size="sm">
              {event.actor?.displayName ?? t('detail.history.system')} · <DateTimeText value={event.at} />
            </Text>
            {extra && <Text size="sm">{extra}</Text>}
            {typeof event.data.note === 'string' && (
              <Text size="sm" className="preserve-lines" pl="xs" style={{ borderLeft: '3px solid #ced4da' }}>
                {event.data.note}
              </Text>
            )}
          </li>
        );
      })}
    </ol>
  );
}
