import { z } from 'zod';
import {
  ESCALATION_TIERS,
  REQUEST_CHANNELS,
  REQUEST_EVENT_KINDS,
  REQUEST_PRIORITIES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  SLA_STATES,
} from '../request-vocabulary.js';
import { IsoDate, IsoInstant, Localised } from './common.schema.js';
import { DC_DOCUMENTS } from '../data-centre.js';

/** 000 附件一: the part of the form the applicant fills. */
export const RequestCreate = z
  .strictObject({
    type: z.enum(REQUEST_TYPES).default('general'),
    channel: z.enum(REQUEST_CHANNELS).default('web'),
    priority: z.enum(REQUEST_PRIORITIES).default('normal'),
    unitId: z.uuid().describe('申請單位'),
    applicantUserId: z.uuid().nullable().default(null).describe('The applicant, when they have an account'),
    applicantName: z.string().trim().min(1).max(100).describe('申請人'),
    applicantPhone: z.string().trim().min(1).max(30).describe('電話'),
    applicationDate: IsoDate.describe('申請日期'),
    wishedDate: IsoDate.describe('希望完成日期'),
    title: z.string().trim().min(1).max(200).describe('A one-line summary for lists'),
    description: z.string().trim().min(1).max(10000).describe('申請服務事項'),
    form: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The type's own fields, as its form's JSON Schema describes them (GET /api/request-types)"),
    previousRequestId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('Applying again for a returned request of the same type (issue 6: a returned data-centre application)'),
  })
  .meta({ id: 'RequestCreate' });
export type RequestCreate = z.input<typeof RequestCreate>;

const PersonRef = z.object({ id: z.uuid(), displayName: z.string() }).meta({ id: 'PersonRef' });

export const RequestSummary = z
  .object({
    id: z.uuid(),
    number: z.string().describe('單號, e.g. CTSP-115-00001'),
    type: z.enum(REQUEST_TYPES),
    channel: z.enum(REQUEST_CHANNELS),
    status: z.enum(REQUEST_STATUSES),
    priority: z.enum(REQUEST_PRIORITIES),
    escalationTier: z.enum(ESCALATION_TIERS),
    sla: z
      .object({ state: z.enum(SLA_STATES), dueAt: IsoInstant.nullable() })
      .describe('The service-level badge: the most urgent running clock, paused, breached or all met'),
    title: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    applicantName: z.string(),
    applicationDate: IsoDate,
    wishedDate: IsoDate,
    assignee: PersonRef.nullable(),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
  })
  .meta({ id: 'RequestSummary' });
export type RequestSummary = z.infer<typeof RequestSummary>;

export const SORT_KEYS = [
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'wishedDate',
  '-wishedDate',
  'number',
  '-number',
  'dueAt',
] as const;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter((s) => s.length > 0) : v), z.array(item).max(20));

export const RequestListQuery = z.strictObject({
  status: csv(z.enum(REQUEST_STATUSES)).optional().describe('Comma-separated statuses'),
  type: csv(z.enum(REQUEST_TYPES)).optional().describe('Comma-separated types'),
  unitId: z.uuid().optional(),
  assignee: z
    .union([z.uuid(), z.enum(['me', 'none'])])
    .optional()
    .describe('A user id, `me` or `none`'),
  mine: z.enum(['true', 'false']).optional().describe('Only requests I filed or am the applicant of'),
  waitingFor: z
    .literal('me')
    .optional()
    .describe('Only requests whose current step waits for me (an action I may take now)'),
  q: z.string().trim().max(200).optional().describe('Free text: number, title, description, applicant'),
  sort: z.enum(SORT_KEYS).default('-createdAt'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type RequestListQuery = z.input<typeof RequestListQuery>;

export const RequestPage = z
  .object({
    items: z.array(RequestSummary),
    total: z
      .number()
      .int()
      .describe(
        'How many requests match: exact up to 10,000 (1,000 with `q`); when `totalCapped`, there are more than this',
      ),
    totalCapped: z
      .boolean()
      .describe(
        'The count stopped at its cap, 10,000 matches or 1,000 with `q` (show "10,000+"): counting a million rows is too slow',
      ),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'RequestPage' });
export type RequestPage = z.infer<typeof RequestPage>;

export const HistoryEvent = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    kind: z.enum(REQUEST_EVENT_KINDS),
    at: IsoInstant,
    actor: PersonRef.nullable(),
    fromStatus: z.enum(REQUEST_STATUSES).nullable(),
    toStatus: z.enum(REQUEST_STATUSES).nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'HistoryEvent' });
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const Comment = z
  .object({ id: z.uuid(), author: PersonRef, body: z.string(), createdAt: IsoInstant })
  .meta({ id: 'Comment' });
export type Comment = z.infer<typeof Comment>;

export const CommentCreate = z.strictObject({ body: z.string().trim().min(1).max(5000) });

export const Attachment = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: PersonRef,
    createdAt: IsoInstant,
    document: z
      .enum(DC_DOCUMENTS)
      .nullable()
      .describe('Which document of a data-centre application the file is (issue 6); null for other files'),
    device: z.number().int().nullable().describe("The device (0-based, in the form's order) the document is for"),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof Attachment>;

export const Clock = z
  .object({
    key: z.string(),
    label: z.object({ 'zh-TW': z.string(), en: z.string() }),
    basis: z.enum(['working', 'wall']),
    targetMs: z.number().int(),
    status: z.enum(['running', 'paused', 'stopped']),
    startedAt: IsoInstant,
    dueAt: IsoInstant.nullable(),
    shareUsed: z.number(),
    breachedAt: IsoInstant.nullable(),
    stoppedAt: IsoInstant.nullable(),
  })
  .meta({ id: 'Clock' });
export type Clock = z.infer<typeof Clock>;

export const ActionBody = z.strictObject({
  fields: z
    .record(z.string(), z.unknown())
    .default({})
    .describe(
      "The action's fields (opinion, estimate, grade …), as its JSON Schema in `workflow.actions` describes them",
    ),
});

export const ActionParams = z.strictObject({
  id: z.uuid(),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(80),
});

/** An action the caller may take now, with the JSON Schema of what they supply. */
export const AvailableAction = z
  .object({
    name: z.string(),
    label: Localised,
    description: Localised.nullable(),
    steps: z.array(z.string()).describe('The numbered steps of 000 ch. 2–3 it carries out'),
    fields: z.record(z.string(), z.unknown()).describe('JSON Schema of the fields'),
  })
  .meta({ id: 'AvailableAction' });
export type AvailableAction = z.infer<typeof AvailableAction>;

/** Where a request stands in the workflow it started with (issue 3). */
export const WorkflowPosition = z
  .object({
    version: z.number().int().describe('The definition version the request runs on'),
    value: z.unknown().describe('The state value (a state id, or nested for parallel states)'),
    active: z.array(z.object({ id: z.string(), label: Localised })).describe('Active states, outermost first'),
    stage: z.string().nullable(),
    stageAssignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    data: z.record(z.string(), z.unknown()).describe('What the steps recorded: sign-offs, opinions, estimates …'),
    actions: z.array(AvailableAction).describe('The actions the caller may take now'),
  })
  .meta({ id: 'WorkflowPosition' });
export type WorkflowPosition = z.infer<typeof WorkflowPosition>;

export const AssignBody = z.strictObject({ assigneeId: z.uuid().nullable() });

const RequestRef = z.object({ id: z.uuid(), number: z.string() }).meta({ id: 'RequestRef' });

export const RequestDetail = RequestSummary.extend({
  applicantUserId: z.uuid().nullable(),
  applicantPhone: z.string(),
  description: z.string(),
  createdBy: PersonRef.nullable().describe('null for an application filed without an account (TYPE-7)'),
  closedAt: IsoInstant.nullable(),
  history: z.array(HistoryEvent),
  comments: z.array(Comment),
  attachments: z.array(Attachment),
  can: z.object({
    comment: z.boolean(),
    attach: z.boolean(),
    assign: z.boolean(),
  }),
  form: z.record(z.string(), z.unknown()).describe("The type's own fields"),
  workflow: WorkflowPosition.nullable().describe('null for a request filed before workflows'),
  clocks: z.array(Clock),
  previousRequest: RequestRef.nullable().describe('The returned request this one applies again for'),
  reapplications: z.array(RequestRef).describe('Requests filed again for this one after it was returned'),
}).meta({ id: 'RequestDetail' });
export type RequestDetail = z.infer<typeof RequestDetail>;
