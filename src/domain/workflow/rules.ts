import { z } from 'zod';
import { ROLE_LABELS, type Role } from '../../shared/roles.js';
import { applicationProblems, devicesNeedingNumbers, reviewProblems } from '../../shared/data-centre.js';
import { readPath, type EvalContext } from './conditions.js';
import { FieldPath, LocalizedText, type IncidentGrade, type RuleRef } from './definition.schema.js';
import { text, type ActorFacts } from './facts.js';

/**
 * The named rules a definition may attach to a transition or to the filing, implemented here and
 * referred to by name in the JSON (`{"rule": "leadTime", "months": 1}`), each with a zod schema
 * of its parameters so that a definition naming an unknown rule or bad parameters fails to load.
 */

export type RuleContext = {
  now: string;
  today: string;
  actor: ActorFacts | null;
  isWorkingDay?: ((date: string) => boolean) | undefined;
};

const weekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d >= 1 && d <= 5;
};

/** The `n`th working day after `today` (today itself not counted). */
export function workingDaysAfter(today: string, n: number, isWorkingDay: (date: string) => boolean = weekday): string {
  let date = today;
  for (let counted = 0; counted < n;) {
    date = addLead(date, 0, 1);
    if (isWorkingDay(date)) counted++;
  }
  return date;
}

/** A broken rule: the field at fault, a stable reason code, the message in both languages. */
export type RuleFailure = { field: string; code: string; message: LocalizedText };

type Rule<S extends z.ZodType> = {
  params: S;
  /** One line for administrators (README, catalogue). */
  summary: string;
  check: (params: z.infer<S>, facts: EvalContext, ctx: RuleContext) => RuleFailure[];
};

const rule = <S extends z.ZodType>(r: Rule<S>): Rule<S> => r;

/** `request.wishedDate` → `wishedDate`: the name the API and the form know the field by. */
export const fieldName = (path: string): string => path.split('.').slice(1).join('.');

/** `today` plus whole months (the 31st a month on is the month's last day) plus days. */
export function addLead(today: string, months: number, days: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const monthEnd = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(y, m - 1 + months, Math.min(d, monthEnd) + days));
  return date.toISOString().slice(0, 10);
}

const SIGNOFF_ROLES = ['section_chief', 'division_deputy', 'division_head'] as const;

/** 000 §2.2.3: the six points a change request is reviewed on. */
const REVIEW_POINT_LABELS: Record<string, LocalizedText> = {
  descriptionClear: text('需求描述是否明確', 'the description is clear'),
  environmentAllows: text('作業環境是否允許', 'the environment allows it'),
  businessMature: text('業務作業是否成熟', 'the business process is mature'),
  technicallyFeasible: text('目前技術是否可行', 'it is technically feasible'),
  manpowerSufficient: text('現有人力是否足夠', 'there is enough manpower'),
  coordinationNeeded: text('與相關作業是否有需協調配合工作', 'coordination with related work is needed'),
};

/** 000 §2.2.11–2.2.12: the documents checked at acceptance. */
const DOCUMENT_LABELS: Record<string, LocalizedText> = {
  requirementsAnalysis: text('需求分析文件', 'requirements analysis'),
  specification: text('系統規格設計文件', 'system specification'),
  testReport: text('單元測試及整合測試報告', 'unit and integration test report'),
  acceptanceReport: text('驗收報告', 'acceptance report'),
  operationsManual: text('操作手冊', 'operations manual'),
  userManual: text('使用手冊', 'user manual'),
  trainingRecord: text('宣導教育訓練紀錄', 'training record'),
};

/** 附件三's A–D and today's levels 1–4 (資通安全事件通報應變及演練辦法): A is the gravest, level 4 too. */
export const LEVEL_OF_GRADE: Record<IncidentGrade, number> = { A: 4, B: 3, C: 2, D: 1 };
export const GRADE_OF_LEVEL: Record<number, IncidentGrade> = { 4: 'A', 3: 'B', 2: 'C', 1: 'D' };

/** The grade of an incident record holding `grade` (A–D), `level` (1–4) or both. */
export function incidentGradeOf(record: unknown): { grade: IncidentGrade | null; level: number | null } {
  const r = typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {};
  const grade = typeof r.grade === 'string' && r.grade in LEVEL_OF_GRADE ? (r.grade as IncidentGrade) : null;
  const level = typeof r.level === 'number' && r.level in GRADE_OF_LEVEL ? r.level : null;
  return {
    grade: grade ?? (level !== null ? (GRADE_OF_LEVEL[level] ?? null) : null),
    level: level ?? (grade !== null ? LEVEL_OF_GRADE[grade] : null),
  };
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export const RULES = {
  leadTime: rule({
    summary:
      "A date (the wished date by default) lies at least `months`/`days`/`workingDays` after today (TYPE-3, TYPE-5, INT-6; 10 working days for a connected agency's rule change).",
    params: z
      .strictObject({
        months: z.number().int().min(0).optional(),
        days: z.number().int().min(0).optional(),
        workingDays: z.number().int().min(1).max(250).optional(),
        field: FieldPath.optional(),
        label: LocalizedText,
      })
      .refine((p) => (p.months ?? 0) + (p.days ?? 0) + (p.workingDays ?? 0) > 0, 'give months, days or workingDays')
      .refine((p) => !p.workingDays || (!p.months && !p.days), 'give workingDays alone'),
    check(p, facts, ctx) {
      const path = p.field ?? 'request.wishedDate';
      const value = readPath(facts, path);
      const earliest = p.workingDays
        ? workingDaysAfter(ctx.today, p.workingDays, ctx.isWorkingDay)
        : addLead(ctx.today, p.months ?? 0, p.days ?? 0);
      if (typeof value === 'string' && value >= earliest) return [];
      return [
        {
          field: fieldName(path),
          code: 'lead_time',
          message: text(
            `須於${p.label['zh-TW']}前提出申請：希望完成日期最早為 ${earliest}`,
            `File ${p.label.en} ahead: the wished date can be ${earliest} at the earliest`,
          ),
        },
      ];
    },
  }),

  signoffsComplete: rule({
    summary: "附件一's sign-offs by the requester's 科長, 組室副主管 and 組室主管 are recorded (INT-6).",
    params: z.strictObject({
      roles: z.array(z.enum(SIGNOFF_ROLES)).min(1),
      path: FieldPath.optional(),
    }),
    check(p, facts) {
      const path = p.path ?? 'data.signoffs';
      const signoffs = asRecord(readPath(facts, path));
      // A unit without such a supervisor (no section, say) has nobody to sign that box.
      return p.roles
        .filter((role) => facts.request.unitRoles.includes(role) && signoffs[role] === undefined)
        .map((role: Role) => ({
          field: `${fieldName(path)}.${role}`,
          code: 'signoff_missing',
          message: text(
            `附件一尚缺${ROLE_LABELS[role]['zh-TW']}簽章，服務台不能收件`,
            `The ${ROLE_LABELS[role].en.toLowerCase()}'s sign-off of 附件一 is missing; the desk cannot receive the request`,
          ),
        }));
    },
  }),

  reviewPointsAnswered: rule({
    summary: 'Every review point (000 §2.2.3: six) is answered yes or no in the recorded review.',
    params: z.strictObject({ path: FieldPath, points: z.array(z.string().min(1)).min(1) }),
    check(p, facts) {
      const review = asRecord(readPath(facts, p.path));
      return p.points
        .filter((point) => typeof review[point] !== 'boolean')
        .map((point) => {
          const label = REVIEW_POINT_LABELS[point] ?? text(point, point);
          return {
            field: `${fieldName(p.path)}.${point}`,
            code: 'review_point_unanswered',
            message: text(`審查要點「${label['zh-TW']}」尚未審查`, `Review point "${label.en}" is not answered`),
          };
        });
    },
  }),

  dataOwnerConsent: rule({
    summary: "When the request touches another unit's data, that unit's consent is recorded and given (000 §2.2.6).",
    params: z.strictObject({ flag: FieldPath, consent: FieldPath }),
    check(p, facts) {
      if (readPath(facts, p.flag) !== true) return [];
      const consent = readPath(facts, p.consent);
      if (consent === true) return [];
      return [
        consent === false
          ? {
              field: fieldName(p.consent),
              code: 'data_owner_refused',
              message: text(
                '資料原屬單位不同意提供資料，不能核准',
                'The unit that owns the data did not consent; the request cannot be approved',
              ),
            }
          : {
              field: fieldName(p.consent),
              code: 'data_owner_consent_missing',
              message: text(
                '申請含非申請單位之資料，須先徵詢資料原屬單位提供資料之意願',
                "The request involves another unit's data: ask that unit for its consent first",
              ),
            },
      ];
    },
  }),

  incidentGrading: rule({
    summary: "An incident has a grade (附件三 A–D) or a level (today's 1–4), and the two agree when both are given.",
    params: z.strictObject({ path: FieldPath }),
    check(p, facts) {
      const record = asRecord(readPath(facts, p.path));
      const field = fieldName(p.path);
      if (record.grade === undefined && record.level === undefined) {
        return [
          {
            field: `${field}.grade`,
            code: 'grade_missing',
            message: text('請判定影響等級（A／B／C／D 級或第 1～4 級）', 'Give the grade (A/B/C/D) or the level (1–4)'),
          },
        ];
      }
      if (record.grade !== undefined && record.level !== undefined) {
        const expected = LEVEL_OF_GRADE[record.grade as IncidentGrade];
        if (expected !== record.level) {
          return [
            {
              field: `${field}.level`,
              code: 'grade_level_mismatch',
              message: text(
                `『${String(record.grade)}』級事件對應第 ${String(expected)} 級，與所填第 ${String(record.level)} 級不符`,
                `Grade ${String(record.grade)} corresponds to level ${String(expected)}, not ${String(record.level)}`,
              ),
            },
          ];
        }
      }
      return [];
    },
  }),

  stampedOriginalReceived: rule({
    summary: "The desk recorded receipt of 附件四's original, stamped with the company's seals (TYPE-7).",
    params: z.strictObject({ path: FieldPath }),
    check(p, facts) {
      const receipt = asRecord(readPath(facts, p.path));
      const field = fieldName(p.path);
      if (typeof receipt.receivedOn !== 'string') {
        return [
          {
            field: `${field}.receivedOn`,
            code: 'original_not_received',
            message: text(
              '尚未收到加蓋公司大小章之申請表正本',
              'The stamped original of the application has not been received',
            ),
          },
        ];
      }
      if (receipt.companySeal !== true || receipt.responsiblePersonSeal !== true) {
        return [
          {
            field: `${field}.${receipt.companySeal !== true ? 'companySeal' : 'responsiblePersonSeal'}`,
            code: 'seal_missing',
            message: text(
              '申請表正本未加蓋公司大小章',
              "The original does not bear both the company's and the responsible person's seals",
            ),
          },
        ];
      }
      return [];
    },
  }),

  documentsChecked: rule({
    summary: 'Every listed document is checked as present and complete (000 §2.2.12).',
    params: z.strictObject({ path: FieldPath, documents: z.array(z.string().min(1)).min(1) }),
    check(p, facts) {
      const checked = asRecord(readPath(facts, p.path));
      return p.documents
        .filter((doc) => checked[doc] !== true)
        .map((doc) => {
          const label = DOCUMENT_LABELS[doc] ?? text(doc, doc);
          return {
            field: `${fieldName(p.path)}.${doc}`,
            code: 'document_missing',
            message: text(
              `開發文件不完整：缺少${label['zh-TW']}`,
              `The documentation is incomplete: ${label.en} is missing`,
            ),
          };
        });
    },
  }),

  attachmentRequired: rule({
    summary: 'The request carries at least `min` attached files (000 §2.4.2: the content as an electronic file).',
    params: z.strictObject({ min: z.number().int().min(1) }),
    check(p, facts) {
      if (facts.request.attachmentCount >= p.min) return [];
      return [
        {
          field: 'attachments',
          code: 'attachment_missing',
          message: text(
            `請附上電子檔（至少 ${p.min} 個）`,
            `Attach the material as electronic file(s) (at least ${p.min})`,
          ),
        },
      ];
    },
  }),

  dateOnOrBefore: rule({
    summary: 'A date is not later than another (000 §2.4.6: finished before the wished date).',
    params: z.strictObject({ field: FieldPath, limit: FieldPath, label: LocalizedText }),
    check(p, facts) {
      const value = readPath(facts, p.field);
      const limit = readPath(facts, p.limit);
      if (typeof value !== 'string' || typeof limit !== 'string' || value <= limit) return [];
      return [
        {
          field: fieldName(p.field),
          code: 'date_after_limit',
          message: text(
            `不得晚於${p.label['zh-TW']}（${limit}）`,
            `must not be later than the ${p.label.en} (${limit})`,
          ),
        },
      ];
    },
  }),

  instantNotInFuture: rule({
    summary: 'Recorded times (when reported, repaired …) are not in the future (five minutes of clock skew allowed).',
    params: z.strictObject({ fields: z.array(FieldPath).min(1) }),
    check(p, facts, ctx) {
      const limit = Date.parse(ctx.now) + 5 * 60_000;
      return p.fields
        .filter((path) => {
          const v = readPath(facts, path);
          return typeof v === 'string' && Date.parse(v) > limit;
        })
        .map((path) => ({
          field: fieldName(path),
          code: 'instant_in_future',
          message: text('時間不得晚於現在', 'The time cannot be in the future'),
        }));
    },
  }),

  dcApplicationComplete: rule({
    summary:
      "A data-centre application is complete (001, DC-1/DC-2): each device's required tests dated within one month before the planned move with no finding of medium or higher; with `documents`, every required file uploaded.",
    params: z.strictObject({ documents: z.boolean() }),
    check(p, facts) {
      const planned = facts.request.wishedDate ?? facts.request.applicationDate ?? '';
      const files = p.documents ? (facts.request.documents ?? []) : null;
      return applicationProblems(facts.form, planned, files).map((problem) => ({
        field: problem.field === 'attachments' ? 'attachments' : problem.field,
        code: problem.code,
        message: problem.message,
      }));
    },
  }),

  dcReviewsReady: rule({
    summary:
      'Every reviewer of a data-centre application agreed (001 三) and the data-centre administrator gave each incoming device its asset number.',
    params: z.strictObject({ path: FieldPath, numbering: FieldPath.optional() }),
    check(p, facts) {
      const review = asRecord(readPath(facts, p.path));
      const numbering = p.numbering ? readPath(facts, p.numbering) : undefined;
      return reviewProblems(review, devicesNeedingNumbers(facts.form), numbering).map((problem) => ({
        field: `${fieldName(p.path)}.${problem.field}`,
        code: problem.code,
        message: problem.message,
      }));
    },
  }),
} as const;

export type RuleName = keyof typeof RULES;
export const RULE_NAMES = Object.keys(RULES) as RuleName[];

function paramsOf(ref: RuleRef): Record<string, unknown> {
  const { rule: _rule, when: _when, ...params } = ref;
  return params;
}

/** Why a rule reference is not usable (unknown rule, bad parameters), or null. */
export function checkRuleRef(ref: RuleRef): string | null {
  if (!Object.prototype.hasOwnProperty.call(RULES, ref.rule)) {
    return `unknown rule "${ref.rule}" (known: ${RULE_NAMES.join(', ')})`;
  }
  const parsed = RULES[ref.rule as RuleName].params.safeParse(paramsOf(ref));
  if (parsed.success) return null;
  const detail = parsed.error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return `bad parameters for rule "${ref.rule}": ${detail}`;
}

/** Runs one rule reference (already checked on load). */
export function runRule(ref: RuleRef, facts: EvalContext, ctx: RuleContext): RuleFailure[] {
  const impl = RULES[ref.rule as RuleName] as Rule<z.ZodType>;
  return impl.check(impl.params.parse(paramsOf(ref)), facts, ctx);
}
