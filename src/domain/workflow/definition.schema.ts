import { z } from 'zod';
import { NOTICE_KINDS } from '../../shared/notice-kinds.js';
import { REQUEST_CHANNELS, REQUEST_STATUSES, REQUEST_TYPES } from '../../shared/request-vocabulary.js';
import { ROLES } from '../../shared/roles.js';
import { CLOCK_TARGETS } from '../sla/sla-policies.js';

/**
 * The format of a request-type workflow definition (issue 3): one declarative, versioned JSON
 * document per procedure of 000 ch. 2, interpreted by one engine (engine.ts). This file is the
 * schema; validate.ts adds the checks a schema cannot express (targets exist, every state is
 * reachable, JSON Schemas compile …). resources/workflows/README.md documents it for administrators.
 */

export const LocalizedText = z.strictObject({ 'zh-TW': z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** State and action names: lower-case snake case, unique across the whole definition. */
export const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case (a–z, 0–9, _)');

/** A numbered step of 000 ch. 2 or ch. 3 (`2.1.4`, `3.13`) that a state or action carries out. */
export const StepRef = z.string().regex(/^(2\.[1-7]\.\d{1,2}|3\.\d{1,2})$/, 'must name a step of 000 ch. 2 or 3');

/**
 * Where a condition or rule reads a value: the action's `fields`, the request's `form`, the data
 * collected so far (`data`, including what the current action records), or `request` facts.
 */
export const FIELD_SOURCES = ['fields', 'form', 'data', 'request'] as const;

/** Path segments that would reach into JavaScript's object machinery. */
const FORBIDDEN_SEGMENTS = ['__proto__', 'prototype', 'constructor'];
const safeSegments = (path: string) => !path.split(/[.[\]]/).some((part) => FORBIDDEN_SEGMENTS.includes(part));
const SAFE = { message: 'must not use __proto__, prototype or constructor' };

export const FieldPath = z
  .string()
  .regex(
    /^(fields|form|data|request)(\.[A-Za-z_][A-Za-z0-9_]*)+$/,
    'must be a path starting with fields., form., data. or request.',
  )
  .refine(safeSegments, SAFE);

/** Request facts a path may name (`request.unitRoles`, `request.wishedDate` …). */
export const REQUEST_FACT_KEYS = [
  'type',
  'channel',
  'unitId',
  'unitRoles',
  'createdBy',
  'applicantUserId',
  'assigneeId',
  'stageAssigneeId',
  'createdAt',
  'applicationDate',
  'wishedDate',
  'attachmentCount',
] as const;

const JsonValue: z.ZodType<unknown> = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A test on one value; exactly one operator. */
const Comparison = z
  .strictObject({
    field: FieldPath,
    equals: JsonValue.optional(),
    notEquals: JsonValue.optional(),
    in: z.array(JsonValue).min(1).optional(),
    contains: JsonValue.optional(),
    exists: z.boolean().optional(),
  })
  .refine(
    (c) => ['equals', 'notEquals', 'in', 'contains', 'exists'].filter((k) => k in c).length === 1,
    'a comparison needs exactly one of equals, notEquals, in, contains, exists',
  );

export type Condition = z.infer<typeof Comparison> | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    Comparison,
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

/** A named rule (rules.ts) with its parameters; `when` limits it to some cases. */
export const RuleRef = z.looseObject({ rule: z.string().min(1), when: Condition.optional() });
export type RuleRef = z.infer<typeof RuleRef>;

/** Relational actors: who filed or applies for the request, its assignee, the stage's assignee. */
export const ACTOR_RELATIONS = ['requester', 'assignee', 'stage_assignee'] as const;
export type ActorRelation = (typeof ACTOR_RELATIONS)[number];

/**
 * Where an org role must be held: anywhere (`any`); for the request's unit or a unit above it
 * (`request_unit`); for the unit that serves the request, the IT section, or above it
 * (`service_unit`); for the business unit that checks vendor applications, 工商外貿科, or above it
 * (`business_unit`). The server supplies the three unit paths as facts.
 */
export const ACTOR_SCOPES = ['any', 'request_unit', 'service_unit', 'business_unit'] as const;
export type ActorScope = (typeof ACTOR_SCOPES)[number];

const known = (what: string, list: readonly string[]) => (issue: { input?: unknown }) =>
  `unknown ${what} ${JSON.stringify(issue.input)} (known: ${list.join(', ')})`;

/** An org role of src/shared/roles.ts. */
export const RoleName = z.enum(ROLES, { error: known('role', ROLES) });
export const StatusName = z.enum(REQUEST_STATUSES, { error: known('status', REQUEST_STATUSES) });

export const RoleSpec = z.strictObject({ role: RoleName, scope: z.enum(ACTOR_SCOPES).optional() });
export const ActorSpec = z.union([z.enum(ACTOR_RELATIONS), RoleSpec]);
export type ActorSpec = z.infer<typeof ActorSpec>;

/** Every clock key the SLA policies know (src/domain/sla/sla-policies.ts). */
export const CLOCK_KEYS = Object.values(CLOCK_TARGETS).map((t) => t.key) as [string, ...string[]];
export const ClockKey = z.enum(CLOCK_KEYS, { error: known('clock', CLOCK_KEYS) });

export const INCIDENT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type IncidentGrade = (typeof INCIDENT_GRADES)[number];
export const EXTERNAL_REPORT_RECIPIENTS = ['superior_authority', 'national_cert'] as const;

/**
 * The closed list of effects a definition may ask for; the engine returns them, resolved, for the
 * server to perform (effects.ts documents each).
 */
export const EffectDecl = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('startClock'), clock: ClockKey }),
  z.strictObject({ kind: z.literal('stopClock'), clock: z.union([ClockKey, z.literal('*')]) }),
  z.strictObject({ kind: z.literal('pauseClocks') }),
  z.strictObject({ kind: z.literal('resumeClocks') }),
  z.strictObject({
    kind: z.literal('assign'),
    role: z.union([RoleName, z.literal('requester')]),
    slot: z.enum(['request', 'stage']).optional(),
    userField: FieldPath.optional(),
  }),
  z.strictObject({
    kind: z.literal('notify'),
    to: z.array(ActorSpec).min(1),
    notice: z.enum(NOTICE_KINDS, { error: known('notice', NOTICE_KINDS) }),
  }),
  z.strictObject({ kind: z.literal('createCompanyAccount') }),
  z.strictObject({
    kind: z.literal('escalate'),
    from: FieldPath,
    byGrade: z.strictObject({
      A: z.array(RoleName).min(1),
      B: z.array(RoleName).min(1),
      C: z.array(RoleName).min(1),
      D: z.array(RoleName).min(1),
    }),
  }),
  z.strictObject({
    kind: z.literal('recordExternalReport'),
    to: z.enum(EXTERNAL_REPORT_RECIPIENTS),
    atField: FieldPath.optional(),
  }),
  z.strictObject({ kind: z.literal('archive') }),
  z.strictObject({ kind: z.literal('updateAssetRegister') }),
]);
export type EffectDecl = z.infer<typeof EffectDecl>;

export const TransitionDef = z.strictObject({
  /** Omitted: the request stays where it is (a note, an opinion), no state is left or entered. */
  target: Id.optional(),
  /** Branch label for the flow diagram (the action's label is used otherwise). */
  label: LocalizedText.optional(),
  when: Condition.optional(),
  rules: z.array(RuleRef).optional(),
  effects: z.array(EffectDecl).optional(),
});
export type TransitionDef = z.infer<typeof TransitionDef>;

const Transitions = z.union([TransitionDef, z.array(TransitionDef).min(1)]);

export const ClocksDef = z.strictObject({
  start: z.array(ClockKey).optional(),
  stop: z.array(z.union([ClockKey, z.literal('*')])).optional(),
  pause: z.boolean().optional(),
});

export type StateDef = {
  label: LocalizedText;
  description?: LocalizedText | undefined;
  steps?: string[] | undefined;
  status?: (typeof REQUEST_STATUSES)[number] | undefined;
  stage?: string | undefined;
  assign?: (typeof ROLES)[number] | 'requester' | undefined;
  clocks?: z.infer<typeof ClocksDef> | undefined;
  type?: 'final' | 'parallel' | undefined;
  initial?: string | undefined;
  states?: Record<string, StateDef> | undefined;
  on?: Record<string, TransitionDef | TransitionDef[]> | undefined;
  always?: TransitionDef[] | undefined;
  onDone?: TransitionDef | TransitionDef[] | undefined;
};

export const StateDef: z.ZodType<StateDef> = z.lazy(() =>
  z.strictObject({
    label: LocalizedText,
    description: LocalizedText.optional(),
    steps: z.array(StepRef).optional(),
    status: StatusName.optional(),
    stage: Id.optional(),
    assign: z.union([RoleName, z.literal('requester')]).optional(),
    clocks: ClocksDef.optional(),
    type: z.enum(['final', 'parallel']).optional(),
    initial: Id.optional(),
    states: z.record(Id, StateDef).optional(),
    on: z.record(Id, Transitions).optional(),
    always: z.array(TransitionDef).min(1).optional(),
    onDone: Transitions.optional(),
  }),
);

/** A JSON Schema (draft 2020-12) object; ajv checks it when the definition is loaded. */
export const JsonSchemaObject = z.record(z.string(), z.unknown());
export type JsonSchemaObject = z.infer<typeof JsonSchemaObject>;

/** `record` paths: `signoffs.section_chief`; a trailing `[]` appends to a list. */
export const RecordPath = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\[\])?$/, 'must be a dotted path, optionally ending in []')
  .refine(safeSegments, SAFE);

export const ActionDef = z.strictObject({
  label: LocalizedText,
  description: LocalizedText.optional(),
  steps: z.array(StepRef).optional(),
  by: z.array(ActorSpec).min(1),
  fields: JsonSchemaObject.optional(),
  record: RecordPath.optional(),
});
export type ActionDef = z.infer<typeof ActionDef>;

/** The printed form a type uses (DOC-1): 附件一, 附件三 or 附件四. */
export const FORM_DOCUMENTS = ['attachment_1', 'attachment_3', 'attachment_4', 'dc_form', 'record'] as const;

export const FilingDef = z.strictObject({
  channels: z.array(z.enum(REQUEST_CHANNELS)).min(1),
  /** Filed without an account (TYPE-7's public application page). */
  public: z.boolean().optional(),
  document: z.enum(FORM_DOCUMENTS),
  rules: z.array(RuleRef).optional(),
});

export const DefinitionSchema = z.strictObject({
  type: z.enum(REQUEST_TYPES),
  version: z.number().int().min(1),
  title: LocalizedText,
  description: LocalizedText,
  form: JsonSchemaObject,
  filing: FilingDef,
  initial: Id,
  states: z.record(Id, StateDef),
  actions: z.record(Id, ActionDef),
});
export type Definition = z.infer<typeof DefinitionSchema>;
