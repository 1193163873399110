import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../shared/api/request.schema.js';
import { DateText, DateTimeText } from '../components/date-text.js';
import { StatusBadge } from '../components/status-badge.js';
import { useLabels } from '../i18n/labels.js';

/** Every field of the request as a description list. */
export function RequestFields({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <dl className="field-list">
      <dt>{t('detail.fields.number')}</dt>
      <dd className="request-number">{request.number}</dd>
      <dt>{t('detail.fields.status')}</dt>
      <dd>
        <StatusBadge status={request.status} />
      </dd>
      <dt>{t('detail.fields.type')}</dt>
      <dd>{labels.type(request.type)}</dd>
      <dt>{t('detail.fields.priority')}</dt>
      <dd>{labels.priority(request.priority)}</dd>
      <dt>{t('detail.fields.channel')}</dt>
      <dd>{labels.channel(request.channel)}</dd>
      <dt>{t('detail.fields.unit')}</dt>
      <dd>{request.unitName}</dd>
      <dt>{t('detail.fields.applicant')}</dt>
      <dd>{request.applicantName}</dd>
      <dt>{t('detail.fields.phone')}</dt>
      <dd>{request.applicantPhone}</dd>
      <dt>{t('detail.fields.applicationDate')}</dt>
      <dd>
        <DateText value={request.applicationDate} />
      </dd>
      {/* A data-centre application's wished date is its planned move date (issue 6). */}
      <dt>{request.type === 'dc_equipment' ? t('dataCentre.plannedDate') : t('detail.fields.wishedDate')}</dt>
      <dd>
        <DateText value={request.wishedDate} />
      </dd>
      <dt>{t('detail.fields.assignee')}</dt>
      <dd>{request.assignee?.displayName ?? t('list.unassigned')}</dd>
      <dt>{t('detail.fields.escalationTier')}</dt>
      <dd>{labels.tier(request.escalationTier)}</dd>
      <dt>{t('detail.fields.createdBy')}</dt>
      <dd>{request.createdBy?.displayName ?? t('detail.fields.createdByPublic')}</dd>
      <dt>{t('detail.fields.createdAt')}</dt>
      <dd>
        <DateTimeText value={request.createdAt} />
      </dd>
      <dt>{t('detail.fields.updatedAt')}</dt>
      <dd>
        <DateTimeText value={request.updatedAt} />
      </dd>
      {request.closedAt && (
        <>
          <dt>{t('detail.fields.closedAt')}</dt>
          <dd>
            <DateTimeText value={request.closedAt} />
          </dd>
        </>
      )}
    </dl>
  );
}
