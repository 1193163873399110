import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import {
  HANDLER_ROLES,
  abilitiesOf,
  canAssign,
  canAttachTo,
  canCommentOn,
  canViewRequest,
  filingRefusal,
  requestScopeOf,
  type Actor,
  type RequestAccessFacts,
} from '../../domain/policies.js';
import { provisionalNumber, rocYearOf } from '../../domain/request-number.js';
import { localDateOf } from '../../domain/calendar/working-time.js';
import {
  activeStateIds,
  applyAction,
  availableActions,
  fieldsSchemaOf,
  initialState,
  pendingActions,
  waitingKeys,
  actorKeys,
  type Effect,
  type RequestFacts,
  type Workflow,
  type WorkflowState,
} from '../../domain/workflow/index.js';
import { newId } from '../../db/ids.js';
import { auditRepository, type AuditEntry } from '../../db/repositories/audit.repository.js';
import { organisationRepository, type OrganisationStructure } from '../../db/repositories/organisation.repository.js';
import {
  requestRepository,
  type HistoryEntry,
  type RequestFilter,
  type RequestPage,
  type RequestSort,
} from '../../db/repositories/request.repository.js';
import { throttleRepository } from '../../db/repositories/throttle.repository.js';
import type { Executor } from '../../db/database.js';
import type { RequestRow, UnitRow } from '../../db/schema.js';
import type { RequestCreate } from '../../shared/api/request.schema.js';
import {
  APPLICATION_DOCUMENTS,
  DC_SEVERITY_LABELS,
  DC_TEST_LABELS,
  DC_TESTS,
  FAILING_SEVERITIES,
  reportOf,
} from '../../shared/data-centre.js';
import { readScanExport } from '../../shared/scan-export.js';
import { ESCALATION_TIERS, FINAL_STATUSES } from '../../shared/request-vocabulary.js';
import type { Origin, ServiceContext } from './context.js';
import type { NotificationService } from './notification.service.js';
import type { SlaService } from './sla.service.js';
import type { CalendarService } from './calendar.service.js';
import { heldNotices, keepsFacts, type WorkflowEffects } from './workflow-effects.js';
import { rowHold, type RowHold } from './row-hold.js';
import { actorFacts, requestFacts, workflowError } from './workflow-facts.js';
import type { WorkflowService } from './workflow.service.js';
import { renderRequestForm } from '../documents/request-forms.js';
import { printableRequest } from '../documents/printable.js';

export type NewRequest = Required<RequestCreate>;

/** The public application page: at most this many applications per address per hour. */
const PUBLIC_FORM = '(public application)';
const PUBLIC_LIMIT = 5;
const PUBLIC_WINDOW_MS = 60 * 60 * 1000;
export type UploadedFile = { fileName: string; contentType: string; content: Buffer };

const facts = (r: RequestRow): RequestAccessFacts => ({
  unitId: r.unit_id,
  createdBy: r.created_by,
  applicantUserId: r.applicant_user_id,
  assigneeId: r.assignee_id,
  status: r.status,
  type: r.type,
});

/**
 * A file labelled as a document of a data-centre application (issue 6): only on such an
 * application, per device for the device documents, for a device the form lists.
 */
function checkDocumentLabel(row: RequestRow, label: { document: string | null; device: number | null }): void {
  if (row.type !== 'dc_equipment') {
    throw DomainError.field(
      'document',
      'not_an_application',
      'Only a data-centre application names its documents',
      '只有機房設備移出入申請需指定文件種類',
    );
  }
  const perApplication = (APPLICATION_DOCUMENTS as readonly string[]).includes(label.document ?? '');
  const devices = Array.isArray(row.form.devices) ? row.form.devices.length : 0;
  if (perApplication && label.device !== null) {
    throw DomainError.field(
      'device',
      'not_per_device',
      'This document belongs to the whole application',
      '此文件屬於整份申請，不需指定設備',
    );
  }
  if (!perApplication && (label.device === null || label.device >= devices)) {
    throw DomainError.field(
      'device',
      label.device === null ? 'required' : 'unknown_device',
      `Name the device (0–${devices - 1}) this document is for`,
      `請指定此文件所屬設備（0–${devices - 1}）`,
    );
  }
}

/**
 * A test report uploaded as a scanner's structured export (Nessus, OpenVAS) must agree with the
 * date and highest finding the form states for that device's test, and show nothing of medium or
 * above (DC-2); any other file (a PDF report) is taken as it is.
 */
function checkScanExport(
  row: RequestRow,
  label: { document: string | null; device: number | null },
  file: UploadedFile,
) {
  const test = DC_TESTS.find((t) => label.document === reportOf(t));
  if (!test || label.device === null || file.content.byteLength > 50 * 1024 * 1024) return;
  const summary = readScanExport(file.content.toString('utf8'));
  if (!summary) return;
  const devices = Array.isArray(row.form.devices) ? (row.form.devices as Array<Record<string, unknown>>) : [];
  const tests = devices[label.device]?.tests as
    Record<string, { date?: unknown; highestSeverity?: unknown }> | undefined;
  const entered = tests?.[test];
  const field = `form.devices.${label.device}.tests.${test}`;
  const zhTest = DC_TEST_LABELS[test]['zh-TW'];
  if (FAILING_SEVERITIES.includes(summary.highestSeverity)) {
    const zhSeverity = DC_SEVERITY_LABELS[summary.highestSeverity]['zh-TW'];
    throw DomainError.field(
      'file',
      'severity_too_high',
      `The uploaded export shows a ${summary.highestSeverity} finding; medium and above must be fixed and scanned again`,
      `上傳之${zhTest}匯出檔顯示有${zhSeverity}弱點，中風險以上須修補後重新檢測`,
    );
  }
  if (entered && (entered.date !== summary.date || entered.highestSeverity !== summary.highestSeverity)) {
    throw DomainError.field(
      'file',
      'export_disagrees',
      `The export (${summary.date ?? 'no date'}, ${summary.highestSeverity}) disagrees with ${field} (${String(entered.date)}, ${String(entered.highestSeverity)})`,
      `上傳之${zhTest}匯出檔（${summary.date ?? '無日期'}，${DC_SEVERITY_LABELS[summary.highestSeverity]['zh-TW']}）與申請單所填不符`,
    );
  }
}

/** Filing, finding and reading requests, and the changes every request type shares. */
export function requestService(
  ctx: ServiceContext,
  deps: {
    sla: SlaService;
    notifications: NotificationService;
    workflows: WorkflowService;
    effects: WorkflowEffects;
    calendar: CalendarService;
  },
) {
  const { db, config } = ctx;
  const { sla, notifications } = deps;
  /** The moment of a step for the engine: the instant, the Taipei date, the office calendar's working days. */
  const moment = async (executor: Executor, now: Date) => {
    const { calendar } = await deps.calendar.load(executor);
    return {
      now: now.toISOString(),
      today: localDateOf(now.getTime()),
      isWorkingDay: (date: string) => calendar.isWorkingDay(date),
    };
  };

  /** The definition a request started with; null for a request filed before workflows. */
  async function workflowOf(executor: Executor, row: RequestRow): Promise<Workflow | null> {
    if (row.workflow_version === null) return null;
    const wf = (await deps.workflows.catalogue(executor)).get(row.type, row.workflow_version);
    if (!wf)
      throw new Error(`request ${row.number} runs on ${row.type}@${row.workflow_version}, which is not published`);
    return wf;
  }
  const stateOf = (row: RequestRow, wf: Workflow): WorkflowState => ({
    type: wf.definition.type,
    version: wf.definition.version,
    value: row.workflow_state as WorkflowState['value'],
  });

  const noticeParams = (row: RequestRow, note?: string) => ({
    number: row.number,
    title: row.title,
    ...(note ? { note } : {}),
  });

  async function scopeOf(executor: Executor, actor: Actor, units?: readonly UnitRow[]) {
    // Whoever sees every request (the desk, the IT section) needs no unit tree: a queue is one
    // statement fewer (issue 7).
    if (abilitiesOf(actor).seeAllRequests) return requestScopeOf(actor, []);
    return requestScopeOf(
      actor,
      (units ?? (await organisationRepository.listUnits(executor))).map((u) => ({ id: u.id, parentId: u.parent_id })),
    );
  }

  /** Locks a request the actor may see; 404 for one they may not (its existence is not disclosed). */
  async function lockVisible(tx: Executor, actor: Actor, id: string): Promise<RequestRow> {
    const row = await requestRepository.lock(tx, id);
    if (!row || !canViewRequest(actor, await scopeOf(tx, actor), facts(row))) throw new DomainError('not_found');
    return row;
  }

  /**
   * As `lockVisible`, reading the organisation at the moment in the same statement (a step needs
   * both: issue 7).
   */
  async function lockVisibleWithOrganisation(tx: Executor, actor: Actor, id: string) {
    const locked = await requestRepository.lockWithOrganisation(tx, id, new Date());
    if (!locked || !canViewRequest(actor, await scopeOf(tx, actor, locked.organisation.units), facts(locked.row))) {
      throw new DomainError('not_found');
    }
    return locked;
  }

  /** Where a request stands in its workflow and what the actor may do there. */
  async function positionOf(actor: Actor, row: RequestRow, known: Parameters<typeof requestFacts>[2]) {
    const wf = await workflowOf(db, row);
    if (!wf) return null;
    const state = stateOf(row, wf);
    const stageAssignee = row.stage_assignee_id
      ? await organisationRepository.findUserById(db, row.stage_assignee_id)
      : undefined;
    return {
      version: wf.definition.version,
      value: state.value,
      active: activeStateIds(state.value).map((id) => ({
        id,
        label: wf.nodes.get(id)?.def.label ?? { 'zh-TW': id, en: id },
      })),
      stage: row.stage,
      stageAssignee: stageAssignee ? { id: stageAssignee.id, displayName: stageAssignee.display_name } : null,
      data: row.workflow_data,
      actions: FINAL_STATUSES.includes(row.status)
        ? []
        : availableActions(wf, state, actorFacts(actor), await requestFacts(db, row, known)),
    };
  }

  /**
   * The request's "waits for" keys after a change (filing, a step, an assignment), from its row as
   * it is now; undefined for a request without a workflow. After effects that changed only the
   * request's row (keepsFacts), the facts gathered before them still hold (`known`), with the
   * assignees as the effects left them; otherwise they are read again.
   */
  async function waitingKeysOf(tx: Executor, row: RequestRow, known?: RequestFacts): Promise<string[] | undefined> {
    const wf = await workflowOf(tx, row);
    if (!wf) return undefined;
    const facts = known
      ? { ...known, assigneeId: row.assignee_id, stageAssigneeId: row.stage_assignee_id, data: row.workflow_data }
      : await requestFacts(tx, row);
    const specs = FINAL_STATUSES.includes(row.status) ? [] : pendingActions(wf, stateOf(row, wf)).flatMap((a) => a.by);
    return waitingKeys(specs, facts);
  }

  /** Keeps the request's "waits for" keys in step after a change, reading its row as now stored. */
  async function refreshWaiting(tx: Executor, id: string): Promise<void> {
    const row = await requestRepository.lock(tx, id);
    const keys = row ? await waitingKeysOf(tx, row) : undefined;
    if (keys) await requestRepository.setWaitingKeys(tx, id, keys);
  }

  /** Applying again links a returned request of the same type that the applicant may see. */
  async function checkPrevious(tx: Executor, actor: Actor, input: NewRequest): Promise<void> {
    const previous = input.previousRequestId ? await requestRepository.find(tx, input.previousRequestId) : undefined;
    if (!previous || !canViewRequest(actor, await scopeOf(tx, actor), facts(previous))) {
      throw DomainError.field('previousRequestId', 'unknown_request', 'No such request', '查無此申請');
    }
    if (previous.type !== input.type || previous.status !== 'rejected') {
      throw DomainError.field(
        'previousRequestId',
        'not_returned',
        'Only a returned request of the same type can be applied for again',
        '只能就同類且已退件（檢還）之申請重新申請',
      );
    }
  }

  /**
   * What `show` reads: the page and the organisation, each unless known, in one statement when
   * neither is (a request page: issue 7).
   */
  async function pageAndOrganisation(id: string, known?: OrganisationStructure, stored?: RequestPage) {
    if (known) return { page: stored ?? (await requestRepository.page(db, id)), organisation: known };
    if (stored) return { page: stored, organisation: await organisationRepository.structure(db) };
    return requestRepository.pageWithOrganisation(db, id, new Date());
  }

  /**
   * A request as the actor sees it (`get`). A filing or a step passes the organisation it read when
   * its effects left accounts and roles alone, so its response reads one statement fewer (issue 7);
   * a filing passes its page too, as its numbering statement returned it.
   */
  async function show(actor: Actor, id: string, known?: OrganisationStructure, stored?: RequestPage) {
    const { page, organisation } = (await pageAndOrganisation(id, known, stored)) ?? {};
    if (!page || !organisation || !canViewRequest(actor, await scopeOf(db, actor, organisation.units), facts(page.row)))
      throw new DomainError('not_found');
    const { row, history, comments, attachments } = page;
    const f = facts(row);
    return {
      row,
      history,
      comments,
      attachments,
      can: {
        comment: canCommentOn(actor, f),
        attach: canAttachTo(actor, f),
        assign: canAssign(actor, f),
      },
      workflow: await positionOf(actor, row, { organisation, documents: attachments }),
      clocks: await sla.clocksOf(row, page.clocks),
      previous: page.previous,
      reapplications: page.reapplications,
    };
  }

  /**
   * A filing's row, built in memory before anything is written: its effects work from it (their
   * changes to it held, `RowHold`), and it is stored last, with its number (`storeFiling`). Until
   * then its number is provisional.
   */
  function filingRow(
    given: Omit<
      RequestRow,
      | 'number'
      | 'assignee_id'
      | 'stage_assignee_id'
      | 'closed_at'
      | 'escalation_tier'
      | 'sla_state'
      | 'sla_due_at'
      | 'waiting_keys'
    >,
  ): RequestRow {
    return {
      ...given,
      number: provisionalNumber(given.id),
      assignee_id: null,
      stage_assignee_id: null,
      closed_at: null,
      escalation_tier: ESCALATION_TIERS[0],
      sla_state: 'none',
      sla_due_at: null,
      waiting_keys: [],
    };
  }

  /**
   * Stores a filing in one statement, last in its transaction: the clocks its effects started,
   * its history (its `created` entry and its effects' entries), its row with its number
   * (000 附件一: `CTSP-115-00001`), its "waits for" keys and what its effects left in it
   * (assignees, the clocks' summary), and its audit `record`, whose data gets the number. The
   * year's counter and the audit chain stay locked from here to the commit (a rolled-back filing
   * gives its number back), so concurrent filings queue only for what follows: the held notices
   * (one statement each).
   */
  async function storeFiling(
    tx: Executor,
    row: RequestRow,
    facts: RequestFacts,
    effects: readonly Effect[],
    hold: RowHold,
    record: AuditEntry,
  ): Promise<RequestPage> {
    // After effects that changed only the request's row, the facts gathered before them hold.
    const waitingKeys = await waitingKeysOf(tx, row, keepsFacts(effects) ? facts : undefined);
    const year = rocYearOf(row.created_at);
    return requestRepository.insertNumbered(
      tx,
      row,
      hold,
      { prefix: config.requestPrefix, rocYear: year },
      { waitingKeys, slaSummary: hold.slaSummary },
      record,
    );
  }

  function requireOpen(row: RequestRow, allowed: boolean): void {
    if (FINAL_STATUSES.includes(row.status)) throw new DomainError('request_closed');
    if (!allowed) throw new DomainError('forbidden');
  }

  return {
    /**
     * Files a request (000 附件一): numbered, with its first history entry and audit record, in one
     * transaction; returns it as the filer now sees it.
     */
    async create(actor: Actor, input: NewRequest, origin: Origin) {
      const refusal = filingRefusal(actor, input);
      if (refusal) {
        throw new DomainError('forbidden', {
          detail: { en: refusal.en, zh: refusal.zh },
          fields: [
            { field: refusal.field, in: 'body', code: 'not_allowed', message: refusal.en, message_zh: refusal.zh },
          ],
        });
      }
      if (input.wishedDate < input.applicationDate) {
        throw DomainError.field(
          'wishedDate',
          'before_application',
          'The wished completion date is before the application date',
          '希望完成日期早於申請日期',
        );
      }
      const now = ctx.now();
      const done = await db.transaction().execute(async (tx) => {
        const organisation = await organisationRepository.structure(tx);
        if (!organisation.units.some((u) => u.id === input.unitId)) {
          throw DomainError.field('unitId', 'unknown_unit', 'No such unit', '查無此單位');
        }
        if (input.applicantUserId && !(await organisationRepository.findUserById(tx, input.applicantUserId))) {
          throw DomainError.field('applicantUserId', 'unknown_user', 'No such user', '查無此使用者');
        }
        const wf = (await deps.workflows.catalogue(tx)).latest(input.type);
        if (!wf) throw DomainError.field('type', 'no_workflow', 'This type has no workflow', '此類申請尚無流程定義');
        if (input.previousRequestId) await checkPrevious(tx, actor, input);
        const draft = {
          id: newId(),
          type: input.type,
          channel: input.channel,
          unit_id: input.unitId,
          applicant_user_id: input.applicantUserId ?? (input.channel === 'web' ? actor.userId : null),
          created_by: actor.userId,
          assignee_id: null,
          stage_assignee_id: null,
          created_at: now,
          application_date: input.applicationDate,
          wished_date: input.wishedDate,
          form: input.form,
          workflow_data: {},
        };
        // A request being filed has no files yet.
        const facts = await requestFacts(tx, draft, { organisation, documents: [] });
        // The definition checks the channel, the type's form and the filing rules (lead times).
        const filed = initialState(wf, facts, await moment(tx, now));
        if (!filed.ok) throw workflowError(filed.problems, wf, null);
        const row = filingRow({
          id: draft.id,
          type: input.type,
          channel: input.channel,
          status: filed.status,
          unit_id: input.unitId,
          applicant_user_id: draft.applicant_user_id,
          applicant_name: input.applicantName,
          applicant_phone: input.applicantPhone,
          application_date: input.applicationDate,
          wished_date: input.wishedDate,
          title: input.title,
          description: input.description,
          priority: input.priority,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
          workflow_version: wf.definition.version,
          workflow_state: filed.state.value,
          workflow_data: filed.data,
          form: input.form,
          stage: filed.stage,
          previous_request_id: input.previousRequestId ?? null,
        });
        const held = heldNotices(deps.notifications);
        const hold = rowHold({
          kind: 'created',
          actorId: actor.userId,
          at: now,
          toStatus: row.status,
          data: {
            channel: row.channel,
            workflow: wf.key,
            state: filed.state.value,
            ...(input.previousRequestId ? { previousRequestId: input.previousRequestId } : {}),
          },
        });
        await deps.effects.perform(tx, row, facts, filed.effects, actor, {
          notices: held.notices,
          holders: organisation.holders,
          clocks: [],
          hold,
        });
        // Last: the year's number and the audit chain stay locked from here to the commit.
        const page = await storeFiling(tx, row, facts, filed.effects, hold, {
          actorId: actor.userId,
          action: 'request.created',
          objectType: 'request',
          objectId: row.id,
          ip: origin.ip,
        });
        await held.release(tx, page.row.number);
        return { page, organisation: keepsFacts(filed.effects) ? organisation : undefined };
      });
      return show(actor, done.page.row.id, done.organisation, done.page);
    },

    /**
     * TYPE-7 (000 §2.7.1, 附件四): a park company or customs broker applies on the public page,
     * without an account. The application goes to the agency; the desk then records the stamped
     * original. Throttled per address.
     */
    async applyPublic(form: Record<string, unknown>, origin: Origin): Promise<{ id: string; number: string }> {
      const now = ctx.now();
      const since = new Date(now.getTime() - PUBLIC_WINDOW_MS);
      if ((await throttleRepository.countFrom(db, origin.ip, PUBLIC_FORM, since)) >= PUBLIC_LIMIT) {
        throw new DomainError('rate_limited', {
          detail: {
            en: 'Too many applications from this address; try again later',
            zh: '此位址申請次數過多，請稍後再試',
          },
        });
      }
      return db.transaction().execute(async (tx) => {
        await throttleRepository.record(tx, origin.ip, PUBLIC_FORM, now);
        const wf = (await deps.workflows.catalogue(tx)).latest('vendor_account');
        if (!wf?.definition.filing.public) throw new DomainError('not_found');
        // The application belongs to the business unit that checks it (工商外貿科), else to the agency.
        const organisation = await organisationRepository.structure(tx);
        const { workflowUnits } = organisation;
        const owner = organisation.units.find((u) =>
          workflowUnits.businessUnitId ? u.id === workflowUnits.businessUnitId : u.kind === 'agency',
        );
        if (!owner) throw new Error('the agency unit is missing');
        const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string).trim() : '');
        const today = localDateOf(now.getTime());
        const draft = {
          id: newId(),
          type: 'vendor_account' as const,
          channel: 'web' as const,
          unit_id: owner.id,
          applicant_user_id: null,
          created_by: null,
          assignee_id: null,
          stage_assignee_id: null,
          created_at: now,
          application_date: today,
          wished_date: today,
          form,
          workflow_data: {},
        };
        const facts = await requestFacts(tx, draft, { organisation, documents: [] });
        const filed = initialState(wf, facts, await moment(tx, now));
        if (!filed.ok) throw workflowError(filed.problems, wf, null);
        const row = filingRow({
          id: draft.id,
          type: draft.type,
          channel: draft.channel,
          status: filed.status,
          unit_id: owner.id,
          applicant_user_id: null,
          applicant_name: text('adminName').slice(0, 100) || '—',
          applicant_phone: text('adminPhone').slice(0, 30) || '—',
          application_date: today,
          wished_date: today,
          title: `${text('companyName').slice(0, 150)} 廠商系統管理者帳號申請`,
          description: `${text('companyName')}（${text('companyCode')}）申請系統管理者帳號：${text('adminName')}`,
          priority: 'normal',
          created_by: null,
          created_at: now,
          updated_at: now,
          workflow_version: wf.definition.version,
          workflow_state: filed.state.value,
          workflow_data: filed.data,
          form,
          stage: filed.stage,
          previous_request_id: null,
        });
        const held = heldNotices(deps.notifications);
        const hold = rowHold({
          kind: 'created',
          actorId: null,
          at: now,
          toStatus: row.status,
          data: { channel: row.channel, workflow: wf.key, state: filed.state.value, public: true },
        });
        await deps.effects.perform(tx, row, facts, filed.effects, null, {
          notices: held.notices,
          holders: organisation.holders,
          clocks: [],
          hold,
        });
        const { number } = (
          await storeFiling(tx, row, facts, filed.effects, hold, {
            actorId: null,
            action: 'request.created',
            objectType: 'request',
            objectId: row.id,
            ip: origin.ip,
            data: { public: true },
          })
        ).row;
        await held.release(tx, number);
        return { id: row.id, number };
      });
    },

    /** The request's printed form (附件一, 附件三 or 附件四) as a PDF; printing is audited like a download. */
    async printForm(actor: Actor, id: string, origin: Origin): Promise<{ number: string; pdf: Buffer }> {
      const row = await requestRepository.find(db, id);
      if (!row || !canViewRequest(actor, await scopeOf(db, actor), facts(row))) throw new DomainError('not_found');
      const wf = await workflowOf(db, row);
      if (!wf) throw new DomainError('not_found');
      const pdf = await renderRequestForm(await printableRequest(db, row), wf);
      await auditRepository.append(db, {
        actorId: actor.userId,
        action: 'request.form_printed',
        objectType: 'request',
        objectId: id,
        ip: origin.ip,
        data: { number: row.number, document: wf.definition.filing.document },
      });
      return { number: row.number, pdf };
    },

    async list(
      actor: Actor,
      filter: RequestFilter & { waitingForMe?: boolean },
      page: { sort: RequestSort; page: number; pageSize: number },
    ) {
      const scope = await scopeOf(db, actor);
      if (filter.waitingForMe) filter = { ...filter, waitingFor: actorKeys(actorFacts(actor)) };
      return requestRepository.list(db, scope, filter, {
        sort: page.sort,
        offset: (page.page - 1) * page.pageSize,
        limit: page.pageSize,
      });
    },

    /** A request with its history, comments and attachments, and what the actor may do with it. */
    get(actor: Actor, id: string) {
      return show(actor, id);
    },

    async comment(actor: Actor, id: string, body: string, origin: Origin) {
      const now = ctx.now();
      return db.transaction().execute(async (tx) => {
        const row = await lockVisible(tx, actor, id);
        requireOpen(row, canCommentOn(actor, facts(row)));
        const comment = await requestRepository.insertComment(tx, {
          requestId: id,
          authorId: actor.userId,
          body,
          at: now,
        });
        await requestRepository.appendEvent(tx, {
          requestId: id,
          kind: 'commented',
          actorId: actor.userId,
          at: now,
          data: { commentId: comment.id },
        });
        await requestRepository.touch(tx, id, now);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'request.commented',
          objectType: 'request',
          objectId: id,
          ip: origin.ip,
          data: { commentId: comment.id },
        });
        return comment.id;
      });
    },

    /** Stores uploaded files: all of them or, when one fails, none. */
    async attach(
      actor: Actor,
      id: string,
      files: UploadedFile[],
      origin: Origin,
      label: { document: string | null; device: number | null } = { document: null, device: null },
    ): Promise<string[]> {
      const now = ctx.now();
      return db.transaction().execute(async (tx) => {
        const row = await lockVisible(tx, actor, id);
        requireOpen(row, canAttachTo(actor, facts(row)));
        if (label.document !== null) {
          checkDocumentLabel(row, label);
          for (const file of files) checkScanExport(row, label, file);
        }
        const ids: string[] = [];
        const audited: AuditEntry[] = [];
        for (const file of files) {
          const sha256 = createHash('sha256').update(file.content).digest('hex');
          const a = await requestRepository.insertAttachment(tx, {
            requestId: id,
            fileName: file.fileName,
            contentType: file.contentType,
            content: file.content,
            sha256,
            uploadedBy: actor.userId,
            at: now,
            document: label.document,
            device: label.device,
          });
          ids.push(a.id);
          await requestRepository.appendEvent(tx, {
            requestId: id,
            kind: 'attachment_added',
            actorId: actor.userId,
            at: now,
            data: { attachmentId: a.id, fileName: a.file_name, size: a.size, document: a.document, device: a.device },
          });
          audited.push({
            actorId: actor.userId,
            action: 'request.attachment_added',
            objectType: 'attachment',
            objectId: a.id,
            ip: origin.ip,
            data: { requestId: id, fileName: a.file_name, sha256 },
          });
        }
        await requestRepository.touch(tx, id, now);
        // Last, after every file is written: the audit chain's lock is held to the commit.
        for (const entry of audited) await auditRepository.append(tx, entry);
        return ids;
      });
    },

    /**
     * Withdraws a file uploaded by mistake: only its uploader, and only while the request still
     * waits for its requester (filed and not yet received, or sent back to them), so nothing anyone
     * has acted on disappears. The history and the audit trail keep its name and hash.
     */
    async removeAttachment(actor: Actor, id: string, attachmentId: string, origin: Origin): Promise<void> {
      const now = ctx.now();
      await db.transaction().execute(async (tx) => {
        const row = await lockVisible(tx, actor, id);
        const file = (await requestRepository.attachments(tx, id)).find((a) => a.id === attachmentId);
        if (!file) throw new DomainError('not_found');
        requireOpen(row, file.uploaded_by === actor.userId);
        if (row.status !== 'submitted' && row.status !== 'waiting') {
          throw new DomainError('conflict', {
            detail: {
              en: 'The request has moved on: its files can no longer be withdrawn',
              zh: '案件已進入處理，附件不能撤回',
            },
          });
        }
        await requestRepository.deleteAttachment(tx, id, attachmentId);
        const facts = { fileName: file.file_name, sha256: file.sha256, document: file.document, device: file.device };
        await requestRepository.appendEvent(tx, {
          requestId: id,
          kind: 'attachment_removed',
          actorId: actor.userId,
          at: now,
          data: { attachmentId, ...facts },
        });
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'request.attachment_removed',
          objectType: 'attachment',
          objectId: attachmentId,
          ip: origin.ip,
          data: { requestId: id, ...facts },
        });
        await requestRepository.touch(tx, id, now);
      });
    },

    /** An attachment's content; every download is audited (SEC-3). */
    async download(actor: Actor, id: string, attachmentId: string, origin: Origin) {
      const row = await requestRepository.find(db, id);
      if (!row || !canViewRequest(actor, await scopeOf(db, actor), facts(row))) throw new DomainError('not_found');
      const file = await requestRepository.attachmentWithContent(db, id, attachmentId);
      if (!file) throw new DomainError('not_found');
      await auditRepository.append(db, {
        actorId: actor.userId,
        action: 'request.attachment_downloaded',
        objectType: 'attachment',
        objectId: attachmentId,
        ip: origin.ip,
        data: { requestId: id },
      });
      return file;
    },

    async assign(actor: Actor, id: string, assigneeId: string | null, origin: Origin): Promise<void> {
      const now = ctx.now();
      await db.transaction().execute(async (tx) => {
        const row = await lockVisible(tx, actor, id);
        requireOpen(row, canAssign(actor, facts(row)));
        let assigneeName: string | null = null;
        if (assigneeId) {
          const user = await organisationRepository.findUserById(tx, assigneeId);
          const roles = user ? await organisationRepository.rolesOf(tx, [user.id]) : [];
          if (!user || user.disabled_at || !roles.some((r) => HANDLER_ROLES.includes(r.role))) {
            throw DomainError.field(
              'assigneeId',
              'not_a_handler',
              'This person cannot be assigned requests',
              '此人員不能被指派處理申請',
            );
          }
          assigneeName = user.display_name;
        }
        if (row.assignee_id === assigneeId) return;
        await requestRepository.setAssignee(tx, id, assigneeId, now);
        await requestRepository.appendEvent(tx, {
          requestId: id,
          kind: 'assigned',
          actorId: actor.userId,
          at: now,
          data: { from: row.assignee_id, to: assigneeId, toName: assigneeName },
        });
        if (assigneeId && assigneeId !== actor.userId) {
          await notifications.notify(tx, [assigneeId], 'action_waiting', id, noticeParams(row));
        }
        await refreshWaiting(tx, id);
        // Last: the audit chain's lock is held from here to the commit.
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'request.assigned',
          objectType: 'request',
          objectId: id,
          ip: origin.ip,
          data: { from: row.assignee_id, to: assigneeId },
        });
      });
    },

    /**
     * Takes a workflow action (issue 3): the definition the request started with decides whether
     * the actor may, checks the fields and rules, and names the next state and the effects, which
     * happen in the same transaction with the history entry and the audit record. Returns the
     * request as the actor sees it after the step.
     */
    async act(actor: Actor, id: string, action: string, fields: Record<string, unknown>, origin: Origin) {
      const now = ctx.now();
      const done = await db.transaction().execute(async (tx) => {
        const { row, organisation } = await lockVisibleWithOrganisation(tx, actor, id);
        const wf = await workflowOf(tx, row);
        if (!wf) {
          throw new DomainError('conflict', {
            detail: { en: 'This request was filed before workflows', zh: '此申請建立於流程定義之前' },
          });
        }
        const { documents, clocks } = await requestRepository.lockedParts(tx, id);
        const facts = await requestFacts(tx, row, { organisation, documents });
        const from = stateOf(row, wf);
        const step = applyAction(wf, from, { action, fields }, actorFacts(actor), facts, await moment(tx, now));
        const definition = Object.hasOwn(wf.definition.actions, action) ? wf.definition.actions[action]! : null;
        if (!step.ok) throw workflowError(step.problems, wf, definition ? fieldsSchemaOf(definition) : null);
        const closedAt = FINAL_STATUSES.includes(step.status) ? now : null;
        const workflow = {
          state: step.state.value,
          data: step.data,
          status: step.status,
          stage: step.stage,
          now,
          closedAt,
        };
        // Effects that change only the request's own row (keepsFacts) work from the row in
        // memory and hold their writes (RowHold): after them, the history is one statement, and
        // the workflow state one update with the "waits for" keys, the clocks' summary and the
        // assignees. Any other effect may read the row, so its state and history go first.
        const keeps = keepsFacts(step.effects);
        if (!keeps) await requestRepository.setWorkflow(tx, id, workflow);
        const transition: HistoryEntry = {
          kind: 'transition',
          actorId: actor.userId,
          at: now,
          fromStatus: row.status,
          toStatus: step.status,
          data: {
            action,
            label: definition?.label,
            from: from.value,
            to: step.state.value,
            toLabels: activeStateIds(step.state.value).map((s) => wf.nodes.get(s)?.def.label),
            fields,
          },
        };
        const hold: RowHold | undefined = keeps ? rowHold(transition) : undefined;
        if (!hold) await requestRepository.appendEvent(tx, { requestId: id, ...transition });
        const updated: RequestRow = {
          ...row,
          status: step.status,
          stage: step.stage,
          workflow_state: step.state.value,
          workflow_data: step.data,
          closed_at: closedAt,
        };
        await deps.effects.perform(tx, updated, { ...facts, data: step.data }, step.effects, actor, {
          holders: organisation.holders,
          clocks,
          ...(hold ? { hold } : {}),
        });
        // Last: the audit chain's lock is held from here to the commit (every write takes it).
        const record: AuditEntry = {
          actorId: actor.userId,
          action: `request.${action}`,
          objectType: 'request',
          objectId: id,
          ip: origin.ip,
          data: { from: from.value, to: step.state.value, status: step.status },
        };
        if (hold) {
          // What the effects left unchanged is written as the locked row had it.
          const derived = {
            waitingKeys: (await waitingKeysOf(tx, updated, facts)) ?? updated.waiting_keys,
            slaSummary: hold.slaSummary ?? { state: updated.sla_state, dueAt: updated.sla_due_at },
            assignees: updated,
          };
          const page = await requestRepository.storeStep(tx, id, hold, workflow, derived, record);
          return { organisation, page };
        }
        await refreshWaiting(tx, id);
        await auditRepository.append(tx, record);
        return undefined;
      });
      // The request after the step, as the actor now sees it.
      return show(actor, id, done?.organisation, done?.page);
    },
  };
}
export type RequestService = ReturnType<typeof requestService>;
