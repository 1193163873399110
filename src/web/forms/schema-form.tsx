import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonSchema } from '../../shared/api/workflow.schema.js';
import { useLabels } from '../i18n/labels.js';
import { isIsoDate, rocDateLong } from '../lib/roc-date.js';
import { fromLocalInput, toLocalInput } from './date-time.js';
import {
  charCount,
  describeSchema,
  requiredNames,
  visibleFields,
  type FieldIssue,
  type FieldModel,
  type ObjectModel,
  type Values,
} from './schema-model.js';

export type SchemaFormProps = {
  /** An object schema: a type's `form` or an action's `fields`. */
  schema: JsonSchema;
  value: Values;
  onChange: (value: Values) => void;
  /**
   * Messages by dotted field path, as the server names them (`form.companyName`, `fields.opinion`,
   * `form.assetNumbers.0`) or without the prefix (the page's own checks, see useSchemaIssueMessages).
   */
  errors?: Readonly<Record<string, string>> | undefined;
  /** The source the server's paths start with, stripped to find the field: `form` or `fields`. */
  prefix?: string | undefined;
  /** Start of the inputs' ids, so an error summary can link to them (schemaFieldId). */
  idPrefix?: string | undefined;
  disabled?: boolean | undefined;
};

/** The id of a field's input, e.g. for a link from an error summary. */
export function schemaFieldId(idPrefix: string, path: string): string {
  return `${idPrefix}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Enums of up to this many values are radio buttons (all choices visible); longer ones a select. */
const MAX_RADIOS = 5;

type Ctx = {
  errorFor: (path: string) => string | undefined;
  idFor: (path: string) => string;
  disabled: boolean;
};

/**
 * A JSON Schema object rendered as accessible Mantine fields (issue 3): texts, dates and times,
 * numbers, yes/no, choices (radio buttons or a select), lists, nested groups. Labels and help come
 * from `x-label` and `x-help`; a field a conditional (`if`/`then`) requires appears, marked
 * required, once its condition holds. Values go in and out as a plain object; send
 * `toSubmission(describeSchema(schema).root, value)`.
 */
export function SchemaForm({
  schema,
  value,
  onChange,
  errors = {},
  prefix,
  idPrefix,
  disabled = false,
}: SchemaFormProps) {
  const model = useMemo(() => describeSchema(schema), [schema]);
  const generated = useId();
  const base = idPrefix ?? `schema${generated.replace(/[^A-Za-z0-9]/g, '')}`;
  const ctx: Ctx = {
    errorFor: (path) => (prefix ? errors[`${prefix}.${path}`] : undefined) ?? errors[path],
    idFor: (path) => schemaFieldId(base, path),
    disabled,
  };
  return <ObjectFields model={model.root} values={value} onChange={onChange} ctx={ctx} />;
}

function ObjectFields({
  model,
  values,
  onChange,
  ctx,
}: {
  model: ObjectModel;
  values: Values;
  onChange: (values: Values) => void;
  ctx: Ctx;
}) {
  const required = requiredNames(model, values);
  const fields = visibleFields(model, values);
  return (
    <Stack gap="md">
      {fields.map((field) => (
        <Field
          key={field.path}
          field={field}
          value={values[field.name]}
          required={required.has(field.name)}
          onChange={(next) => onChange({ ...values, [field.name]: next })}
          ctx={ctx}
        />
      ))}
    </Stack>
  );
}

type FieldProps = {
  field: FieldModel;
  value: unknown;
  required: boolean;
  onChange: (value: unknown) => void;
  ctx: Ctx;
};

function Field(props: FieldProps) {
  switch (props.field.kind) {
    case 'object':
      return <GroupField {...props} />;
    case 'boolean':
      return props.field.widget === 'radio' ? <YesNoField {...props} /> : <CheckboxField {...props} />;
    case 'choice':
      return <ChoiceField {...props} />;
    case 'multiChoice':
      return <MultiChoiceField {...props} />;
    case 'textList':
      return <TextListField {...props} />;
    case 'number':
      return <NumberField {...props} />;
    default:
      return <TextField {...props} />;
  }
}

/** The field's label and help in the current language (the property's name when it has no label). */
function useFieldText(field: FieldModel) {
  const labels = useLabels();
  return {
    label: field.label ? labels.localised(field.label) : field.name,
    help: field.help ? labels.localised(field.help) : null,
  };
}

/** Help, then what else the reader should know (a limit, the ROC date), on separate lines. */
function describe(...parts: Array<ReactNode | null | undefined | false>): ReactNode {
  const shown = parts.filter((p): p is ReactNode => p !== null && p !== undefined && p !== false && p !== '');
  if (shown.length === 0) return undefined;
  return shown.map((p, i) => (
    <span key={i} style={{ display: 'block' }}>
      {p}
    </span>
  ));
}

const asText = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

function TextField({ field, value, required, onChange, ctx }: FieldProps) {
  const { t } = useTranslation();
  const { label, help } = useFieldText(field);
  const text = asText(value);
  const counter =
    field.maxLength !== null ? t('schemaForm.count', { count: charCount(text), max: field.maxLength }) : null;
  const common = {
    id: ctx.idFor(field.path),
    label,
    required,
    error: ctx.errorFor(field.path),
    disabled: ctx.disabled,
    maxLength: field.maxLength ?? undefined,
  };
  switch (field.kind) {
    case 'textarea':
      return (
        <Textarea
          {...common}
          description={describe(help, counter)}
          autosize
          minRows={3}
          maxRows={12}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          description={describe(help, isIsoDate(text) ? rocDateLong(text) : null)}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'dateTime':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          description={describe(help, t('schemaForm.taipeiTime'))}
          value={toLocalInput(text)}
          onChange={(e) => onChange(fromLocalInput(e.currentTarget.value))}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={field.kind === 'email' ? 'email' : field.kind === 'url' ? 'url' : 'text'}
          inputMode={field.kind === 'ip' ? 'url' : undefined}
          autoComplete={field.kind === 'email' ? 'email' : undefined}
          spellCheck={field.kind === 'email' || field.kind === 'url' || field.kind === 'ip' ? false : undefined}
          description={describe(help, counter)}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

function NumberField({ field, value, required, onChange, ctx }: FieldProps) {
  const { t } = useTranslation();
  const { label, help } = useFieldText(field);
  const range =
    field.exclusiveMinimum !== null
      ? t('schemaForm.above', { min: field.exclusiveMinimum })
      : field.minimum !== null && field.maximum !== null
        ? t('schemaForm.between', { min: field.minimum, max: field.maximum })
        : field.minimum !== null
          ? t('schemaForm.atLeast', { min: field.minimum })
          : field.maximum !== null
            ? t('schemaForm.atMost', { max: field.maximum })
            : null;
  return (
    <NumberInput
      id={ctx.idFor(field.path)}
      label={label}
      description={describe(help, range, field.integer ? t('schemaForm.wholeNumber') : null)}
      required={required}
      error={ctx.errorFor(field.path)}
      disabled={ctx.disabled}
      allowDecimal={!field.integer}
      min={field.minimum ?? undefined}
      max={field.maximum ?? undefined}
      value={typeof value === 'number' || typeof value === 'string' ? value : ''}
      // Mantine gives a string while the number is unfinished ("1."): kept, and flagged if sent so.
      onChange={(v) => onChange(v === '' ? undefined : v)}
      maw="20rem"
    />
  );
}

/** A single box to tick. Mantine's Checkbox does not link its help and error to the input: done here. */
function CheckboxField({ field, value, required, onChange, ctx }: FieldProps) {
  const { label, help } = useFieldText(field);
  const id = ctx.idFor(field.path);
  const error = ctx.errorFor(field.path);
  const described = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div>
      <Checkbox
        id={id}
        label={
          field.mustBeTrue || required ? (
            <>
              {label}
              <span aria-hidden="true" style={{ color: 'var(--mantine-color-error)' }}>
                {' '}
                *
              </span>
            </>
          ) : (
            label
          )
        }
        checked={value === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
        disabled={ctx.disabled}
        required={field.mustBeTrue}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        error={Boolean(error)}
      />
      {help && (
        <Text id={`${id}-help`} size="sm" c="dimmed" ml={32} mt={2}>
          {help}
        </Text>
      )}
      {error && (
        <Text id={`${id}-error`} size="sm" c="var(--mantine-color-error)" ml={32} mt={2}>
          {error}
        </Text>
      )}
    </div>
  );
}

/** A yes/no question as two radio buttons (`x-widget: "radio"`): no answer until one is chosen. */
function YesNoField({ field, value, required, onChange, ctx }: FieldProps) {
  const { t } = useTranslation();
  const { label, help } = useFieldText(field);
  return (
    <Radio.Group
      id={`${ctx.idFor(field.path)}-group`}
      label={label}
      description={help}
      withAsterisk={required}
      error={ctx.errorFor(field.path)}
      value={value === true ? 'true' : value === false ? 'false' : null}
      onChange={(v) => onChange(v === 'true')}
    >
      <Group gap="lg" mt={6}>
        <Radio id={ctx.idFor(field.path)} value="true" label={t('common.yes')} disabled={ctx.disabled} />
        <Radio value="false" label={t('common.no')} disabled={ctx.disabled} />
      </Group>
    </Radio.Group>
  );
}

function ChoiceField({ field, value, required, onChange, ctx }: FieldProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { label, help } = useFieldText(field);
  const options = field.options.map((o) => ({
    value: String(o.value),
    label: o.label ? labels.localised(o.label) : String(o.value),
  }));
  const current = value === undefined || value === null ? '' : String(value);
  const choose = (chosen: string) => onChange(field.options.find((o) => String(o.value) === chosen)?.value);
  const radios = field.widget === 'radio' || (field.widget !== 'select' && options.length <= MAX_RADIOS);
  if (radios) {
    return (
      <Radio.Group
        id={`${ctx.idFor(field.path)}-group`}
        label={label}
        description={help}
        withAsterisk={required}
        error={ctx.errorFor(field.path)}
        value={current === '' ? null : current}
        onChange={choose}
      >
        <Stack gap={8} mt={6}>
          {options.map((o, i) => (
            <Radio
              key={o.value}
              id={i === 0 ? ctx.idFor(field.path) : undefined}
              value={o.value}
              label={o.label}
              disabled={ctx.disabled}
            />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  return (
    <NativeSelect
      id={ctx.idFor(field.path)}
      label={label}
      description={help}
      required={required}
      error={ctx.errorFor(field.path)}
      disabled={ctx.disabled}
      value={current}
      onChange={(e) => choose(e.currentTarget.value)}
      data={[{ value: '', label: t('schemaForm.choose') }, ...options]}
    />
  );
}

function MultiChoiceField({ field, value, required, onChange, ctx }: FieldProps) {
  const labels = useLabels();
  const { label, help } = useFieldText(field);
  const chosen = (Array.isArray(value) ? value : []).map(String);
  return (
    <Checkbox.Group
      id={`${ctx.idFor(field.path)}-group`}
      label={label}
      description={help}
      withAsterisk={required}
      error={ctx.errorFor(field.path)}
      value={chosen}
      // Back to the enum's own values (numbers stay numbers), in the enum's order.
      onChange={(next) => onChange(field.options.filter((o) => next.includes(String(o.value))).map((o) => o.value))}
    >
      <Stack gap={8} mt={6}>
        {field.options.map((o, i) => (
          <Checkbox
            key={String(o.value)}
            id={i === 0 ? ctx.idFor(field.path) : undefined}
            value={String(o.value)}
            label={o.label ? labels.localised(o.label) : String(o.value)}
            disabled={ctx.disabled}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** A list of short texts (財產編號 …), one input per item, added and removed one by one. */
function TextListField({ field, value, required, onChange, ctx }: FieldProps) {
  const { t } = useTranslation();
  const { label, help } = useFieldText(field);
  const id = ctx.idFor(field.path);
  const error = ctx.errorFor(field.path);
  const items = Array.isArray(value) && value.length > 0 ? value.map(asText) : [''];
  const set = (next: string[]) => onChange(next);
  const max = field.maxItems ?? 200;
  const itemMax = field.item?.maxLength ?? undefined;
  return (
    <fieldset className="form-fieldset" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {label}
        {required && (
          <span aria-hidden="true" style={{ color: 'var(--mantine-color-error)' }}>
            {' '}
            *
          </span>
        )}
      </legend>
      {help && (
        <Text size="sm" c="dimmed" mb="xs">
          {help}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((item, i) => (
          <Group key={i} gap="sm" align="flex-end" wrap="nowrap">
            <TextInput
              id={ctx.idFor(`${field.path}.${i}`)}
              label={t('schemaForm.item', { label, n: i + 1 })}
              required={required && i === 0}
              value={item}
              maxLength={itemMax}
              error={ctx.errorFor(`${field.path}.${i}`)}
              disabled={ctx.disabled}
              onChange={(e) => set(items.map((v, j) => (j === i ? e.currentTarget.value : v)))}
              style={{ flex: 1, minWidth: 0 }}
            />
            {items.length > 1 && (
              <Button
                variant="outline"
                color="red.9"
                disabled={ctx.disabled}
                onClick={() => set(items.filter((_, j) => j !== i))}
                aria-label={t('schemaForm.removeItemLabel', { label, n: i + 1 })}
              >
                {t('schemaForm.removeItem')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <Button
        variant="default"
        mt="sm"
        disabled={ctx.disabled || items.length >= max}
        onClick={() => set([...items, ''])}
      >
        {t('schemaForm.addItem', { label })}
      </Button>
      {error && (
        <Text id={`${id}-error`} c="var(--mantine-color-error)" size="sm" mt="xs">
          {error}
        </Text>
      )}
    </fieldset>
  );
}

/** A nested object: its fields in a fieldset named by its label. */
function GroupField({ field, value, onChange, ctx }: FieldProps) {
  const { label, help } = useFieldText(field);
  const error = ctx.errorFor(field.path);
  const id = ctx.idFor(field.path);
  if (!field.object) return null;
  const values = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Values) : {};
  return (
    <fieldset className="form-fieldset" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      {help && (
        <Text size="sm" c="dimmed" mb="xs">
          {help}
        </Text>
      )}
      <ObjectFields model={field.object} values={values} onChange={onChange} ctx={ctx} />
      {error && (
        <Text id={`${id}-error`} c="var(--mantine-color-error)" size="sm" mt="xs">
          {error}
        </Text>
      )}
    </fieldset>
  );
}

/** Turns the browser's own findings (validateValues) into messages by path, for the `errors` prop and a summary. */
export function useSchemaIssueMessages(): (issues: readonly FieldIssue[]) => Record<string, string> {
  const { t } = useTranslation();
  const labels = useLabels();
  return (issues) => {
    const messages: Record<string, string> = {};
    for (const issue of issues) {
      const field = issue.field.label ? labels.localised(issue.field.label) : issue.field.name;
      const params = { field, limit: issue.limit ?? 0 };
      const chooses =
        issue.field.kind === 'choice' || issue.field.kind === 'multiChoice' || issue.field.widget === 'radio';
      const message =
        issue.code === 'required' && chooses
          ? t('schemaForm.issues.choose', params)
          : t(`schemaForm.issues.${issue.code}`, params);
      messages[issue.path] ??= message;
    }
    return messages;
  };
}
