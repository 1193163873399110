import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonSchema } from '../../shared/api/workflow.schema.js';
import { DateText, DateTimeText } from '../components/date-text.js';
import { useLabels } from '../i18n/labels.js';
import {
  describeSchema,
  isGiven,
  visibleFields,
  type FieldModel,
  type LocalText,
  type Values,
} from './schema-model.js';

type Language = keyof LocalText;

/** A choice's label in the language, or the value itself when the schema gives none. */
export function optionText(field: FieldModel, value: unknown, language: Language): string {
  const option = field.options.find((o) => o.value === value);
  return option?.label ? option.label[language] : String(value);
}

/**
 * A recorded value as plain text for its field: choices by their labels, yes/no, lists joined;
 * dates are left as they are (the caller shows them as ROC dates).
 */
export function valueText(field: FieldModel | null, value: unknown, language: Language): string {
  const yes = language === 'en' ? 'Yes' : '是';
  const no = language === 'en' ? 'No' : '否';
  const separator = language === 'en' ? ', ' : '、';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.map((v) => valueText(field?.item ?? field, v, language)).join(separator);
  if (field && (field.kind === 'choice' || field.kind === 'multiChoice')) return optionText(field, value, language);
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One recorded value, dates as ROC and ISO, texts keeping their lines. */
export function RecordedValue({ field, value }: { field: FieldModel | null; value: unknown }) {
  const labels = useLabels();
  if (typeof value === 'string' && (field?.kind === 'date' || (!field && ISO_DATE.test(value)))) {
    return ISO_DATE.test(value) ? <DateText value={value} /> : <>{value}</>;
  }
  if (typeof value === 'string' && (field?.kind === 'dateTime' || (!field && ISO_INSTANT.test(value)))) {
    return Number.isNaN(new Date(value).getTime()) ? <>{value}</> : <DateTimeText value={value} />;
  }
  return <span className="preserve-lines">{valueText(field, value, labels.language)}</span>;
}

/** A type's `form` values as a description list: each field given, by its label, in the schema's order. */
export function SchemaValueList({ schema, values }: { schema: JsonSchema; values: Values }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const model = useMemo(() => describeSchema(schema).root, [schema]);
  const fields = visibleFields(model, values).filter((f) => isGiven(values[f.name]));
  const known = new Set(model.fields.map((f) => f.name));
  // Values the schema does not describe (an older form) are shown too, by their names.
  const others = Object.entries(values).filter(([name, value]) => !known.has(name) && isGiven(value));
  if (fields.length === 0 && others.length === 0) return <p>{t('detail.formEmpty')}</p>;
  return (
    <dl className="field-list">
      {fields.map((field) => (
        <FieldRow key={field.name} label={field.label ? labels.localised(field.label) : field.name}>
          {field.kind === 'object' && field.object ? (
            <ObjectValue field={field} value={values[field.name]} />
          ) : (
            <RecordedValue field={field} value={values[field.name]} />
          )}
        </FieldRow>
      ))}
      {others.map(([name, value]) => (
        <FieldRow key={name} label={name}>
          <RecordedValue field={null} value={value} />
        </FieldRow>
      ))}
    </dl>
  );
}

function FieldRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function ObjectValue({ field, value }: { field: FieldModel; value: unknown }) {
  const labels = useLabels();
  const inner = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Values) : {};
  if (!field.object) return null;
  const fields = visibleFields(field.object, inner).filter((f) => isGiven(inner[f.name]));
  return (
    <dl className="field-list">
      {fields.map((f) => (
        <FieldRow key={f.name} label={f.label ? labels.localised(f.label) : f.name}>
          <RecordedValue field={f} value={inner[f.name]} />
        </FieldRow>
      ))}
    </dl>
  );
}
