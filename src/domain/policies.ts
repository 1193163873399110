import { HANDLER_ROLES, type Role, type UserKind } from '../shared/roles.js';

export { HANDLER_ROLES };
import {
  FINAL_STATUSES,
  type RequestChannel,
  type RequestStatus,
  type RequestType,
} from '../shared/request-vocabulary.js';

/**
 * Who may do what (ORG-2, ORG-3). Pure functions of the actor and the object; the services call
 * them and the route-walking test checks them for every role.
 *
 * 404 versus 403: a request the caller may not see answers 404 (its existence is not disclosed);
 * an action the caller may not take on a request they can see answers 403.
 */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  kind: UserKind;
  unitId: string | null;
  roles: ReadonlyArray<{ role: Role; unitId: string | null }>;
};

/** Roles that work the service desk's queue and therefore see every request. */
const SEE_ALL_ROLES: readonly Role[] = [
  'desk_agent',
  'it_officer',
  'it_chief',
  'onsite_manager',
  'vendor_engineer',
  'deputy_director_general',
  'director_general',
  'auditor',
  'admin',
];

/** Supervisors see the requests of the units they supervise, sections included (ORG-3). */
export const SUPERVISOR_ROLES: readonly Role[] = ['section_chief', 'division_deputy', 'division_head'];

/** The desk types in requests received by phone on the requester's behalf (INT-1). */
const FILE_ON_BEHALF_ROLES: readonly Role[] = ['desk_agent', 'it_officer', 'it_chief', 'admin'];
const ASSIGN_ROLES: readonly Role[] = ['desk_agent', 'it_officer', 'it_chief', 'onsite_manager', 'admin'];

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r.role));
}

export type Abilities = {
  seeAllRequests: boolean;
  fileOnBehalf: boolean;
  assignRequests: boolean;
  manageUsers: boolean;
  /** Agency settings and reference data: office hours, the office calendar. */
  manageSettings: boolean;
  /** Read and check the audit trail (SEC-3). */
  readAudit: boolean;
  /** Unlock accounts locked by failed sign-ins (SEC-1: unlocked by support staff). */
  unlockAccounts: boolean;
  /** Take part in the six-monthly account reviews (SEC-2): supervisors, administrators, auditors. */
  reviewAccounts: boolean;
  /** Approve account requests: the responsible supervisor, then an administrator (SEC-2). */
  decideAccountRequests: boolean;
};

export function abilitiesOf(actor: Actor): Abilities {
  return {
    seeAllRequests: hasRole(actor, SEE_ALL_ROLES),
    fileOnBehalf: hasRole(actor, FILE_ON_BEHALF_ROLES),
    assignRequests: hasRole(actor, ASSIGN_ROLES),
    manageUsers: hasRole(actor, ['admin']),
    manageSettings: hasRole(actor, ['admin']),
    readAudit: hasRole(actor, ['auditor', 'admin']),
    unlockAccounts: hasRole(actor, ['desk_agent', 'admin']),
    reviewAccounts: hasRole(actor, [...SUPERVISOR_ROLES, 'admin', 'auditor']),
    decideAccountRequests: hasRole(actor, [...SUPERVISOR_ROLES, 'admin']),
  };
}

/** A unit and its parent, enough to expand a supervisor's scope to the sections below. */
export type UnitNode = { id: string; parentId: string | null };

/**
 * The requests an actor may see: all of them, or those of some units plus their own, plus every
 * request of the types their role reviews (the data-centre staff see every data-centre application).
 */
export type RequestScope =
  { all: true } | { all: false; userId: string; unitIds: string[]; types?: readonly RequestType[] };

/** Issue 6 (001 三): the data centre's reviewers and approver work on every agency's applications. */
export const DATA_CENTRE_ROLES: readonly Role[] = [
  'dc_admin',
  'asset_keeper',
  'security_officer',
  'network_admin',
  'antivirus_officer',
  'mdr_officer',
  'vans_officer',
  'netsec_chief',
];

export function requestScopeOf(actor: Actor, units: readonly UnitNode[]): RequestScope {
  if (abilitiesOf(actor).seeAllRequests) return { all: true };
  const roots = new Set<string>();
  // A member of a unit sees their unit's requests (issue 2: "their own and their unit's").
  if (actor.unitId && actor.kind !== 'external') roots.add(actor.unitId);
  for (const r of actor.roles) {
    if (SUPERVISOR_ROLES.includes(r.role) && r.unitId) roots.add(r.unitId);
  }
  return {
    all: false,
    userId: actor.userId,
    unitIds: [...descendantsOf(roots, units)],
    types: [
      ...(hasRole(actor, DATA_CENTRE_ROLES) ? (['dc_equipment'] as const) : []),
      // The asset-register keeper enters the equipment a TYPE-3 request bought (000 §2.3.7).
      ...(hasRole(actor, ['asset_keeper']) ? (['equipment'] as const) : []),
    ],
  };
}

/** The given units and every unit below them. */
export function descendantsOf(roots: Iterable<string>, units: readonly UnitNode[]): Set<string> {
  const result = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && result.has(u.parentId) && !result.has(u.id)) {
        result.add(u.id);
        grew = true;
      }
    }
  }
  return result;
}

/** The fields of a request that decide who may see it. */
export type RequestAccessFacts = {
  unitId: string;
  /** Null for an application filed without an account (TYPE-7). */
  createdBy: string | null;
  applicantUserId: string | null;
  assigneeId: string | null;
  status: RequestStatus;
  type?: RequestType | undefined;
};

export function canViewRequest(actor: Actor, scope: RequestScope, request: RequestAccessFacts): boolean {
  if (scope.all) return true;
  return (
    request.createdBy === actor.userId ||
    request.applicantUserId === actor.userId ||
    request.assigneeId === actor.userId ||
    scope.unitIds.includes(request.unitId) ||
    (request.type !== undefined && (scope.types ?? []).includes(request.type))
  );
}

const isFinal = (status: RequestStatus) => FINAL_STATUSES.includes(status);

export function canCommentOn(actor: Actor, request: RequestAccessFacts): boolean {
  return !isFinal(request.status) && actor.kind !== 'external';
}

export function canAttachTo(actor: Actor, request: RequestAccessFacts): boolean {
  return canCommentOn(actor, request);
}

export function canAssign(actor: Actor, request: RequestAccessFacts): boolean {
  return abilitiesOf(actor).assignRequests && !isFinal(request.status);
}

export type FilingFacts = {
  unitId: string;
  channel: RequestChannel;
  applicantUserId: string | null;
};

/**
 * Why an actor may not file a request as given, or null when they may. Staff file for their own
 * unit through the web form; the desk also types in phone requests for anyone (INT-1).
 */
export function filingRefusal(actor: Actor, filing: FilingFacts): null | { field: string; en: string; zh: string } {
  if (actor.kind === 'external' || !actor.unitId) {
    return { field: 'unitId', en: 'Your account cannot file internal requests', zh: '您的帳號不能提出內部申請' };
  }
  if (abilitiesOf(actor).fileOnBehalf) {
    if (filing.channel === 'email') {
      return { field: 'channel', en: 'E-mail requests are created from the mailbox', zh: '電子郵件申請由信箱自動建立' };
    }
    return null;
  }
  if (filing.channel !== 'web') {
    return { field: 'channel', en: 'Only the service desk records phone requests', zh: '僅服務台可登錄電話申請' };
  }
  if (filing.unitId !== actor.unitId) {
    return { field: 'unitId', en: 'You can only file for your own unit', zh: '僅能以您所屬單位提出申請' };
  }
  if (filing.applicantUserId !== null && filing.applicantUserId !== actor.userId) {
    return { field: 'applicantUserId', en: 'You can only file as yourself', zh: '僅能以您本人名義提出申請' };
  }
  return null;
}
