import { Anchor, Button, Center, Group, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { REQUEST_TYPE_LABELS } from '../../shared/request-vocabulary.js';
import { useRequest } from '../data/queries.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { rocDateLong } from '../lib/roc-date.js';

/**
 * 000 附件一 as a printable page (DOC-1): always in Traditional Chinese with ROC dates, with the
 * sign-off and opinion blocks left blank for ink.
 */
export function RequestPrintPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-TW');
  const { id = '' } = useParams();
  const request = useRequest(id);
  usePageTitle(zh('print.title', { number: request.data?.number ?? '' }));

  if (request.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (request.isError) return <ProblemAlert error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  const blank = <td className="signature-cell" />;

  return (
    <div lang="zh-Hant-TW">
      <Group className="no-print" mb="md" gap="sm">
        <Button onClick={() => window.print()}>{t('print.printNow')}</Button>
        <Anchor component={Link} to={`/requests/${r.id}`}>
          {t('print.back')}
        </Anchor>
      </Group>
      <article className="print-form">
        <p style={{ textAlign: 'right', margin: 0 }}>{zh('print.annex')}</p>
        <h1 style={{ textAlign: 'center', fontSize: '1.6rem', margin: '0.5rem 0 1rem' }}>{zh('print.heading')}</h1>
        <p style={{ textAlign: 'right' }}>
          {zh('print.number')}：<span className="request-number">{r.number}</span>
        </p>
        <table>
          <tbody>
            <tr>
              <th scope="row">{zh('detail.fields.unit')}</th>
              <td>{r.unitName}</td>
              <th scope="row">{zh('detail.fields.applicant')}</th>
              <td>{r.applicantName}</td>
            </tr>
            <tr>
              <th scope="row">{zh('detail.fields.phone')}</th>
              <td>{r.applicantPhone}</td>
              <th scope="row">{zh('detail.fields.type')}</th>
              <td>{REQUEST_TYPE_LABELS[r.type]['zh-TW']}</td>
            </tr>
            <tr>
              <th scope="row">{zh('detail.fields.applicationDate')}</th>
              <td>{rocDateLong(r.applicationDate)}</td>
              <th scope="row">{zh('detail.fields.wishedDate')}</th>
              <td>{rocDateLong(r.wishedDate)}</td>
            </tr>
            <tr>
              <th scope="row">{zh('form.title')}</th>
              <td colSpan={3}>{r.title}</td>
            </tr>
            <tr>
              <th scope="row">{zh('form.description')}</th>
              <td colSpan={3} className="preserve-lines" style={{ height: '8rem' }}>
                {r.description}
              </td>
            </tr>
          </tbody>
        </table>

        <h2 style={{ fontSize: '1.1rem', margin: '1rem 0 0.5rem' }}>{zh('print.signatures')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{zh('print.sectionChief')}</th>
              <th scope="col">{zh('print.divisionDeputy')}</th>
              <th scope="col">{zh('print.divisionHead')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {blank}
              {blank}
              {blank}
            </tr>
          </tbody>
        </table>

        <h2 style={{ fontSize: '1.1rem', margin: '1rem 0 0.5rem' }}>{zh('print.opinions')}</h2>
        <table>
          <tbody>
            {(['officer', 'itOfficer', 'sectionChief', 'divisionDeputy', 'divisionHead'] as const).map((who) => (
              <tr key={who}>
                <th scope="row">{zh(`print.${who}`)}</th>
                {blank}
                <td style={{ width: '10rem' }}>{zh('print.date')}：</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2 style={{ fontSize: '1.1rem', margin: '1rem 0 0.5rem' }}>{zh('print.deskPart')}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{zh('print.handler')}</th>
              <td colSpan={2}>{r.assignee?.displayName ?? ''}</td>
            </tr>
            <tr>
              <th scope="row">{zh('print.result')}</th>
              <td colSpan={2} style={{ height: '6rem' }} />
            </tr>
            <tr>
              <th scope="row">{zh('print.confirmation')}</th>
              {blank}
              <td style={{ width: '10rem' }}>{zh('print.date')}：</td>
            </tr>
          </tbody>
        </table>
      </article>
    </div>
  );
}
