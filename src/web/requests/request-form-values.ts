import { RequestCreate } from '../../shared/api/request.schema.js';
import type { Me } from '../../shared/api/auth.schema.js';
import type { RequestChannel, RequestPriority, RequestType } from '../../shared/request-vocabulary.js';
import { addDays, isIsoDate } from '../lib/roc-date.js';

/** The 附件一 form as the inputs hold it (strings; '' for nothing chosen). */
export type RequestFormValues = {
  channel: RequestChannel;
  unitId: string;
  applicantUserId: string;
  applicantName: string;
  applicantPhone: string;
  applicationDate: string;
  wishedDate: string;
  type: RequestType;
  priority: RequestPriority;
  title: string;
  description: string;
};

export type RequestField = keyof RequestFormValues;

/** Why a field is not acceptable; the form words it in the current language. */
export type FieldIssue =
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'invalidDate' }
  | { code: 'invalidChoice' }
  | { code: 'wishedBeforeApplication' };

export type FormIssues = Partial<Record<RequestField, FieldIssue>>;

/** The order in which fields appear, to focus the first one at fault. */
export const FIELD_ORDER: readonly RequestField[] = [
  'channel',
  'unitId',
  'applicantUserId',
  'applicantName',
  'applicantPhone',
  'applicationDate',
  'wishedDate',
  'type',
  'priority',
  'title',
  'description',
];

/** A fresh form: the person files for themselves, today, as a general IT service request. */
export function initialValues(me: Me, today: string): RequestFormValues {
  return {
    channel: 'web',
    unitId: me.unitId ?? '',
    applicantUserId: me.id,
    applicantName: me.displayName,
    applicantPhone: me.phone ?? '',
    applicationDate: today,
    wishedDate: '',
    type: 'general',
    priority: 'normal',
    title: '',
    description: '',
  };
}

/** The API body for the form's values, with the type's own fields (`form`, issue 3) as the schema form made them. */
export function toCreateBody(values: RequestFormValues, form: Record<string, unknown> = {}): RequestCreate {
  return {
    type: values.type,
    priority: values.priority,
    channel: values.channel,
    unitId: values.unitId,
    applicantUserId: values.applicantUserId === '' ? null : values.applicantUserId,
    applicantName: values.applicantName.trim(),
    applicantPhone: values.applicantPhone.trim(),
    applicationDate: values.applicationDate,
    wishedDate: values.wishedDate,
    title: values.title.trim(),
    description: values.description.trim(),
    form,
  };
}

const isField = (key: unknown): key is RequestField =>
  typeof key === 'string' && (FIELD_ORDER as readonly string[]).includes(key);

/**
 * Checks the form against the shared RequestCreate schema, the same one the server applies, and
 * adds the one rule across fields: a request cannot be wished done before it is filed.
 */
export function validateRequest(values: RequestFormValues): FormIssues {
  const issues: FormIssues = {};
  const result = RequestCreate.safeParse(toCreateBody(values));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (!isField(field) || issues[field]) continue;
      issues[field] = toFieldIssue(field, values[field], issue);
    }
  }
  if (
    !issues.applicationDate &&
    !issues.wishedDate &&
    isIsoDate(values.applicationDate) &&
    isIsoDate(values.wishedDate) &&
    values.wishedDate < values.applicationDate
  ) {
    issues.wishedDate = { code: 'wishedBeforeApplication' };
  }
  return issues;
}

type ZodIssueLike = { code: string; maximum?: unknown };

function toFieldIssue(field: RequestField, raw: string, issue: ZodIssueLike): FieldIssue {
  if (raw.trim() === '') return { code: 'required' };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return { code: 'tooLong', max: issue.maximum };
  if (field === 'applicationDate' || field === 'wishedDate') return { code: 'invalidDate' };
  return { code: 'invalidChoice' };
}

/** Lead times the documents set, in days: 000 §2.3 (one month) and §2.5 (one week). */
export const LEAD_TIME_DAYS: Partial<Record<RequestType, number>> = { equipment: 30, relocation: 7 };

/** 附件一 (INT-6): hardware for contract staff is asked for three weeks ahead, whatever the type. */
export const CONTRACT_HARDWARE_DAYS = 21;

/**
 * Whether the wished date leaves less than the lead time after today (a warning; the server refuses
 * with `lead_time`): the type's own, or three weeks when the form says the hardware is for contract staff.
 */
export function leadTimeShort(
  type: RequestType,
  wishedDate: string,
  today: string,
  form: Record<string, unknown> = {},
): number | null {
  const days = Math.max(LEAD_TIME_DAYS[type] ?? 0, form.hardwareForContractStaff === true ? CONTRACT_HARDWARE_DAYS : 0);
  if (days === 0 || !isIsoDate(wishedDate)) return null;
  return wishedDate < addDays(today, days) ? days : null;
}

/** The channels a person may type in by hand; e-mail requests come from the mailbox (INT-1). */
export const MANUAL_CHANNELS: readonly RequestChannel[] = ['web', 'phone'];

/**
 * The channels this person may file a type through: those the type accepts (`filing.channels`)
 * that can be typed in here, and only the web form for staff who do not file on others' behalf.
 * Empty: the person cannot file the type (a security incident is recorded by the desk, by phone).
 */
export function channelsFor(accepted: readonly RequestChannel[], fileOnBehalf: boolean): RequestChannel[] {
  return MANUAL_CHANNELS.filter((c) => accepted.includes(c) && (fileOnBehalf || c === 'web'));
}

/** How a type is filed from this page: here, on the public application page, or not by this person. */
export type FilingRoute = 'here' | 'public' | 'desk_only';

export function filingRoute(
  filing: { channels: readonly RequestChannel[]; public: boolean },
  fileOnBehalf: boolean,
): FilingRoute {
  if (filing.public) return 'public';
  return channelsFor(filing.channels, fileOnBehalf).length > 0 ? 'here' : 'desk_only';
}
