import type { NoticeKind } from '../../shared/notice-kinds.js';
import type { Role } from '../../shared/roles.js';
import { readPath, type EvalContext } from './conditions.js';
import type { ActorSpec, EffectDecl, IncidentGrade } from './definition.schema.js';
import type { EngineContext } from './facts.js';
import { incidentGradeOf } from './rules.js';

/**
 * What the engine asks the server to do after a step, in order. The list is closed:
 *
 * - `startClock` / `stopClock`: start or stop a service-level clock by its key in
 *   src/domain/sla/sla-policies.ts; `*` stops every running clock. Stopping a clock that does not
 *   run does nothing.
 * - `pauseClocks` / `resumeClocks`: the request waits for its requester or a third party (SLA-3).
 * - `assign`: give the request (`slot: request`) or its current stage (`slot: stage`) to someone
 *   holding `role` (or to the requester), `userId` when the action named the person; the server
 *   assigns and notifies them.
 * - `notify`: send `notice` to the people the actor specs describe.
 * - `startStage` / `completeStage`: a stage with its own assignee and notes (the change/problem
 *   mechanism of 000 §3.8/§3.17) begins or is completed; added by the engine, not written in JSON.
 * - `createCompanyAccount`: TYPE-7 approval: create the company administrator's account from the
 *   附件四 form and mail the credentials notice (000 §2.7.6).
 * - `escalate`: report the incident internally to these roles, in order (000 §2.6.5).
 * - `recordExternalReport`: the incident was reported to the superior authority or the national
 *   CERT at `at` (000 §2.6.4).
 * - `archive`: the desk files the closed case (000 §2.1.9).
 * - `updateAssetRegister`: an approved data-centre application (001, DC-4) enters the devices
 *   moved in in the asset register with their asset numbers, or closes those moved out.
 */
export type Effect =
  | { kind: 'startClock'; clock: string }
  | { kind: 'stopClock'; clock: string }
  | { kind: 'pauseClocks' }
  | { kind: 'resumeClocks' }
  | {
      kind: 'assign';
      role: Role | 'requester';
      slot: 'request' | 'stage';
      /** The person the action named (an id or an account name), and the field that named them. */
      userId: string | null;
      userField?: string | undefined;
    }
  | { kind: 'notify'; to: ActorSpec[]; notice: NoticeKind }
  | { kind: 'startStage'; stage: string }
  | { kind: 'completeStage'; stage: string }
  | { kind: 'createCompanyAccount' }
  | { kind: 'escalate'; to: Role[]; grade: IncidentGrade | null; level: number | null }
  | { kind: 'recordExternalReport'; to: 'superior_authority' | 'national_cert'; at: string }
  | { kind: 'archive' }
  | { kind: 'updateAssetRegister' };

/** Engine-generated effects travel through XState as declarations too. */
export type InternalEffectDecl =
  EffectDecl | { kind: 'startStage'; stage: string } | { kind: 'completeStage'; stage: string };

/** Resolves a declared effect against the step's facts (field references, the incident's grade). */
export function resolveEffect(decl: InternalEffectDecl, facts: EvalContext, ctx: EngineContext): Effect | null {
  switch (decl.kind) {
    case 'assign': {
      const user = decl.userField ? readPath(facts, decl.userField) : undefined;
      return {
        kind: 'assign',
        role: decl.role,
        slot: decl.slot ?? 'request',
        userId: typeof user === 'string' && user.length > 0 ? user : null,
        ...(decl.userField ? { userField: decl.userField } : {}),
      };
    }
    case 'escalate': {
      const { grade, level } = incidentGradeOf(readPath(facts, decl.from));
      // Without a grade there is nobody to escalate to by grade; the grading rule prevents this.
      if (grade === null) return null;
      return { kind: 'escalate', to: [...decl.byGrade[grade]], grade, level };
    }
    case 'recordExternalReport': {
      const at = decl.atField ? readPath(facts, decl.atField) : undefined;
      return { kind: 'recordExternalReport', to: decl.to, at: typeof at === 'string' ? at : ctx.now };
    }
    case 'notify':
      return { kind: 'notify', to: [...decl.to], notice: decl.notice };
    default:
      return { ...decl };
  }
}
