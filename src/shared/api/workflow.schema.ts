import { z } from 'zod';
import { REQUEST_CHANNELS, REQUEST_STATUSES, REQUEST_TYPES } from '../request-vocabulary.js';
import { IsoInstant, Localised } from './common.schema.js';

/**
 * The request-type catalogue (issue 3): each type with its form as JSON Schema and its flow as a
 * graph, and the administrator's export and import of definition versions.
 */

/** A JSON Schema (draft 2020-12) object with GovDesk's `x-label`, `x-help`, `x-enum-labels`, `x-widget`. */
export const JsonSchema = z.record(z.string(), z.unknown()).meta({ id: 'JsonSchema' });
export type JsonSchema = z.infer<typeof JsonSchema>;

export const FlowNode = z
  .object({
    id: z.string(),
    label: Localised,
    status: z.enum(REQUEST_STATUSES),
    final: z.boolean(),
    kind: z.enum(['atomic', 'compound', 'parallel', 'final']),
    parent: z.string().nullable().describe('The compound or parallel state this one is inside'),
    initial: z.boolean(),
    stage: z.string().nullable(),
    steps: z.array(z.string()).describe('The numbered steps of 000 ch. 2–3 it carries out'),
    actions: z.array(z.string()),
  })
  .meta({ id: 'FlowNode' });
export type FlowNode = z.infer<typeof FlowNode>;

export const FlowEdge = z
  .object({
    from: z.string(),
    to: z.string(),
    action: z.string().nullable().describe('null for an automatic branch or a finished parallel stage'),
    kind: z.enum(['action', 'always', 'done']),
    label: Localised,
    conditional: z.boolean(),
  })
  .meta({ id: 'FlowEdge' });
export type FlowEdge = z.infer<typeof FlowEdge>;

export const FlowGraph = z
  .object({ initial: z.string(), nodes: z.array(FlowNode), edges: z.array(FlowEdge) })
  .meta({ id: 'FlowGraph' });
export type FlowGraph = z.infer<typeof FlowGraph>;

export const FORM_DOCUMENTS = ['attachment_1', 'attachment_3', 'attachment_4', 'dc_form', 'record'] as const;

export const RequestTypeInfo = z
  .object({
    type: z.enum(REQUEST_TYPES),
    version: z.number().int().describe('The definition version new requests of this type use'),
    title: Localised,
    description: Localised.describe('What the type is for and how it goes, from the handbook (000 ch. 2)'),
    filing: z.object({
      channels: z.array(z.enum(REQUEST_CHANNELS)),
      public: z.boolean().describe('Filed without an account (TYPE-7)'),
      document: z.enum(FORM_DOCUMENTS).describe('The printed form: 附件一, 附件三 or 附件四'),
    }),
    form: JsonSchema.describe("The type's own fields, besides the common 附件一 ones"),
    actions: z
      .record(z.string(), z.object({ label: Localised, description: Localised.nullable() }))
      .describe('Every action of the flow, by name'),
    graph: FlowGraph,
  })
  .meta({ id: 'RequestTypeInfo' });
export type RequestTypeInfo = z.infer<typeof RequestTypeInfo>;

export const TypeParams = z.strictObject({ type: z.enum(REQUEST_TYPES) });
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const DefinitionVersion = z
  .object({
    type: z.enum(REQUEST_TYPES),
    version: z.number().int(),
    createdAt: IsoInstant,
    createdByName: z.string().nullable().describe('null for the versions GovDesk ships'),
    requests: z.number().int().describe('Requests that run on this version'),
    current: z.boolean().describe('The version new requests use'),
  })
  .meta({ id: 'DefinitionVersion' });
export type DefinitionVersion = z.infer<typeof DefinitionVersion>;

/**
 * The units some workflow steps belong to: the IT section that serves requests (資訊服務科) and
 * the business unit that checks vendor applications (工商外貿科, TYPE-7). Null: the service
 * unit is where the IT chief's role is held; no business unit means nobody may check yet.
 */
export const WorkflowUnits = z
  .strictObject({
    serviceUnitId: z.uuid().nullable(),
    businessUnitId: z.uuid().nullable(),
  })
  .meta({ id: 'WorkflowUnits' });
export type WorkflowUnits = z.infer<typeof WorkflowUnits>;

/** One row of 附件二 (TYPE-4): who maintains a part of the website, and whether it has a back office. */
export const WebContentRoute = z
  .strictObject({
    menu: z.string().trim().min(1).max(50).describe('抬頭'),
    item: z.string().trim().min(1).max(100).describe('項目'),
    responsibleUnit: z.string().trim().min(1).max(100).describe('負責組室'),
    dataProvider: z.string().trim().max(100).describe('資料提供'),
    note: z.string().trim().max(200).describe('備註'),
    selfService: z
      .boolean()
      .describe('The responsible unit has a back office (CMS) to maintain it itself: its own requests are returned'),
  })
  .meta({ id: 'WebContentRoute' });
export type WebContentRoute = z.infer<typeof WebContentRoute>;

export const WebContentRouting = z
  .strictObject({ rows: z.array(WebContentRoute).max(1000) })
  .refine((t) => new Set(t.rows.map((r) => `${r.menu}\u0000${r.item}`)).size === t.rows.length, {
    message: 'Each menu and item appears once',
    path: ['rows'],
  })
  .meta({ id: 'WebContentRouting' });
export type WebContentRouting = z.infer<typeof WebContentRouting>;
