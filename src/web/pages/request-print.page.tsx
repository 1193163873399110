import { Anchor, Button, Center, Group, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Fragment, type ReactNode } from 'react';
import { REQUEST_TYPE_LABELS } from '../../shared/request-vocabulary.js';
import { VendorApplicationSheet } from '../applications/vendor-application-sheet.js';
import { useRequest, useRequestType } from '../data/queries.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { rocDateLong, rocDateShort } from '../lib/roc-date.js';
import { recordedSteps, type RecordedStep } from '../requests/workflow-record.js';

/** 附件一's opinion rows and the data paths that fill them (resources/workflows/README.md). */
const OPINION_ROWS = [
  ['officer', 'opinions.handler'],
  ['itOfficer', 'opinions.it_officer'],
  ['sectionChief', 'opinions.it_chief'],
  ['divisionDeputy', 'opinions.division_deputy'],
  ['divisionHead', 'opinions.division_head'],
] as const;

const SIGNOFFS = [
  ['sectionChief', 'signoffs.section_chief'],
  ['divisionDeputy', 'signoffs.division_deputy'],
  ['divisionHead', 'signoffs.division_head'],
] as const;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const dateText = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? rocDateShort(value) : '';

/**
 * 000 附件一 as a printable page (DOC-1): always in Traditional Chinese with ROC dates, with the
 * sign-offs and opinions the workflow recorded (who and when) and the other boxes blank for ink;
 * a vendor application prints as 附件四.
 */
export function RequestPrintPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-TW');
  const { id = '' } = useParams();
  const request = useRequest(id);
  const typeInfo = useRequestType(
    request.data?.type ?? 'general',
    request.data?.workflow?.version ?? null,
    request.data !== undefined,
  );
  usePageTitle(zh('print.title', { number: request.data?.number ?? '' }));

  if (request.isPending || (request.data && typeInfo.isPending)) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (request.isError) return <ProblemAlert error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  const steps = r.workflow ? recordedSteps(r.workflow.data, r.history) : [];
  const at = (path: string) => steps.find((s) => s.path === path);
  const blank = <td className="signature-cell" />;
  const signed = (step: RecordedStep | undefined, value: string): ReactNode =>
    step ? (
      <td className="signature-cell">
        {value && <div className="preserve-lines">{value}</div>}
        <div className="print-signed">
          {step.byName ?? ''} {step.at ? rocDateShort(step.at) : ''}
        </div>
      </td>
    ) : (
      blank
    );
  const dispatch = at('dispatch');
  const completion = at('completion');
  const confirmation = at('confirmation');
  const back = (
    <Group className="no-print" mb="md" gap="sm">
      <Button onClick={() => window.print()}>{t('print.printNow')}</Button>
      <Anchor component={Link} to={`/requests/${r.id}`}>
        {t('print.back')}
      </Anchor>
    </Group>
  );

  if (typeInfo.data?.filing.document === 'attachment_4') {
    return (
      <div lang="zh-Hant-TW">
        {back}
        <VendorApplicationSheet
          schema={typeInfo.data.form}
          values={r.form}
          number={r.number}
          applicationDate={r.applicationDate}
          headingLevel={1}
        />
      </div>
    );
  }

  return (
    <div lang="zh-Hant-TW">
      {back}
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
              {SIGNOFFS.map(([who, path]) => {
                const step = at(path);
                return <Fragment key={who}>{signed(step, text(step?.fields.opinion))}</Fragment>;
              })}
            </tr>
          </tbody>
        </table>

        <h2 style={{ fontSize: '1.1rem', margin: '1rem 0 0.5rem' }}>{zh('print.opinions')}</h2>
        <table>
          <tbody>
            {OPINION_ROWS.map(([who, path]) => {
              const step = at(path);
              return (
                <tr key={who}>
                  <th scope="row">{zh(`print.${who}`)}</th>
                  {signed(step, text(step?.fields.opinion))}
                  <td style={{ width: '10rem' }}>
                    {zh('print.date')}：{step?.at ? rocDateShort(step.at) : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <h2 style={{ fontSize: '1.1rem', margin: '1rem 0 0.5rem' }}>{zh('print.deskPart')}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{zh('print.handler')}</th>
              <td colSpan={2}>{text(dispatch?.fields.handler) || (r.assignee?.displayName ?? '')}</td>
            </tr>
            <tr>
              <th scope="row">{zh('print.plannedDate')}</th>
              <td colSpan={2}>{dateText(dispatch?.fields.plannedCompletionDate)}</td>
            </tr>
            <tr>
              <th scope="row">{zh('print.result')}</th>
              <td colSpan={2} style={{ height: '6rem' }} className="preserve-lines">
                {text(completion?.fields.handlingResult)}
              </td>
            </tr>
            <tr>
              <th scope="row">{zh('print.improvements')}</th>
              <td colSpan={2} className="preserve-lines">
                {text(completion?.fields.improvementSuggestions)}
              </td>
            </tr>
            <tr>
              <th scope="row">{zh('print.actualDate')}</th>
              <td colSpan={2}>{dateText(completion?.fields.actualCompletionDate)}</td>
            </tr>
            <tr>
              <th scope="row">{zh('print.confirmation')}</th>
              {signed(confirmation, text(confirmation?.fields.comment))}
              <td style={{ width: '10rem' }}>
                {zh('print.date')}：
                {dateText(confirmation?.fields.confirmedOn) || (confirmation?.at ? rocDateShort(confirmation.at) : '')}
              </td>
            </tr>
          </tbody>
        </table>
      </article>
    </div>
  );
}
