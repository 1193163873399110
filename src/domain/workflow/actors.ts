import type { ActorSpec } from './definition.schema.js';
import type { ActorFacts, RequestFacts } from './facts.js';

/**
 * Whether an actor answers to an actor spec of a definition (`by` of an action).
 *
 * - `requester`: the request's applicant, or the person who filed it on the web for themselves.
 *   A desk agent who typed in a phone request is not its requester (INT-1), so cannot accept
 *   (驗收) their own work.
 * - `assignee` / `stage_assignee`: the request's or its current stage's assignee.
 * - `{role, scope}`: holds the role for a unit in scope (see ACTOR_SCOPES); a role held for no
 *   unit only satisfies `any`.
 */
export function actorMatches(spec: ActorSpec, actor: ActorFacts, request: RequestFacts): boolean {
  if (spec === 'requester') {
    return (
      request.applicantUserId === actor.userId || (request.channel === 'web' && request.createdBy === actor.userId)
    );
  }
  if (spec === 'assignee') return request.assigneeId !== null && request.assigneeId === actor.userId;
  if (spec === 'stage_assignee') return request.stageAssigneeId !== null && request.stageAssigneeId === actor.userId;
  const scope = spec.scope ?? 'any';
  const units =
    scope === 'request_unit'
      ? request.unitPath
      : scope === 'service_unit'
        ? (request.serviceUnitPath ?? [])
        : scope === 'business_unit'
          ? (request.businessUnitPath ?? [])
          : null;
  return actor.roles.some(
    (r) => r.role === spec.role && (units === null || (r.unitId !== null && units.includes(r.unitId))),
  );
}

export function actorAllowed(specs: readonly ActorSpec[], actor: ActorFacts, request: RequestFacts): boolean {
  return specs.some((s) => actorMatches(s, actor, request));
}
