import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../../shared/api/request.schema.js';
import { ESCALATION_TIERS, type EscalationTier } from '../../shared/request-vocabulary.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { DateTimeText } from '../components/date-text.js';
import { rocDateShort, taipeiTime } from '../lib/roc-date.js';
import { useLabels } from '../i18n/labels.js';

const isTier = (value: unknown): value is EscalationTier =>
  typeof value === 'string' && (ESCALATION_TIERS as readonly string[]).includes(value);

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

const isLocalised = (value: unknown): value is { 'zh-TW': string; en: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['zh-TW'] === 'string' &&
  typeof (value as Record<string, unknown>).en === 'string';

/** An instant as the history's lines write it: 115/11/23 09:30. */
const rocDateTime = (instant: string) => `${rocDateShort(instant)} ${taipeiTime(instant)}`;

/** A short description of what an event changed, from the fields its kind carries. */
function useEventDetail() {
  const { t } = useTranslation();
  const labels = useLabels();
  return (event: HistoryEvent): string | null => {
    const data = event.data;
    // A workflow step names its action by its label and where it led (issue 3).
    const action = event.kind === 'transition' && isLocalised(data.label) ? labels.localised(data.label) : null;
    const toSteps =
      event.kind === 'transition' && Array.isArray(data.toLabels)
        ? data.toLabels.filter(isLocalised).map((l) => labels.localised(l))
        : [];
    const change =
      event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus
        ? t('detail.history.statusChange', { from: labels.status(event.fromStatus), to: labels.status(event.toStatus) })
        : null;
    if (action || change) {
      return [
        action ? t('detail.history.action', { action }) : null,
        toSteps.length > 0 ? t('detail.history.toStep', { steps: labels.list(toSteps) }) : null,
        change,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    if (event.kind === 'account_created' && typeof data.username === 'string') {
      return t('detail.history.accountCreated', { username: data.username });
    }
    if (event.kind === 'reported_internally' && Array.isArray(data.to)) {
      const roles = data.to.filter(isRole).map((role) => labels.role(role));
      return roles.length > 0 ? t('detail.history.reportedTo', { to: labels.list(roles) }) : null;
    }
    if (event.kind === 'reported_externally' && (data.to === 'superior_authority' || data.to === 'national_cert')) {
      const at =
        typeof data.reportedAt === 'string' && !Number.isNaN(Date.parse(data.reportedAt)) ? data.reportedAt : null;
      const to = t(`detail.history.externalTo.${data.to}`);
      return at ? t('detail.history.reportedExternallyAt', { to, at: rocDateTime(at) }) : to;
    }
    if (event.kind === 'assigned') {
      const name = typeof data.toName === 'string' ? data.toName : null;
      return name ? t('detail.history.assignedTo', { name }) : t('detail.history.unassigned');
    }
    if (event.kind === 'attachment_added' && typeof data.fileName === 'string') {
      return t('detail.history.fileName', { name: data.fileName });
    }
    if (event.kind === 'assets_registered' && Array.isArray(data.assets)) {
      // Issue 6: the asset numbers the approved data-centre application entered or moved.
      const numbers = data.assets.flatMap((a: unknown) =>
        typeof a === 'object' && a !== null && typeof (a as { assetNumber?: unknown }).assetNumber === 'string'
          ? [(a as { assetNumber: string }).assetNumber]
          : [],
      );
      return numbers.length > 0 ? t('dataCentre.history.assets', { numbers: labels.list(numbers) }) : null;
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
