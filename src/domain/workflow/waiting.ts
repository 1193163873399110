import type { ActorSpec } from './definition.schema.js';
import type { ActorFacts, RequestFacts } from './facts.js';

/**
 * Who a request waits for, as keys a database index can match (the queue's "waits for me"): the
 * people the actions offered now name (`user:<id>`), and the roles that may take them, anywhere
 * (`role:<role>`) or for a unit in scope (`role:<role>@<unit>`). An actor's own keys (actorKeys)
 * meet a request's keys exactly when the actor may take one of its actions now, as `actorMatches`
 * decides, without running the engine for every row of a list.
 */
export function waitingKeys(specs: readonly ActorSpec[], request: RequestFacts): string[] {
  const keys = new Set<string>();
  for (const spec of specs) {
    if (spec === 'requester') {
      if (request.applicantUserId) keys.add(`user:${request.applicantUserId}`);
      if (request.channel === 'web' && request.createdBy) keys.add(`user:${request.createdBy}`);
    } else if (spec === 'assignee') {
      if (request.assigneeId) keys.add(`user:${request.assigneeId}`);
    } else if (spec === 'stage_assignee') {
      if (request.stageAssigneeId) keys.add(`user:${request.stageAssigneeId}`);
    } else {
      const scope = spec.scope ?? 'any';
      const units =
        scope === 'request_unit'
          ? request.unitPath
          : scope === 'service_unit'
            ? (request.serviceUnitPath ?? [])
            : scope === 'business_unit'
              ? (request.businessUnitPath ?? [])
              : null;
      if (units === null) keys.add(`role:${spec.role}`);
      else for (const unit of units) keys.add(`role:${spec.role}@${unit}`);
    }
  }
  return [...keys].sort();
}

/** The keys of an actor (roles as the engine sees them, see ActorFacts). */
export function actorKeys(actor: ActorFacts): string[] {
  const keys = new Set([`user:${actor.userId}`]);
  for (const r of actor.roles) {
    keys.add(`role:${r.role}`);
    if (r.unitId) keys.add(`role:${r.role}@${r.unitId}`);
  }
  return [...keys].sort();
}
