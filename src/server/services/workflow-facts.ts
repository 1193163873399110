import type { Actor } from '../../domain/policies.js';
import type { ActorFacts, Problem, RequestFacts, Workflow } from '../../domain/workflow/index.js';
import { PROBLEM_HTTP_STATUS } from '../../domain/workflow/index.js';
import { DomainError, type ErrorCode } from '../../domain/errors.js';
import type { Executor } from '../../db/database.js';
import { organisationRepository, type OrganisationStructure } from '../../db/repositories/organisation.repository.js';
import { requestRepository } from '../../db/repositories/request.repository.js';
import type { RequestRow } from '../../db/schema.js';
import type { Role } from '../../shared/roles.js';

/** A unit and every unit above it, nearest first. */
function pathUp(unitId: string | null, parents: ReadonlyMap<string, string | null>): string[] {
  const path: string[] = [];
  for (let at = unitId; at && !path.includes(at); at = parents.get(at) ?? null) path.push(at);
  return path;
}

/**
 * The actor as the workflow engine sees them: a role given for no unit counts for the person's
 * own unit, so `{role: requester, scope: business_unit}` means "a requester of that unit".
 */
export function actorFacts(actor: Actor): ActorFacts {
  return { userId: actor.userId, roles: actor.roles.map((r) => ({ role: r.role, unitId: r.unitId ?? actor.unitId })) };
}

/**
 * The facts of a request the engine decides on, gathered from the database (issue 3); `known` passes
 * what the caller has already read in this call (the organisation, the request's files), so it is not read twice.
 */
export async function requestFacts(
  executor: Executor,
  row: Pick<
    RequestRow,
    | 'id'
    | 'type'
    | 'channel'
    | 'unit_id'
    | 'created_by'
    | 'applicant_user_id'
    | 'assignee_id'
    | 'stage_assignee_id'
    | 'created_at'
    | 'application_date'
    | 'wished_date'
    | 'form'
    | 'workflow_data'
  >,
  known: {
    organisation?: OrganisationStructure;
    documents?: ReadonlyArray<{ document: string | null; device: number | null }>;
  } = {},
): Promise<RequestFacts> {
  const {
    units,
    holders: roles,
    workflowUnits,
  } = known.organisation ?? (await organisationRepository.structure(executor));
  const parents = new Map(units.map((u) => [u.id, u.parent_id]));
  const unitPath = pathUp(row.unit_id, parents);
  // Who holds (or deputises) an approver role along the request's unit path: 附件一 skips a
  // sign-off nobody can give.
  const unitRoles = [
    ...new Set(roles.filter((r) => r.unitId !== null && unitPath.includes(r.unitId)).map((r) => r.role)),
  ];
  // The unit that serves requests is the IT section: as set, or where its chief's role is held.
  const documents = known.documents ?? (await requestRepository.attachmentDocuments(executor, row.id));
  const serviceUnit = workflowUnits.serviceUnitId ?? roles.find((r) => r.role === 'it_chief')?.unitId ?? null;
  return {
    id: row.id,
    type: row.type,
    channel: row.channel,
    unitId: row.unit_id,
    unitPath,
    serviceUnitPath: pathUp(serviceUnit, parents),
    businessUnitPath: pathUp(workflowUnits.businessUnitId, parents),
    unitRoles: unitRoles as Role[],
    createdBy: row.created_by,
    applicantUserId: row.applicant_user_id,
    assigneeId: row.assignee_id,
    stageAssigneeId: row.stage_assignee_id,
    createdAt: row.created_at.toISOString(),
    applicationDate: row.application_date,
    wishedDate: row.wished_date,
    attachmentCount: documents.length,
    documents,
    form: row.form,
    data: row.workflow_data,
  };
}

/** The engine's refusals as one API error; `field` names the body field (`form.x`, `fields.x`, `wishedDate`). */
export function workflowError(
  problems: readonly Problem[],
  wf: Workflow,
  fieldsSchema: { properties?: Record<string, unknown> } | null,
): DomainError {
  const status = Math.max(...problems.map((p) => PROBLEM_HTTP_STATUS[p.code]));
  const formProps = (wf.definition.form as { properties?: Record<string, unknown> }).properties ?? {};
  const fieldPath = (p: Problem): string | undefined => {
    if (!p.field) return undefined;
    const head = p.field.split('.')[0]!;
    if (fieldsSchema && (p.code === 'invalid_field' || head in (fieldsSchema.properties ?? {})))
      return `fields.${p.field}`;
    if (head in formProps || (p.code === 'invalid_field' && !fieldsSchema)) return `form.${p.field}`;
    return p.field;
  };
  const code: ErrorCode =
    status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status === 409 ? 'conflict' : 'validation_failed';
  return new DomainError(code, {
    detail: {
      en: problems.map((p) => p.message.en).join('; '),
      zh: problems.map((p) => p.message['zh-TW']).join('；'),
    },
    fields: problems.flatMap((p) => {
      const field = fieldPath(p);
      return field
        ? [
            {
              field,
              in: 'body' as const,
              code: p.reason ?? p.code,
              message: p.message.en,
              message_zh: p.message['zh-TW'],
            },
          ]
        : [];
    }),
  });
}
