import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonSchema } from '../../shared/api/workflow.schema.js';
import { describeSchema, type FieldModel, type Values } from '../forms/schema-model.js';
import { valueText } from '../forms/schema-values.js';
import { rocDateLong } from '../lib/roc-date.js';

type Props = {
  /** The vendor_account form's JSON Schema, for the labels of the boxes and the choices. */
  schema: JsonSchema;
  values: Values;
  /** The application number the server gave (CTSP-115-00002). */
  number: string;
  /** The day of application, `YYYY-MM-DD`. */
  applicationDate: string;
  /** The title's level: h1 on the print page of its own, h2 under the confirmation. */
  headingLevel?: 1 | 2;
};

/** The company's boxes and the administrator's, in the order 附件四 lays them out. */
const COMPANY = ['companyCode', 'companyName', 'responsiblePerson'] as const;
const ADMIN = [
  'adminEmployeeNo',
  'adminName',
  'adminPhone',
  'adminDepartment',
  'adminSupervisor',
  'adminEmail',
] as const;

/** Every box of 附件四 in the form's order (the extension goes with the phone). */
export const VENDOR_FORM_ORDER: readonly string[] = [
  'park',
  'applicationCategory',
  'applicantKind',
  ...COMPANY,
  'adminEmployeeNo',
  'adminName',
  'adminPhone',
  'adminExtension',
  'adminDepartment',
  'adminSupervisor',
  'adminEmail',
];

/**
 * 000 附件四 (科學園區廠商共用性資訊服務系統管理者申請表) filled in, to print, stamp with the company's
 * seal and the responsible person's, and send to the service desk: always in Traditional Chinese
 * with ROC dates, like the printed 附件一.
 */
export function VendorApplicationSheet({ schema, values, number, applicationDate, headingLevel = 2 }: Props) {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-TW');
  const model = useMemo(() => describeSchema(schema).root, [schema]);
  const field = (name: string): FieldModel | null => model.fields.find((f) => f.name === name) ?? null;
  const label = (name: string) => field(name)?.label?.['zh-TW'] ?? name;
  const text = (name: string) => valueText(field(name), values[name], 'zh-TW');
  const agency = text('park') || zh('vendorApplication.sheet.agencyFallback');
  // Whatever else the form holds (a later version's boxes) is printed too, after the known ones.
  const known = new Set<string>(VENDOR_FORM_ORDER);
  const others = model.fields.filter((f) => !known.has(f.name));
  const Heading = headingLevel === 1 ? 'h1' : 'h2';

  return (
    <article className="print-form vendor-sheet" lang="zh-Hant-TW" aria-label={zh('vendorApplication.sheet.title')}>
      <p className="print-annex">{zh('vendorApplication.sheet.annex')}</p>
      <p className="vendor-sheet-agency">{agency}</p>
      <Heading className="vendor-sheet-title">{zh('vendorApplication.sheet.title')}</Heading>
      <p className="vendor-sheet-meta">
        <span>
          {zh('vendorApplication.sheet.number')}：<span className="request-number">{number}</span>
        </span>
        <span>
          {zh('vendorApplication.sheet.date')}：{rocDateLong(applicationDate)}
        </span>
      </p>
      <table>
        <tbody>
          <tr>
            <th scope="row">{label('park')}</th>
            <td>{text('park')}</td>
          </tr>
          <tr>
            <th scope="row">{label('applicationCategory')}</th>
            <td>{text('applicationCategory')}</td>
          </tr>
          <tr>
            <th scope="row">{label('applicantKind')}</th>
            <td>{text('applicantKind')}</td>
          </tr>
        </tbody>
      </table>

      <table className="vendor-sheet-block">
        <caption>{zh('vendorApplication.sheet.company')}</caption>
        <tbody>
          {COMPANY.map((name, i) => (
            <tr key={name}>
              <th scope="row">{label(name)}</th>
              <td>{text(name)}</td>
              {i === 0 && (
                <td rowSpan={COMPANY.length} className="seal-cell">
                  <div className="seal-box seal-box-company">{zh('vendorApplication.sheet.companySeal')}</div>
                  <div className="seal-box seal-box-person">{zh('vendorApplication.sheet.personSeal')}</div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>

      <table className="vendor-sheet-block">
        <caption>{zh('vendorApplication.sheet.admin')}</caption>
        <tbody>
          {ADMIN.map((name) => (
            <tr key={name}>
              <th scope="row">{label(name)}</th>
              <td colSpan={name === 'adminName' || name === 'adminSupervisor' ? 1 : 2}>
                {name === 'adminPhone' && text('adminExtension')
                  ? `${text('adminPhone')}\u3000${label('adminExtension')}：${text('adminExtension')}`
                  : text(name)}
              </td>
              {(name === 'adminName' || name === 'adminSupervisor') && (
                <td className="signature-box">{zh('vendorApplication.sheet.signature')}</td>
              )}
            </tr>
          ))}
          {others.map((f) => (
            <tr key={f.name}>
              <th scope="row">{label(f.name)}</th>
              <td colSpan={2}>{text(f.name)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <p className="vendor-sheet-notes-title">{zh('vendorApplication.sheet.notes')}</p>
      <ol className="vendor-sheet-notes">
        <li>{zh('vendorApplication.sheet.note1')}</li>
        <li>{zh('vendorApplication.sheet.note2')}</li>
        <li>{zh('vendorApplication.sheet.note3', { number })}</li>
      </ol>
    </article>
  );
}
