import { LIFECYCLE_ACTION_NAMES, LIFECYCLE_ACTIONS, type LifecycleAction } from '../shared/lifecycle-actions.js';
import type { RequestStatus } from '../shared/request-vocabulary.js';
import { HANDLER_ROLES, hasRole, type Actor, type RequestAccessFacts } from './policies.js';

/**
 * The life cycle every request shares until its type's workflow (issue 3) refines it: the desk
 * takes a request on, may return it, waits for the requester or a third party, resolves it; the
 * requester confirms the result (驗收, INT-5) or reopens it, and may withdraw what nobody has
 * started. Data, interpreted by `availableActions` and `transition`.
 */
export { LIFECYCLE_ACTION_NAMES, LIFECYCLE_ACTIONS, type LifecycleAction };

export function isHandler(actor: Actor): boolean {
  return hasRole(actor, [...HANDLER_ROLES, 'admin']);
}

function isRequesterOf(actor: Actor, request: RequestAccessFacts): boolean {
  return request.createdBy === actor.userId || request.applicantUserId === actor.userId;
}

/** The actions an actor may take on a request now. */
export function availableActions(actor: Actor, request: RequestAccessFacts): LifecycleAction[] {
  return LIFECYCLE_ACTION_NAMES.filter((name) => {
    const a = LIFECYCLE_ACTIONS[name];
    if (!(a.from as readonly RequestStatus[]).includes(request.status)) return false;
    const handler = isHandler(actor);
    const requester = isRequesterOf(actor, request);
    return a.by === 'handler' ? handler : a.by === 'requester' ? requester : handler || requester;
  });
}
