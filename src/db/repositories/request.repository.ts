import { sql, type ExpressionBuilder, type Insertable, type Selectable, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { RequestScope } from '../../domain/policies.js';
import { requestNumberStem, SEQUENCE_DIGITS } from '../../domain/request-number.js';
import type {
  EscalationTier,
  RequestEventKind,
  RequestStatus,
  RequestType,
  SlaState,
} from '../../shared/request-vocabulary.js';
import type { Executor } from '../database.js';
import { fixedStatement, type Slots } from '../fixed-statement.js';
import type { Database, RequestClocksTable, RequestEventsTable, RequestRow } from '../schema.js';
import { plannedPerCall } from '../preparable.js';
import {
  auditAppendFilling,
  auditAppendOf,
  auditValues,
  type AuditEntry,
  type AuditValues,
} from './audit.repository.js';
import type { ClockRow } from './clock.repository.js';
import {
  apartFromOrganisation,
  escapeLike,
  organisationColumns,
  type OrganisationStructure,
} from './organisation.repository.js';

/** An instant a JSON part of a row holds as text (`to_json` of a `timestamptz`). */
const dateOrNull = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

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

/**
 * The text the free-text search looks in. It is the expression of the trigram index
 * `requests_search_trgm_idx` (migration 20261123T1000), character for character, so that the
 * planner can use the index for `like` and `ilike`.
 */
const SEARCH_TEXT = sql`(r.number || ' ' || r.title || ' ' || r.description || ' ' || r.applicant_name)`;

/** A list counts its matches up to this many; past it, the total says "more than 10,000". */
export const COUNT_CAP = 10_000;

/**
 * A free-text search counts up to this many: its count rechecks every match it reads in the
 * table, and "1,000+ found" says as much as "50,047 found" (bench/README.md).
 */
export const TEXT_COUNT_CAP = 1_000;

/**
 * How a free-text term is searched: its `like` pattern, whether it has case, and whether the
 * trigram index can find it (pg_trgm extracts trigrams from runs of three or more letters or
 * digits); a term it cannot find is looked up by its characters and pairs of characters
 * (`requests_search_grams_idx`, migration 20261123T1300).
 */
export function textSearchOf(term: string): { pattern: string; caseless: boolean; indexed: boolean } {
  return {
    pattern: `%${escapeLike(term)}%`,
    caseless: term.toLowerCase() === term.toUpperCase(),
    indexed: /[\p{L}\p{N}]{3}/u.test(term),
  };
}

/** `r`'s searched text contains the term (the alias `r` is the request). */
export function searchCondition(term: string) {
  const { pattern, caseless, indexed } = textSearchOf(term);
  // A term without upper or lower case (Chinese, digits) needs no case folding: `like` rechecks
  // the index's candidates several times faster than `ilike`.
  const contains = caseless
    ? sql<boolean>`${SEARCH_TEXT} like ${pattern}`
    : sql<boolean>`${SEARCH_TEXT} ilike ${pattern}`;
  if (indexed) return contains;
  // The text holds every pair of neighbouring characters of the term (its one character, for a
  // term of one): an index lookup of grams (migrations 20261123T1300, 20261123T2100).
  return sql<boolean>`(govdesk_search_grams(${SEARCH_TEXT}) @> govdesk_search_pairs(${term}) and ${contains})`;
}

/** A page size as a literal of the statement's text: a whole number, or an error. */
function pageLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`not a page size: ${limit}`);
  return limit;
}

/**
 * Whether the best plan of a list depends on its values: a person (a requester's scope, "mine", an
 * assignee, "waits for me") or a free-text term matches anything from a handful of requests to a
 * tenth of them, and a generic plan cannot tell which (prepared, a Chinese search ran four times
 * slower, and a requester's page of fifty on PGlite 7 → 26 ms). A state, a type or a unit it can.
 */
function narrowsToValues(scope: RequestScope, filter: RequestFilter): boolean {
  return !scope.all || Boolean(filter.text || filter.mineOf || filter.assigneeId || filter.waitingFor?.length);
}

type From = SelectQueryBuilder<Database & { r: Database['requests'] }, 'r', object>;

function applyScopeAndFilter(query: From, scope: RequestScope, filter: RequestFilter): From {
  let q = query;
  if (!scope.all) {
    const { userId, unitIds } = scope;
    const types = [...(scope.types ?? [])];
    q = q.where((eb: ExpressionBuilder<Database & { r: Database['requests'] }, 'r'>) =>
      eb.or([
        eb('r.created_by', '=', userId),
        eb('r.applicant_user_id', '=', userId),
        eb('r.assignee_id', '=', userId),
        ...(unitIds.length > 0 ? [eb('r.unit_id', 'in', unitIds)] : []),
        ...(types.length > 0 ? [eb('r.type', 'in', types)] : []),
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
  if (filter.text) q = q.where(searchCondition(filter.text));
  return q;
}

/**
 * The columns a list shows of each request (`summaryOf` in src/server/presenters.ts). Not the
 * whole row: its form, workflow state and data are JSON that a page of fifty would read and parse
 * for nothing (issue 7: a queue page on PGlite at 10,000 requests, 5.7–8.0 → 3.8–4.8 ms).
 */
const SUMMARY_COLUMNS = [
  'r.id',
  'r.number',
  'r.type',
  'r.channel',
  'r.status',
  'r.title',
  'r.unit_id',
  'r.applicant_name',
  'r.application_date',
  'r.wished_date',
  'r.assignee_id',
  'r.created_at',
  'r.updated_at',
  'r.priority',
  'r.escalation_tier',
  'r.sla_state',
  'r.sla_due_at',
] as const;

/** An entry of a request's history, as written. */
export type HistoryEntry = {
  kind: RequestEventKind;
  actorId: string | null;
  at: Date;
  fromStatus?: RequestStatus | null;
  toStatus?: RequestStatus | null;
  data?: Record<string, unknown>;
};

/** A clock a filing or a step starts. */
export type NewClock = Insertable<RequestClocksTable>;

/**
 * What a filing's or a step's effects held for the caller to write (`RowHold` in
 * src/server/services/row-hold.ts): the request's new clocks and its history entries, in order.
 */
export type HeldWrites = { history: readonly HistoryEntry[]; clocks: readonly NewClock[] };

const CLOCK_COLUMNS = sql.raw(
  'request_id, request_type, target_key, basis, target_ms, status, consumed_ms, running_since, started_at, due_at, next_check_at',
);

/** History entries as the one JSON parameter `historyInsert` takes. */
function historyJson(history: readonly HistoryEntry[]): string {
  return JSON.stringify(
    history.map((e) => ({
      kind: e.kind,
      actor_id: e.actorId,
      at: e.at,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      data: e.data ?? {},
    })),
  );
}

/**
 * Entries appended to a request's history, numbered after its last one in the order given: one
 * statement (or one part of one) that takes them as one JSON parameter (`historyJson`), so its
 * text is the same however many there are and it is prepared once (issue 7). Every history write
 * goes through it. The values may be a fixed statement's placeholders.
 */
function historyInsert(requestId: string, entries: string) {
  return sql`insert into request_events (request_id, seq, kind, actor_id, at, from_status, to_status, data)
    select ${requestId}::uuid, last.seq + e.ord, e.kind, e.actor_id, e.at, e.from_status, e.to_status, e.data
    from (select coalesce(max(seq), 0) as seq from request_events where request_id = ${requestId}::uuid) as last,
      rows from (json_to_recordset(${entries}::json)
        as (kind text, actor_id uuid, at timestamptz, from_status text, to_status text, data jsonb)) with ordinality
        as e(kind, actor_id, at, from_status, to_status, data, ord)`;
}

/**
 * New clocks, as one part of a statement that takes them as one JSON parameter
 * (`JSON.stringify` of the clocks), as `historyInsert`.
 */
function clocksInsert(clocks: string) {
  return sql`insert into request_clocks (${CLOCK_COLUMNS})
    select ${CLOCK_COLUMNS} from json_populate_recordset(null::request_clocks, ${clocks}::json)`;
}

/** Where a request stands in its workflow after a step. */
export type WorkflowWrite = {
  state: unknown;
  data: Record<string, unknown>;
  status: RequestStatus;
  stage: string | null;
  now: Date;
  closedAt: Date | null;
};

/** The update of a request's row after a step whose effects wrote at once (`setWorkflow`). */
function workflowUpdate(db: Executor, id: string, w: WorkflowWrite, also: DerivedColumns) {
  return db
    .updateTable('requests')
    .set({
      workflow_state: JSON.stringify(w.state),
      workflow_data: JSON.stringify(w.data),
      status: w.status,
      stage: w.stage,
      updated_at: w.now,
      closed_at: w.closedAt,
      ...derivedColumns(also),
    })
    .where('id', '=', id);
}

/** A request's service-level badge and the queue's sort key, from its clocks (SLA-2). */
export type SlaSummary = { state: SlaState; dueAt: Date | null };

const slaColumns = (summary: SlaSummary) => ({ sla_state: summary.state, sla_due_at: summary.dueAt });

/**
 * What a filing or a step derives from its effects, written with its own write of the row: the
 * "waits for" keys, the clocks' summary, and the assignees the effects set (`RowHold`).
 */
export type DerivedColumns = {
  waitingKeys?: readonly string[] | undefined;
  slaSummary?: SlaSummary | undefined;
  assignees?: Pick<RequestRow, 'assignee_id' | 'stage_assignee_id'> | undefined;
};
const derivedColumns = ({ waitingKeys, slaSummary, assignees }: DerivedColumns) => ({
  ...(waitingKeys ? { waiting_keys: [...waitingKeys] } : {}),
  ...(slaSummary ? slaColumns(slaSummary) : {}),
  ...(assignees ? { assignee_id: assignees.assignee_id, stage_assignee_id: assignees.stage_assignee_id } : {}),
});

/** A row read as a JSON part of a statement: its instants arrive as text. */
type AsJson<T> = { [K in keyof T]: Date extends T[K] ? Exclude<T[K], Date> | string : T[K] };

/** A clock read as a JSON part of a statement, in the types of its own query. */
function clockFromJson(k: AsJson<ClockRow>): ClockRow {
  return {
    ...k,
    running_since: dateOrNull(k.running_since),
    started_at: new Date(k.started_at),
    stopped_at: dateOrNull(k.stopped_at),
    due_at: dateOrNull(k.due_at),
    breached_at: dateOrNull(k.breached_at),
    next_check_at: dateOrNull(k.next_check_at),
  };
}

/** What a step reads of a request it has locked, built once (issue 7): {@link requestRepository.lockedParts}. */
const lockedPartsStatement = fixedStatement((db, v: Slots<{ id: string }>) =>
  db.selectNoFrom((eb) => [
    jsonArrayFrom(
      eb.selectFrom('attachments').select(['document', 'device']).where('request_id', '=', v.id).orderBy('ordinal'),
    ).as('documents'),
    jsonArrayFrom(
      eb
        .selectFrom('request_clocks')
        .selectAll()
        .where('request_id', '=', v.id)
        .orderBy('started_at')
        .orderBy('target_key'),
    ).as('clocks'),
  ]),
);

/**
 * Where a page's row, history and clocks are read from: the tables, or, in the statement of a
 * step (`storeStep`), the row as that statement's update returned it (`stepped`) and the history
 * and clocks its inserts returned (`held_history`, `held_clocks`) beside the tables' own: a
 * statement does not see its own writes.
 */
type PageSource = 'tables' | 'step';

/** A request's page: {@link requestRepository.page}. */
function pageQuery(db: Executor, id: string, source: PageSource = 'tables') {
  const step = source === 'step';
  const requests = sql<RequestRow>`${sql.table(step ? 'stepped' : 'requests')}`.as('r');
  const events = step
    ? sql<Selectable<RequestEventsTable>>`(select * from request_events union all select * from held_history)`.as('e')
    : sql<Selectable<RequestEventsTable>>`request_events`.as('e');
  const clocks = step
    ? sql<ClockRow>`(select * from request_clocks union all select * from held_clocks)`.as('k')
    : sql<ClockRow>`request_clocks`.as('k');
  return db
    .selectFrom(requests)
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('users as c', 'c.id', 'r.created_by')
    .leftJoin('users as a', 'a.id', 'r.assignee_id')
    .selectAll('r')
    .select((eb) => [
      'u.name as unit_name',
      'c.display_name as created_by_name',
      'a.display_name as assignee_name',
      jsonArrayFrom(
        eb
          .selectFrom(events)
          .leftJoin('users as eu', 'eu.id', 'e.actor_id')
          .selectAll('e')
          .select('eu.display_name as actor_name')
          .whereRef('e.request_id', '=', 'r.id')
          .orderBy('e.seq'),
      ).as('page_history'),
      jsonArrayFrom(
        eb
          .selectFrom('comments as cm')
          .innerJoin('users as cu', 'cu.id', 'cm.author_id')
          .selectAll('cm')
          .select('cu.display_name as author_name')
          .whereRef('cm.request_id', '=', 'r.id')
          .orderBy('cm.ordinal'),
      ).as('page_comments'),
      jsonArrayFrom(
        eb
          .selectFrom('attachments as f')
          .innerJoin('users as fu', 'fu.id', 'f.uploaded_by')
          .selectAll('f')
          .select('fu.display_name as uploaded_by_name')
          .whereRef('f.request_id', '=', 'r.id')
          .orderBy('f.ordinal'),
      ).as('page_attachments'),
      jsonArrayFrom(
        eb
          .selectFrom(clocks)
          .selectAll('k')
          .whereRef('k.request_id', '=', 'r.id')
          .orderBy('k.started_at')
          .orderBy('k.target_key'),
      ).as('page_clocks'),
      jsonObjectFrom(
        eb.selectFrom('requests as p').select(['p.id', 'p.number']).whereRef('p.id', '=', 'r.previous_request_id'),
      ).as('page_previous'),
      jsonArrayFrom(
        eb
          .selectFrom('requests as n')
          .select(['n.id', 'n.number'])
          .whereRef('n.previous_request_id', '=', 'r.id')
          .orderBy('n.created_at'),
      ).as('page_reapplications'),
    ])
    .where('r.id', '=', id);
}

/** Built once (issue 7), as are the two below. */
const pageStatement = fixedStatement((db, v: Slots<{ id: string }>) => pageQuery(db, v.id));

/** A request's page and the organisation: {@link requestRepository.pageWithOrganisation}. */
const pageAndOrganisationStatement = fixedStatement((db, v: Slots<{ id: string; now: Date }>) =>
  pageQuery(db, v.id).select(organisationColumns(v.now)),
);

/** A request locked, and the organisation: {@link requestRepository.lockWithOrganisation}. */
const lockAndOrganisationStatement = fixedStatement((db, v: Slots<{ id: string; now: Date }>) =>
  db.selectFrom('requests').selectAll().select(organisationColumns(v.now)).where('id', '=', v.id).forUpdate('requests'),
);

/** A request's page as its statement gives it: the row and names, and its parts as JSON. */
type PageRow = Awaited<ReturnType<typeof pageStatement>>[number];

/** A request's page: {@link requestRepository.page}, or a filing's own (`insertNumbered`). */
export type RequestPage = ReturnType<typeof pageOf>;

/** A page's parts read back from JSON into the types of their own queries. */
function pageOf(row: PageRow) {
  const { page_history, page_comments, page_attachments, page_clocks, page_previous, page_reapplications, ...request } =
    row;
  return {
    row: request,
    history: page_history.map((e) => ({ ...e, at: new Date(e.at) })),
    comments: page_comments.map((c) => ({ ...c, created_at: new Date(c.created_at) })),
    attachments: page_attachments.map((f) => ({ ...f, created_at: new Date(f.created_at) })),
    clocks: page_clocks.map(clockFromJson),
    previous: page_previous,
    reapplications: page_reapplications,
  };
}

/**
 * What a step stores with its workflow state (`storeStep`): all it derives, each as its effects
 * left it or as the row had it before (the step's statement is one text whatever changed).
 */
export type StepColumns = {
  waitingKeys: readonly string[];
  slaSummary: SlaSummary;
  assignees: Pick<RequestRow, 'assignee_id' | 'stage_assignee_id'>;
};

/** What a step's statement is handed: the request, its clocks and history as JSON, its row's new columns, its audit record. */
type StepValues = AuditValues & {
  id: string;
  clocks: string;
  history: string;
  workflowState: string;
  workflowData: string;
  status: RequestStatus;
  stage: string | null;
  now: Date;
  closedAt: Date | null;
  waitingKeys: string[];
  slaState: SlaState;
  slaDueAt: Date | null;
  assigneeId: string | null;
  stageAssigneeId: string | null;
};

/**
 * A step's one statement (`requestRepository.storeStep`), built and compiled once (issue 7): its
 * held clocks and history, the update of its row, and the page as the step leaves it, read over
 * those writes and the tables (`pageQuery`), with the audit record appended last.
 */
const stepStatement = fixedStatement((db, v: Slots<StepValues>) => {
  const update = db
    .updateTable('requests')
    .set({
      workflow_state: v.workflowState,
      workflow_data: v.workflowData,
      status: v.status,
      stage: v.stage,
      updated_at: v.now,
      closed_at: v.closedAt,
      waiting_keys: v.waitingKeys,
      sla_state: v.slaState,
      sla_due_at: v.slaDueAt,
      assignee_id: v.assigneeId,
      stage_assignee_id: v.stageAssigneeId,
    })
    .where('id', '=', v.id)
    .returningAll();
  const page = pageQuery(db, v.id, 'step').select(auditAppendOf(v).as('audit_id'));
  return sql<PageRow & { audit_id: number }>`with held_clocks as (${clocksInsert(v.clocks)} returning *),
    held_history as (${historyInsert(v.id, v.history)} returning *),
    stepped as (${update})
    ${page}`;
});

/** Requests, their numbers, history, comments and attachments. */
export const requestRepository = {
  /**
   * Stores a filing's row with its year's next number, in one statement, last in its transaction
   * (a filing writes its row once): the counter's row stays locked until the transaction ends, so
   * concurrent filings queue and a rolled-back filing gives its number back (no gaps, no twins).
   * The number is the year's stem and the sequence with at least `SEQUENCE_DIGITS` digits, as
   * `formatRequestNumber` writes it. `row` is the filing as its effects left it in memory (its
   * number there is provisional and not stored); `held`, the clocks and history they held, written
   * by the same statement; `also`, what they derived. Those clocks and that history point at a row
   * the statement inserts: every reference to a request is checked at the commit (migration
   * 20261124T2200). The same statement appends `record` to the audit chain, its data completed
   * with the number (`auditAppendFilling`), so the chain's lock too is held from here. It returns
   * the request's page as stored, for the filing's response: the row, its clocks and its history
   * come back from the writes themselves, with the names they point at (a new request has no
   * comments, files or applications that repeat it yet), so the response reads no page of its own.
   */
  async insertNumbered(
    db: Executor,
    row: RequestRow,
    held: HeldWrites,
    numbering: { prefix: string; rocYear: number },
    also: DerivedColumns,
    record: AuditEntry,
  ): Promise<RequestPage> {
    const { prefix, rocYear } = numbering;
    const stem = requestNumberStem(prefix, rocYear);
    const { number: _provisional, workflow_state, workflow_data, form, ...columns } = row;
    const counter = db
      .insertInto('request_number_counters')
      .values({ prefix, year: rocYear, last_value: 1 })
      .onConflict((oc) =>
        oc.columns(['prefix', 'year']).doUpdateSet({ last_value: sql`request_number_counters.last_value + 1` }),
      )
      .returning('last_value');
    const insert = db
      .insertInto('requests')
      .values({
        ...columns,
        workflow_state: JSON.stringify(workflow_state),
        workflow_data: JSON.stringify(workflow_data),
        form: JSON.stringify(form),
        ...derivedColumns(also),
        number: sql<string>`(select ${stem} || lpad(counter.last_value::text, greatest(${sql.lit(SEQUENCE_DIGITS)}, length(counter.last_value::text)), '0') from counter)`,
      })
      .returningAll();
    const audited = auditAppendFilling(record, 'number', sql<string>`filed.number`);
    const { rows } = await sql<Omit<PageRow, 'page_comments' | 'page_attachments' | 'page_reapplications'>>`
      with held_clocks as (${clocksInsert(JSON.stringify(held.clocks))} returning *),
        held_history as (${historyInsert(row.id, historyJson(held.history))} returning *),
        counter as (${counter}),
        filed as (${insert})
      select filed.*, u.name as unit_name, c.display_name as created_by_name, a.display_name as assignee_name,
        (select coalesce(json_agg(h order by h.seq), '[]') from (
          select e.*, eu.display_name as actor_name from held_history e left join users eu on eu.id = e.actor_id) h
        ) as page_history,
        (select coalesce(json_agg(k order by k.started_at, k.target_key), '[]') from held_clocks k) as page_clocks,
        (select json_build_object('id', p.id, 'number', p.number) from requests p
          where p.id = filed.previous_request_id) as page_previous,
        ${audited} as audit_id
      from filed
        join units u on u.id = filed.unit_id
        left join users c on c.id = filed.created_by
        left join users a on a.id = filed.assignee_id`.execute(db);
    const stored = rows[0];
    if (!stored) throw new Error('the filing was not stored');
    const { audit_id: _audit, ...page } = stored as typeof stored & { audit_id: number };
    return pageOf({ ...page, page_comments: [], page_attachments: [], page_reapplications: [] });
  },

  /** Reads a request and locks it until the transaction ends, so its history stays in order. */
  lock(db: Executor, id: string) {
    return db.selectFrom('requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /**
   * Locks a request as `lock`, and reads the organisation at `now` in the same statement (a step:
   * issue 7). The organisation is read as the statement starts, so as it was before any wait for
   * the lock: as when it was its own statement before the lock. Undefined for a request that does
   * not exist.
   */
  async lockWithOrganisation(
    db: Executor,
    id: string,
    now: Date,
  ): Promise<{ row: RequestRow; organisation: OrganisationStructure } | undefined> {
    const [locked] = await lockAndOrganisationStatement(db, { id, now });
    if (!locked) return undefined;
    const [row, organisation] = apartFromOrganisation(locked);
    return { row, organisation };
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

  /**
   * A request's page in one statement (issue 7: it was six): the row with its unit's and people's
   * names, its history, comments, files (without their content), SLA clocks, and the application
   * it repeats and those that repeat it. The parts come as JSON, their instants as text: read
   * back into the types of their own queries here.
   */
  async page(db: Executor, id: string): Promise<RequestPage | undefined> {
    const [row] = await pageStatement(db, { id });
    return row ? pageOf(row) : undefined;
  },

  /**
   * A request's page and the organisation at `now` (`organisationRepository.structure`), in one
   * statement: what a request page reads (issue 7: two). Undefined for a request that does not
   * exist.
   */
  async pageWithOrganisation(
    db: Executor,
    id: string,
    now: Date,
  ): Promise<{ page: RequestPage; organisation: OrganisationStructure } | undefined> {
    const [row] = await pageAndOrganisationStatement(db, { id, now });
    if (!row) return undefined;
    const [page, organisation] = apartFromOrganisation(row);
    return { page: pageOf(page), organisation };
  },

  /**
   * A page of the requests in scope that match the filter, and their total: exact up to
   * COUNT_CAP (TEXT_COUNT_CAP with a free-text term), a lower bound (`totalCapped`) past it.
   *
   * A list narrowed by state, type or unit only (an agent's queue) is one prepared statement, with
   * the count in each row (`matches`; issue 7: two statements before). Its count walks an index,
   * so counting a short page's few matches as well costs little. A list narrowed to a person or a
   * text ({@link narrowsToValues}) is planned per call and counts in a statement of its own, only
   * when its page is full: its count repeats the search. So does a page past the last match,
   * which has no row to carry the count.
   */
  async list(
    db: Executor,
    scope: RequestScope,
    filter: RequestFilter,
    page: { sort: RequestSort; offset: number; limit: number },
  ) {
    const [column, direction] = SORTS[page.sort];
    const base = applyScopeAndFilter(db.selectFrom('requests as r') as unknown as From, scope, filter);
    const perCall = narrowsToValues(scope, filter);
    // Counting stops after cap + 1 matches: a count is never a walk over a million rows.
    const cap = filter.text ? TEXT_COUNT_CAP : COUNT_CAP;
    const matches = base.select(sql<number>`1`.as('one')).limit(cap + 1);
    const counted = sql<number | null>`(select count(*) from (${matches}) as m)`;
    // The rows keep their `matches`: taking it out of fifty rows (`{ matches, ...row }`) took a
    // fifth of the list's time on PGlite (0.25 of 1.26 ms).
    const rows = await base
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .leftJoin('users as a', 'a.id', 'r.assignee_id')
      .select([...SUMMARY_COLUMNS, 'u.name as unit_name', 'a.display_name as assignee_name'])
      .select((perCall ? sql<number | null>`null` : counted).as('matches'))
      .orderBy(column, direction)
      .orderBy('r.id')
      // The page size in the text and no offset on the first page: given `limit $1` the planner
      // cannot see that a page is fifty rows, costs a generic plan for a tenth of the table, and
      // so plans every call anew (issue 7: 50 custom plans of 50 calls on PGlite).
      .$if(page.offset > 0, (q) => q.offset(page.offset))
      .limit(sql.lit(pageLimit(page.limit)))
      .$if(perCall, (q) => q.modifyEnd(plannedPerCall))
      .execute();
    // A short last page (or an empty first one) is its own count.
    if (rows.length < page.limit && (rows.length > 0 || page.offset === 0)) {
      return { rows, total: page.offset + rows.length, totalCapped: false };
    }
    const n = Number(
      rows[0]?.matches ??
        (
          await db
            .selectFrom(matches.as('m'))
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .$if(perCall, (q) => q.modifyEnd(plannedPerCall))
            .executeTakeFirstOrThrow()
        ).n,
    );
    // Never less than the rows shown (a capped count of a page past the cap); a page past the
    // last match shows none.
    const shown = rows.length > 0 ? page.offset + rows.length : 0;
    const total = Math.max(Math.min(n, cap), shown);
    return { rows, total, totalCapped: n > cap };
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

  /** Every file of a request as the workflow rules see it: which document it is, for which device. */
  /** The returned request a request applies again for, and the requests applying again for it (issue 6). */
  async relatedApplications(db: Executor, row: { id: string; previous_request_id: string | null }) {
    const previous = row.previous_request_id
      ? await db
          .selectFrom('requests')
          .select(['id', 'number'])
          .where('id', '=', row.previous_request_id)
          .executeTakeFirst()
      : undefined;
    const reapplications = await db
      .selectFrom('requests')
      .select(['id', 'number'])
      .where('previous_request_id', '=', row.id)
      .orderBy('created_at')
      .execute();
    return { previous: previous ?? null, reapplications };
  },

  /**
   * What a step reads of a request after locking it, in one statement: its files' documents (for
   * its facts) and its clocks. Read after the lock, not with it: a statement that waited for the
   * lock sees the rows as they were when it began, not as the step before it left them.
   */
  async lockedParts(db: Executor, id: string) {
    const [row] = await lockedPartsStatement(db, { id });
    if (!row) throw new Error('the locked parts statement returned no row');
    return { documents: row.documents, clocks: row.clocks.map(clockFromJson) };
  },

  attachmentDocuments(
    db: Executor,
    requestId: string,
  ): Promise<Array<{ document: string | null; device: number | null }>> {
    return db
      .selectFrom('attachments')
      .select(['document', 'device'])
      .where('request_id', '=', requestId)
      .orderBy('ordinal')
      .execute();
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

  /**
   * A step's new workflow state; with `also`, in the same update, the "waits for" keys and the
   * service-level summary the step's effects left.
   */
  setWorkflow(db: Executor, id: string, w: WorkflowWrite, also: DerivedColumns = {}): Promise<unknown> {
    return workflowUpdate(db, id, w, also).execute();
  },

  /**
   * A step whose effects kept the facts, stored in one statement (issue 7: three): the clocks and
   * history entries it held (`RowHold`), its workflow state with what its effects derived (one
   * update of the row), and its audit record. Last in its transaction: the audit chain's lock is
   * held from here to the commit. It returns the request's page as the step leaves it, for the
   * step's response (`pageQuery` over the statement's own writes and the tables), so the response
   * reads no page of its own.
   */
  async storeStep(
    db: Executor,
    id: string,
    held: HeldWrites,
    w: WorkflowWrite,
    also: StepColumns,
    record: AuditEntry,
  ): Promise<RequestPage> {
    const [stored] = await stepStatement(db, {
      id,
      clocks: JSON.stringify(held.clocks),
      history: historyJson(held.history),
      workflowState: JSON.stringify(w.state),
      workflowData: JSON.stringify(w.data),
      status: w.status,
      stage: w.stage,
      now: w.now,
      closedAt: w.closedAt,
      waitingKeys: [...also.waitingKeys],
      slaState: also.slaSummary.state,
      slaDueAt: also.slaSummary.dueAt,
      assigneeId: also.assignees.assignee_id,
      stageAssigneeId: also.assignees.stage_assignee_id,
      ...auditValues(record),
    });
    // The request is locked, so its row is there: one row, and the audit record appended with it.
    if (!stored) throw new Error('the step was not stored');
    const { audit_id: _audit, ...row } = stored;
    return pageOf(row);
  },

  setAssignee(db: Executor, id: string, assigneeId: string | null, now: Date): Promise<unknown> {
    return db.updateTable('requests').set({ assignee_id: assigneeId, updated_at: now }).where('id', '=', id).execute();
  },

  setSlaSummary(db: Executor, id: string, summary: SlaSummary): Promise<unknown> {
    return db.updateTable('requests').set(slaColumns(summary)).where('id', '=', id).execute();
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
  async appendEvent(db: Executor, { requestId, ...entry }: HistoryEntry & { requestId: string }): Promise<void> {
    await requestRepository.appendEvents(db, requestId, [entry]);
  },

  /** Appends entries to one request's history, in order, in one statement; the caller holds the request's lock. */
  async appendEvents(db: Executor, requestId: string, events: readonly HistoryEntry[]): Promise<void> {
    if (events.length > 0) await historyInsert(requestId, historyJson(events)).execute(db);
  },

  insertComment(db: Executor, c: { requestId: string; authorId: string; body: string; at: Date }) {
    return db
      .insertInto('comments')
      .values({ request_id: c.requestId, author_id: c.authorId, body: c.body, created_at: c.at })
      .returningAll()
      .executeTakeFirstOrThrow();
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
      document?: string | null;
      device?: number | null;
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
        document: a.document ?? null,
        device: a.device ?? null,
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

  async deleteAttachment(db: Executor, requestId: string, attachmentId: string): Promise<void> {
    await db.deleteFrom('attachments').where('id', '=', attachmentId).where('request_id', '=', requestId).execute();
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
