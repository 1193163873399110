import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { RequestScope } from '../../domain/policies.js';
import type {
  EscalationTier,
  RequestEventKind,
  RequestStatus,
  RequestType,
  SlaState,
} from '../../shared/request-vocabulary.js';
import type { Executor } from '../database.js';
import type { Database, NewRequestRow } from '../schema.js';
import { escapeLike } from './organisation.repository.js';

export type RequestFilter = {
  statuses?: RequestStatus[] | undefined;
  types?: RequestType[] | undefined;
  unitId?: string | undefined;
  /** A user id, or null for unassigned requests. */
  assigneeId?: string | null | undefined;
  /** Only requests this user filed or is the applicant of. */
  mineOf?: string | undefined;
  /** Only requests waiting for someone with one of these keys (src/domain/workflow/waiting.ts). */
  waitingFor?: readonly string[] | undefined;
  text?: string | undefined;
};

const SORTS = {
  createdAt: ['r.created_at', 'asc'],
  '-createdAt': ['r.created_at', 'desc'],
  updatedAt: ['r.updated_at', 'asc'],
  '-updatedAt': ['r.updated_at', 'desc'],
  wishedDate: ['r.wished_date', 'asc'],
  '-wishedDate': ['r.wished_date', 'desc'],
  number: ['r.number', 'asc'],
  '-number': ['r.number', 'desc'],
  dueAt: ['r.sla_due_at', 'asc'],
} as const;
export type RequestSort = keyof typeof SORTS;

type From = SelectQueryBuilder<Database & { r: Database['requests'] }, 'r', object>;

function applyScopeAndFilter(query: From, scope: RequestScope, filter: RequestFilter): From {
  let q = query;
  if (!scope.all) {
    const { userId, unitIds } = scope;
    q = q.where((eb: ExpressionBuilder<Database & { r: Database['requests'] }, 'r'>) =>
      eb.or([
        eb('r.created_by', '=', userId),
        eb('r.applicant_user_id', '=', userId),
        eb('r.assignee_id', '=', userId),
        ...(unitIds.length > 0 ? [eb('r.unit_id', 'in', unitIds)] : []),
      ]),
    );
  }
  if (filter.statuses?.length) q = q.where('r.status', 'in', filter.statuses);
  if (filter.types?.length) q = q.where('r.type', 'in', filter.types);
  if (filter.unitId) q = q.where('r.unit_id', '=', filter.unitId);
  if (filter.assigneeId === null) q = q.where('r.assignee_id', 'is', null);
  else if (filter.assigneeId) q = q.where('r.assignee_id', '=', filter.assigneeId);
  if (filter.mineOf) {
    const me = filter.mineOf;
    q = q.where((eb) => eb.or([eb('r.created_by', '=', me), eb('r.applicant_user_id', '=', me)]));
  }
  if (filter.waitingFor) {
    const keys = [...filter.waitingFor];
    q = q.where(sql<boolean>`r.waiting_keys && ${sql.val(keys)}::text[]`);
  }
  if (filter.text) {
    const like = `%${escapeLike(filter.text)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('r.number', 'ilike', like),
        eb('r.title', 'ilike', like),
        eb('r.description', 'ilike', like),
        eb('r.applicant_name', 'ilike', like),
      ]),
    );
  }
  return q;
}

/** Requests, their numbers, history, comments and attachments. */
export const requestRepository = {
  /**
   * The next number of a year. The counter row stays locked until the transaction ends, so
   * concurrent filings queue and a rolled-back filing gives its number back: no gaps, no twins.
   */
  async nextSequence(db: Executor, prefix: string, year: number): Promise<number> {
    const row = await db
      .insertInto('request_number_counters')
      .values({ prefix, year, last_value: 1 })
      .onConflict((oc) =>
        oc.columns(['prefix', 'year']).doUpdateSet({
          last_value: sql`request_number_counters.last_value + 1`,
        }),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return row.last_value;
  },

  insert(db: Executor, row: NewRequestRow) {
    return db.insertInto('requests').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** Reads a request and locks it until the transaction ends, so its history stays in order. */
  lock(db: Executor, id: string) {
    return db.selectFrom('requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  find(db: Executor, id: string) {
    return db
      .selectFrom('requests as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .leftJoin('users as c', 'c.id', 'r.created_by')
      .leftJoin('users as a', 'a.id', 'r.assignee_id')
      .selectAll('r')
      .select(['u.name as unit_name', 'c.display_name as created_by_name', 'a.display_name as assignee_name'])
      .where('r.id', '=', id)
      .executeTakeFirst();
  },

  async list(
    db: Executor,
    scope: RequestScope,
    filter: RequestFilter,
    page: { sort: RequestSort; offset: number; limit: number },
  ) {
    const [column, direction] = SORTS[page.sort];
    const base = applyScopeAndFilter(db.selectFrom('requests as r') as unknown as From, scope, filter);
    const rows = await base
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .leftJoin('users as a', 'a.id', 'r.assignee_id')
      .selectAll('r')
      .select(['u.name as unit_name', 'a.display_name as assignee_name'])
      .orderBy(column, direction)
      .orderBy('r.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  },

  /** Open requests a person works on or asked for: what they still hold when they leave. */
  openRequestsOf(db: Executor, userId: string, as: 'assignee' | 'requester') {
    let q = db
      .selectFrom('requests')
      .select(['id', 'number', 'title', 'status'])
      .where('status', 'not in', ['closed', 'rejected', 'cancelled']);
    q =
      as === 'assignee'
        ? q.where('assignee_id', '=', userId)
        : q.where((eb) => eb.or([eb('created_by', '=', userId), eb('applicant_user_id', '=', userId)]));
    return q.orderBy('created_at', 'desc').limit(200).execute();
  },

  countAttachments(db: Executor, requestId: string): Promise<number> {
    return db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  setWaitingKeys(db: Executor, id: string, keys: readonly string[]): Promise<unknown> {
    return db
      .updateTable('requests')
      .set({ waiting_keys: [...keys] })
      .where('id', '=', id)
      .execute();
  },

  setStageAssignee(db: Executor, id: string, userId: string | null, now: Date): Promise<unknown> {
    return db
      .updateTable('requests')
      .set({ stage_assignee_id: userId, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  /** Stores where a request stands in its workflow after a step. */
  setWorkflow(
    db: Executor,
    id: string,
    w: {
      state: unknown;
      data: Record<string, unknown>;
      status: RequestStatus;
      stage: string | null;
      now: Date;
      closedAt: Date | null;
    },
  ): Promise<unknown> {
    return db
      .updateTable('requests')
      .set({
        workflow_state: JSON.stringify(w.state),
        workflow_data: JSON.stringify(w.data),
        status: w.status,
        stage: w.stage,
        updated_at: w.now,
        closed_at: w.closedAt,
      })
      .where('id', '=', id)
      .execute();
  },

  setAssignee(db: Executor, id: string, assigneeId: string | null, now: Date): Promise<unknown> {
    return db.updateTable('requests').set({ assignee_id: assigneeId, updated_at: now }).where('id', '=', id).execute();
  },

  setSlaSummary(db: Executor, id: string, state: SlaState, dueAt: Date | null): Promise<unknown> {
    return db.updateTable('requests').set({ sla_state: state, sla_due_at: dueAt }).where('id', '=', id).execute();
  },

  setEscalationTier(db: Executor, id: string, tier: EscalationTier, now: Date): Promise<unknown> {
    return db.updateTable('requests').set({ escalation_tier: tier, updated_at: now }).where('id', '=', id).execute();
  },

  setStatus(db: Executor, id: string, status: RequestStatus, now: Date, closedAt: Date | null): Promise<unknown> {
    return db
      .updateTable('requests')
      .set({ status, updated_at: now, closed_at: closedAt })
      .where('id', '=', id)
      .execute();
  },

  touch(db: Executor, id: string, now: Date): Promise<unknown> {
    return db.updateTable('requests').set({ updated_at: now }).where('id', '=', id).execute();
  },

  /** Appends an entry to the request's history; the caller holds the request's lock. */
  async appendEvent(
    db: Executor,
    event: {
      requestId: string;
      kind: RequestEventKind;
      actorId: string | null;
      at: Date;
      fromStatus?: RequestStatus | null;
      toStatus?: RequestStatus | null;
      data?: Record<string, unknown>;
    },
  ): Promise<void> {
    await db
      .insertInto('request_events')
      .values((eb) => ({
        request_id: event.requestId,
        seq: eb
          .selectFrom('request_events')
          .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
          .where('request_id', '=', event.requestId),
        kind: event.kind,
        actor_id: event.actorId,
        at: event.at,
        from_status: event.fromStatus ?? null,
        to_status: event.toStatus ?? null,
        data: JSON.stringify(event.data ?? {}),
      }))
      .execute();
  },

  history(db: Executor, requestId: string) {
    return db
      .selectFrom('request_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .selectAll('e')
      .select('u.display_name as actor_name')
      .where('e.request_id', '=', requestId)
      .orderBy('e.seq')
      .execute();
  },

  insertComment(db: Executor, c: { requestId: string; authorId: string; body: string; at: Date }) {
    return db
      .insertInto('comments')
      .values({ request_id: c.requestId, author_id: c.authorId, body: c.body, created_at: c.at })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  comments(db: Executor, requestId: string) {
    return db
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .selectAll('c')
      .select('u.display_name as author_name')
      .where('c.request_id', '=', requestId)
      .orderBy('c.ordinal')
      .execute();
  },

  async insertAttachment(
    db: Executor,
    a: {
      requestId: string;
      fileName: string;
      contentType: string;
      content: Uint8Array;
      sha256: string;
      uploadedBy: string;
      at: Date;
    },
  ) {
    const row = await db
      .insertInto('attachments')
      .values({
        request_id: a.requestId,
        file_name: a.fileName,
        content_type: a.contentType,
        size: a.content.byteLength,
        sha256: a.sha256,
        uploaded_by: a.uploadedBy,
        created_at: a.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await db.insertInto('attachment_contents').values({ attachment_id: row.id, content: a.content }).execute();
    return row;
  },

  attachments(db: Executor, requestId: string) {
    return db
      .selectFrom('attachments as a')
      .innerJoin('users as u', 'u.id', 'a.uploaded_by')
      .selectAll('a')
      .select('u.display_name as uploaded_by_name')
      .where('a.request_id', '=', requestId)
      .orderBy('a.ordinal')
      .execute();
  },

  attachmentWithContent(db: Executor, requestId: string, attachmentId: string) {
    return db
      .selectFrom('attachments as a')
      .innerJoin('attachment_contents as c', 'c.attachment_id', 'a.id')
      .selectAll('a')
      .select('c.content')
      .where('a.id', '=', attachmentId)
      .where('a.request_id', '=', requestId)
      .executeTakeFirst();
  },
};
