import { Anchor, Button, Center, Group, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AccountReviewItem } from '../../shared/api/account-review.schema.js';
import { ROLE_LABELS } from '../../shared/roles.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { getAccountReview } from '../data/account-reviews.api.js';
import { useUnits } from '../data/queries.js';
import { queryKeys } from '../data/query-keys.js';
import { lastWorkingDay } from '../lib/account-rules.js';
import { rocDateLong, rocDateShort } from '../lib/roc-date.js';

/** The order of the record: by unit, then username, as the campaign page groups them. */
function inOrder(items: readonly AccountReviewItem[]): AccountReviewItem[] {
  return [...items].sort(
    (a, b) =>
      (a.unitName ?? '\uffff').localeCompare(b.unitName ?? '\uffff', 'zh-Hant-TW') ||
      a.username.localeCompare(b.username),
  );
}

/**
 * The account review as a record to print, sign and keep (SEC-2, 004 參 三(二)): always in
 * Traditional Chinese with ROC dates, every account with its roles and decision, totals, and the
 * signature lines of the officer, the unit head and the head of IT.
 */
export function AccountReviewPrintPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-TW');
  const me = useMe();
  const { id = '' } = useParams();
  const review = useQuery({
    queryKey: queryKeys.accountReview(id),
    queryFn: () => getAccountReview(id),
    enabled: me.abilities.reviewAccounts,
  });
  const units = useUnits();
  usePageTitle(zh('reviewReport.pageTitle', { title: review.data?.title ?? '' }));

  if (!me.abilities.reviewAccounts) return <p>{t('reviews.forbidden')}</p>;
  if (review.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (review.isError) return <ProblemAlert error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;
  const agency = units.data?.find((u) => u.kind === 'agency' && u.parentId === null)?.name ?? '';
  const items = inOrder(r.items);
  const kept = items.filter((i) => i.decision === 'keep').length;
  const revoked = items.filter((i) => i.decision === 'revoke').length;
  const roles = (item: AccountReviewItem) =>
    item.roles
      .map((role) => `${ROLE_LABELS[role.role]['zh-TW']}（${role.unitName ?? zh('common.agencyWide')}）`)
      .join('、') || zh('common.none');

  return (
    <div lang="zh-Hant-TW">
      <Group className="no-print" mb="md" gap="sm">
        <Button onClick={() => window.print()}>{t('print.printNow')}</Button>
        <Anchor component={Link} to={`/account-reviews/${r.id}`}>
          {t('reviews.backToReview')}
        </Anchor>
      </Group>
      <article className="print-form review-report">
        <p className="review-report-agency">{agency}</p>
        <h1 className="review-report-title">
          {r.title}
          {zh('reviewReport.record')}
        </h1>
        <table className="review-report-meta">
          <tbody>
            <tr>
              <th scope="row">{zh('reviewReport.period')}</th>
              <td>
                {rocDateLong(r.openedAt)}
                {zh('reviewReport.to')}
                {rocDateLong(r.dueAt)}
              </td>
              <th scope="row">{zh('reviewReport.closedAt')}</th>
              <td>{r.closedAt ? rocDateLong(r.closedAt) : zh('reviewReport.notClosed')}</td>
            </tr>
            <tr>
              <th scope="row">{zh('reviewReport.openedBy')}</th>
              <td>
                {r.openedByName
                  ? zh('reviewReport.openedByName', { name: r.openedByName })
                  : zh('reviews.openedBySchedule')}
              </td>
              <th scope="row">{zh('reviewReport.basis')}</th>
              <td>{zh('reviewReport.basisText')}</td>
            </tr>
          </tbody>
        </table>

        <table className="review-report-items">
          <caption>{zh('reviewReport.itemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{zh('reviewReport.columns.index')}</th>
              <th scope="col">{zh('reviewReport.columns.unit')}</th>
              <th scope="col">{zh('reviewReport.columns.account')}</th>
              <th scope="col">{zh('reviewReport.columns.kind')}</th>
              <th scope="col">{zh('reviewReport.columns.roles')}</th>
              <th scope="col">{zh('reviewReport.columns.decision')}</th>
              <th scope="col">{zh('reviewReport.columns.note')}</th>
              <th scope="col">{zh('reviewReport.columns.decidedBy')}</th>
              <th scope="col">{zh('reviewReport.columns.decidedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={item.id}>
                <td>{index + 1}</td>
                <td>{item.unitName ?? zh('nav.noUnit')}</td>
                <th scope="row">
                  {item.displayName}
                  <br />
                  <span className="request-number">{item.username}</span>
                </th>
                <td>
                  {zh(`admin.userKinds.${item.kind}`)}
                  {item.expiresAt && (
                    <>
                      <br />
                      {zh('reviewReport.expires', { date: rocDateShort(lastWorkingDay(item.expiresAt)) })}
                    </>
                  )}
                </td>
                <td>{roles(item)}</td>
                <td className="review-report-decision">{zh(`reviews.decisions.${item.decision ?? 'pending'}`)}</td>
                <td className="preserve-lines">{item.note}</td>
                <td>{item.decidedByName ?? ''}</td>
                <td>{item.decidedAt ? rocDateShort(item.decidedAt) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <p className="review-report-totals">
          {zh('reviewReport.totals', { total: items.length, kept, revoked, pending: items.length - kept - revoked })}
        </p>

        <table className="review-report-signatures">
          <caption>{zh('reviewReport.signatures')}</caption>
          <thead>
            <tr>
              <th scope="col">{zh('reviewReport.officer')}</th>
              <th scope="col">{zh('reviewReport.unitHead')}</th>
              <th scope="col">{zh('reviewReport.itHead')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="signature-cell" />
              <td className="signature-cell" />
              <td className="signature-cell" />
            </tr>
            <tr>
              <td>{zh('print.date')}：</td>
              <td>{zh('print.date')}：</td>
              <td>{zh('print.date')}：</td>
            </tr>
          </tbody>
        </table>
        <p className="review-report-footnote">{zh('reviewReport.printedAt', { date: rocDateLong(new Date()) })}</p>
      </article>
    </div>
  );
}
