import { abilitiesOf, type Actor } from '../domain/policies.js';
import { assetAbilitiesOf } from '../domain/asset-policies.js';
import type { RoleRow } from '../db/repositories/organisation.repository.js';
import type { UnitRow, UserRow } from '../db/schema.js';
import type { ApiToken, Me, RoleAssignment } from '../shared/api/auth.schema.js';
import type { Holdings, Unit, UserSummary } from '../shared/api/organisation.schema.js';
import type { Attachment, Comment, HistoryEvent, RequestDetail, RequestSummary } from '../shared/api/request.schema.js';
import type { RequestService } from './services/request.service.js';
import type { AccountRequest } from '../shared/api/account-request.schema.js';
import type { RequestTypeInfo } from '../shared/api/workflow.schema.js';
import { toGraph, type Workflow } from '../domain/workflow/index.js';
import type {
  AccountReviewDetail,
  AccountReviewItem,
  AccountReviewSummary,
} from '../shared/api/account-review.schema.js';
import type { AccountRequestService } from './services/account-request.service.js';
import type { AccountReviewService } from './services/account-review.service.js';

/** Rows and domain objects turned into the API's shapes (src/shared/api). */

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function presentUnit(u: UnitRow): Unit {
  return { id: u.id, parentId: u.parent_id, code: u.code, name: u.name, nameEn: u.name_en, kind: u.kind };
}

function presentRoles(roles: ReadonlyArray<Pick<RoleRow, 'role' | 'unit_id' | 'unit_name'>>): RoleAssignment[] {
  return roles.map((r) => ({ role: r.role, unitId: r.unit_id, unitName: r.unit_name }));
}

export function presentMe(
  actor: Actor,
  user: UserRow,
  unitName: string | null,
  roles: RoleRow[],
  musts: { mustChangePassword: boolean; mustEnrolMfa: boolean },
): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    email: user.email,
    phone: user.phone,
    kind: user.kind,
    unitId: user.unit_id,
    unitName,
    roles: presentRoles(roles),
    mustChangePassword: musts.mustChangePassword,
    mfaEnabled: user.mfa_enabled_at !== null,
    mustEnrolMfa: musts.mustEnrolMfa,
    abilities: { ...abilitiesOf(actor), ...assetAbilitiesOf(actor) },
  };
}

export function presentUser(u: { user: UserRow; unitName: string | null; roles: RoleRow[] }): UserSummary {
  return {
    id: u.user.id,
    username: u.user.username,
    displayName: u.user.display_name,
    unitId: u.user.unit_id,
    unitName: u.unitName,
    kind: u.user.kind,
    email: u.user.email,
    phone: u.user.phone,
    roles: presentRoles(u.roles),
    disabled: u.user.disabled_at !== null,
    expiresAt: u.user.expires_at ? iso(u.user.expires_at) : null,
    mfaEnabled: u.user.mfa_enabled_at !== null,
    locked: u.user.locked_at !== null,
    createdAt: iso(u.user.created_at),
  };
}

export function presentToken(t: {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
}): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: iso(t.created_at),
    expiresAt: iso(t.expires_at),
    lastUsedAt: isoOrNull(t.last_used_at),
  };
}

type SummaryRow = Parameters<typeof summaryOf>[0];
function summaryOf(r: {
  id: string;
  number: string;
  type: RequestSummary['type'];
  channel: RequestSummary['channel'];
  status: RequestSummary['status'];
  title: string;
  unit_id: string;
  unit_name: string;
  applicant_name: string;
  application_date: string;
  wished_date: string;
  assignee_id: string | null;
  assignee_name: string | null;
  created_at: Date;
  updated_at: Date;
  priority: RequestSummary['priority'];
  escalation_tier: RequestSummary['escalationTier'];
  sla_state: RequestSummary['sla']['state'];
  sla_due_at: Date | null;
}): RequestSummary {
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    channel: r.channel,
    status: r.status,
    priority: r.priority,
    escalationTier: r.escalation_tier,
    sla: { state: r.sla_state, dueAt: isoOrNull(r.sla_due_at) },
    title: r.title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    applicantName: r.applicant_name,
    applicationDate: r.application_date,
    wishedDate: r.wished_date,
    assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function presentSummary(r: SummaryRow): RequestSummary {
  return summaryOf(r);
}

type Detail = Awaited<ReturnType<RequestService['get']>>;

export function presentAttachment(a: Detail['attachments'][number]): Attachment {
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: { id: a.uploaded_by, displayName: a.uploaded_by_name },
    createdAt: iso(a.created_at),
    document: a.document as Attachment['document'],
    device: a.device,
  };
}

export function presentComment(c: Detail['comments'][number]): Comment {
  return {
    id: c.id,
    author: { id: c.author_id, displayName: c.author_name },
    body: c.body,
    createdAt: iso(c.created_at),
  };
}

function presentEvent(e: Detail['history'][number]): HistoryEvent {
  return {
    id: String(e.id),
    seq: e.seq,
    kind: e.kind,
    at: iso(e.at),
    actor: e.actor_id ? { id: e.actor_id, displayName: e.actor_name ?? '' } : null,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    data: e.data,
  };
}

export function presentDetail(d: Detail): RequestDetail {
  const r = d.row;
  return {
    ...summaryOf(r),
    applicantUserId: r.applicant_user_id,
    applicantPhone: r.applicant_phone,
    description: r.description,
    createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
    closedAt: isoOrNull(r.closed_at),
    history: d.history.map(presentEvent),
    comments: d.comments.map(presentComment),
    attachments: d.attachments.map(presentAttachment),
    can: d.can,
    form: r.form,
    workflow: d.workflow
      ? {
          ...d.workflow,
          actions: d.workflow.actions.map((a) => ({
            name: a.name,
            label: a.label,
            description: a.description ?? null,
            steps: a.steps,
            fields: a.fields,
          })),
        }
      : null,
    clocks: d.clocks.map((c) => ({
      key: c.row.target_key,
      label: c.label,
      basis: c.row.basis,
      targetMs: c.row.target_ms,
      status: c.row.status,
      startedAt: iso(c.row.started_at),
      dueAt: c.dueAt === null ? null : new Date(c.dueAt).toISOString(),
      shareUsed: Math.round(c.share * 1000) / 1000,
      breachedAt: isoOrNull(c.row.breached_at),
      stoppedAt: isoOrNull(c.row.stopped_at),
    })),
    previousRequest: d.previous,
    reapplications: d.reapplications,
  };
}

type AccountRequestRow = Awaited<ReturnType<AccountRequestService['list']>>[number]['row'];

export function presentAccountRequest(r: { row: AccountRequestRow; canDecide: boolean }): AccountRequest {
  const { row } = r;
  // A step refused ends the request as rejected; any earlier step was an approval.
  const step = (name: string | null, at: Date | null, note: string | null, last: boolean) =>
    at
      ? {
          decision: last && row.status === 'rejected' ? ('reject' as const) : ('approve' as const),
          byName: name ?? '—',
          at: iso(at),
          note: note ?? '',
        }
      : null;
  return {
    id: row.id,
    status: row.status,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    unitId: row.unit_id,
    unitName: row.unit_name,
    kind: row.kind,
    expiresOn: row.expires_on,
    roles: row.roles,
    reason: row.reason,
    requestedByName: row.requested_by_name,
    requestedAt: iso(row.requested_at),
    supervisorDecision: step(row.supervisor_name, row.supervisor_at, row.supervisor_note, row.admin_at === null),
    adminDecision: step(row.admin_name, row.admin_at, row.admin_note, true),
    createdUserId: row.created_user_id,
    canDecide: r.canDecide,
  };
}

type ReviewDetailResult = Awaited<ReturnType<AccountReviewService['detail']>>;

export function presentReviewSummary(r: {
  review: ReviewDetailResult['review'];
  counts: ReviewDetailResult['counts'];
}): AccountReviewSummary {
  return {
    id: r.review.id,
    title: r.review.title,
    openedAt: iso(r.review.opened_at),
    dueAt: iso(r.review.due_at),
    closedAt: isoOrNull(r.review.closed_at),
    openedByName: r.review.opened_by_name,
    ...r.counts,
  };
}

export function presentReviewItem(i: ReviewDetailResult['items'][number]): AccountReviewItem {
  return {
    id: i.item.id,
    userId: i.item.user_id,
    username: i.item.username,
    displayName: i.item.display_name,
    kind: i.item.kind,
    unitId: i.item.unit_id,
    unitName: i.item.unit_name,
    roles: i.roles,
    expiresAt: isoOrNull(i.item.expires_at),
    lastSignInAt: i.item.last_sign_in_at ? iso(new Date(i.item.last_sign_in_at)) : null,
    reviewerNames: i.reviewerNames,
    decision: i.item.decision,
    decidedByName: i.item.decided_by_name,
    decidedAt: isoOrNull(i.item.decided_at),
    note: i.item.note,
    chased: i.item.chased,
    canDecide: i.canDecide,
  };
}

export function presentReviewDetail(d: ReviewDetailResult): AccountReviewDetail {
  return { ...presentReviewSummary(d), items: d.items.map(presentReviewItem) };
}

type RequestRef = { id: string; number: string; title: string; status: string };

export function presentHoldings(h: {
  assignedRequests: RequestRef[];
  filedRequests: RequestRef[];
  activeSessions: number;
  apiTokens: number;
}): Holdings {
  const ref = (r: RequestRef) => ({ id: r.id, number: r.number, title: r.title, status: r.status });
  return {
    assignedRequests: h.assignedRequests.map(ref),
    filedRequests: h.filedRequests.map(ref),
    activeSessions: h.activeSessions,
    apiTokens: h.apiTokens,
  };
}

/** A request type as the catalogue shows it: its current definition's texts, form and flow. */
export function presentRequestType(wf: Workflow): RequestTypeInfo {
  const { definition } = wf;
  const graph = toGraph(wf);
  return {
    type: definition.type,
    version: definition.version,
    title: definition.title,
    description: definition.description,
    filing: {
      channels: definition.filing.channels,
      public: definition.filing.public ?? false,
      document: definition.filing.document,
    },
    form: definition.form,
    actions: Object.fromEntries(
      Object.entries(definition.actions).map(([name, a]) => [
        name,
        { label: a.label, description: a.description ?? null },
      ]),
    ),
    graph: { initial: graph.initial, nodes: graph.nodes, edges: graph.edges },
  };
}
