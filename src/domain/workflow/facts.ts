import type { StateValue } from 'xstate';
import type { RequestChannel, RequestType } from '../../shared/request-vocabulary.js';
import type { Role } from '../../shared/roles.js';
import type { LocalizedText } from './definition.schema.js';

/**
 * The pure facts the engine decides on. The server gathers them from the database; the engine
 * never reads a clock, a file or a table.
 */

/** Who acts: their roles, each for a unit (null: not tied to a unit). Deputies' roles included (ORG-3). */
export type ActorFacts = {
  userId: string;
  roles: ReadonlyArray<{ role: Role; unitId: string | null }>;
};

/** The request an action is taken on. */
export type RequestFacts = {
  id: string;
  type: RequestType;
  channel: RequestChannel;
  unitId: string | null;
  /** The request's unit first, then every unit above it up to the agency. */
  unitPath: readonly string[];
  /** The unit serving the request (資訊服務科) and the units above it. */
  serviceUnitPath?: readonly string[] | undefined;
  /** The business unit that checks vendor applications (工商外貿科, TYPE-7) and the units above it. */
  businessUnitPath?: readonly string[] | undefined;
  /**
   * The approver roles someone holds (or deputises) along `unitPath`: a unit without a section
   * chief skips the 科長 sign-off of 附件一.
   */
  unitRoles: readonly Role[];
  createdBy: string | null;
  applicantUserId: string | null;
  assigneeId: string | null;
  stageAssigneeId: string | null;
  createdAt: string;
  applicationDate: string | null;
  wishedDate: string | null;
  attachmentCount: number;
  /** The files' document kinds (issue 6: an application's letter, reports, proofs), per device. */
  documents?: ReadonlyArray<{ document: string | null; device: number | null }> | undefined;
  /** The values of the type's own form (the definition's `form` schema). */
  form: Readonly<Record<string, unknown>>;
  /** What the workflow has collected so far (sign-offs, opinions, estimates …), by `record` path. */
  data: Readonly<Record<string, unknown>>;
};

/** The moment of the call: an instant, and the date in Asia/Taipei. */
export type EngineContext = {
  now: string;
  today: string;
  /** Whether a date is a working day of the office calendar (SLA-1); Monday–Friday when absent. */
  isWorkingDay?: ((date: string) => boolean) | undefined;
};

/** What a request stores of its workflow: the definition it started with, and where it stands. */
export type WorkflowState = { type: RequestType; version: number; value: StateValue };

export const PROBLEM_CODES = [
  'unknown_action',
  'action_not_available',
  'actor_not_allowed',
  'invalid_field',
  'rule_broken',
  'no_branch',
  'channel_not_accepted',
  'state_mismatch',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The HTTP status each problem answers with (problem+json). */
export const PROBLEM_HTTP_STATUS: Record<ProblemCode, number> = {
  unknown_action: 404,
  action_not_available: 409,
  actor_not_allowed: 403,
  invalid_field: 422,
  rule_broken: 422,
  no_branch: 422,
  channel_not_accepted: 422,
  state_mismatch: 409,
};

/** Why an action or a filing was refused; `field` names the field at fault, `rule`/`reason` a broken rule. */
export type Problem = {
  code: ProblemCode;
  field?: string;
  rule?: string;
  reason?: string;
  message: LocalizedText;
};

export const text = (zh: string, en: string): LocalizedText => ({ 'zh-TW': zh, en });
