import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import {
  HANDLER_ROLES,
  canAssign,
  canAttachTo,
  canCommentOn,
  canViewRequest,
  filingRefusal,
  requestScopeOf,
  type Actor,
  type RequestAccessFacts,
} from '../../domain/policies.js';
import { formatRequestNumber, rocYearOf } from '../../domain/request-number.js';
import { localDateOf } from '../../domain/calendar/working-time.js';
import { earliestWishedDate, LEAD_TIMES } from '../../domain/sla/sla-policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { requestRepository, type RequestFilter, type RequestSort } from '../../db/repositories/request.repository.js';
import type { Executor } from '../../db/database.js';
import type { RequestRow } from '../../db/schema.js';
import type { RequestCreate } from '../../shared/api/request.schema.js';
import { FINAL_STATUSES } from '../../shared/request-vocabulary.js';
import { availableActions, isHandler, LIFECYCLE_ACTIONS, type LifecycleAction } from '../../domain/lifecycle.js';
import type { RequestStatus } from '../../shared/request-vocabulary.js';
import type { Origin, ServiceContext } from './context.js';
import type { NotificationService } from './notification.service.js';
import type { SlaService } from './sla.service.js';

export type NewRequest = Required<RequestCreate>;
export type UploadedFile = { fileName: string; contentType: string; content: Buffer };

const facts = (r: RequestRow): RequestAccessFacts => ({
  unitId: r.unit_id,
  createdBy: r.created_by,
  applicantUserId: r.applicant_user_id,
  assigneeId: r.assignee_id,
  status: r.status,
});

/** Filing, finding and reading requests, and the changes every request type shares. */
export function requestService(ctx: ServiceContext, deps: { sla: SlaService; notifications: NotificationService }) {
  const { db, config } = ctx;
  const { sla, notifications } = deps;

  /** Who is told about a request's outcome: its applicant, or whoever filed it. */
  const requesterOf = (row: RequestRow) => row.applicant_user_id ?? row.created_by;
  const noticeParams = (row: RequestRow, note?: string) => ({
    number: row.number,
    title: row.title,
    ...(note ? { note } : {}),
  });

  async function scopeOf(executor: Executor, actor: Actor) {
    return requestScopeOf(
      actor,
      (await organisationRepository.listUnits(executor)).map((u) => ({ id: u.id, parentId: u.parent_id })),
    );
  }

  /** Locks a request the actor may see; 404 for one they may not (its existence is not disclosed). */
  async function lockVisible(tx: Executor, actor: Actor, id: string): Promise<RequestRow> {
    const row = await requestRepository.lock(tx, id);
    if (!row || !canViewRequest(actor, await scopeOf(tx, actor), facts(row))) throw new DomainError('not_found');
    return row;
  }

  function requireOpen(row: RequestRow, allowed: boolean): void {
    if (FINAL_STATUSES.includes(row.status)) throw new DomainError('request_closed');
    if (!allowed) throw new DomainError('forbidden');
  }

  return {
    /** Files a request (000 附件一): numbered, with its first history entry and audit record, in one transaction. */
    async create(actor: Actor, input: NewRequest, origin: Origin): Promise<string> {
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
      // SLA-2 lead times: equipment a month ahead (TYPE-3), relocation a week ahead (TYPE-5).
      const earliest = earliestWishedDate(input.type, localDateOf(now.getTime()));
      if (earliest && input.wishedDate < earliest) {
        const lead = LEAD_TIMES[input.type]!;
        throw DomainError.field(
          'wishedDate',
          'lead_time',
          `This kind of request must be filed ${lead.label.en} ahead: the wished date can be ${earliest} at the earliest`,
          `此類申請須於${lead.label['zh-TW']}前提出：希望完成日期最早為 ${earliest}`,
        );
      }
      return db.transaction().execute(async (tx) => {
        if (!(await organisationRepository.findUnit(tx, input.unitId))) {
          throw DomainError.field('unitId', 'unknown_unit', 'No such unit', '查無此單位');
        }
        if (input.applicantUserId && !(await organisationRepository.findUserById(tx, input.applicantUserId))) {
          throw DomainError.field('applicantUserId', 'unknown_user', 'No such user', '查無此使用者');
        }
        const year = rocYearOf(now);
        const sequence = await requestRepository.nextSequence(tx, config.requestPrefix, year);
        const row = await requestRepository.insert(tx, {
          number: formatRequestNumber(config.requestPrefix, year, sequence),
          type: input.type,
          channel: input.channel,
          status: 'submitted',
          unit_id: input.unitId,
          applicant_user_id: input.applicantUserId ?? (input.channel === 'web' ? actor.userId : null),
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
        });
        await requestRepository.appendEvent(tx, {
          requestId: row.id,
          kind: 'created',
          actorId: actor.userId,
          at: now,
          toStatus: 'submitted',
          data: { number: row.number, channel: row.channel },
        });
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'request.created',
          objectType: 'request',
          objectId: row.id,
          ip: origin.ip,
          data: { number: row.number },
        });
        await sla.onFiled(tx, row);
        await notifications.notify(
          tx,
          await notifications.holdersOf(tx, ['desk_agent']),
          'request_new',
          row.id,
          noticeParams(row),
        );
        return row.id;
      });
    },

    async list(actor: Actor, filter: RequestFilter, page: { sort: RequestSort; page: number; pageSize: number }) {
      const scope = await scopeOf(db, actor);
      return requestRepository.list(db, scope, filter, {
        sort: page.sort,
        offset: (page.page - 1) * page.pageSize,
        limit: page.pageSize,
      });
    },

    /** A request with its history, comments and attachments, and what the actor may do with it. */
    async get(actor: Actor, id: string) {
      const row = await requestRepository.find(db, id);
      if (!row || !canViewRequest(actor, await scopeOf(db, actor), facts(row))) throw new DomainError('not_found');
      const [history, comments, attachments] = await Promise.all([
        requestRepository.history(db, id),
        requestRepository.comments(db, id),
        requestRepository.attachments(db, id),
      ]);
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
          actions: availableActions(actor, f),
        },
        clocks: await sla.clocksOf(row),
      };
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
        // The desk's first answer stops the response clock (004 壹: 二個工作小時內回覆).
        if (isHandler(actor)) await sla.onChange(tx, row, { firstResponse: true });
        return comment.id;
      });
    },

    /** Stores uploaded files: all of them or, when one fails, none. */
    async attach(actor: Actor, id: string, files: UploadedFile[], origin: Origin): Promise<string[]> {
      const now = ctx.now();
      return db.transaction().execute(async (tx) => {
        const row = await lockVisible(tx, actor, id);
        requireOpen(row, canAttachTo(actor, facts(row)));
        const ids: string[] = [];
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
          });
          ids.push(a.id);
          await requestRepository.appendEvent(tx, {
            requestId: id,
            kind: 'attachment_added',
            actorId: actor.userId,
            at: now,
            data: { attachmentId: a.id, fileName: a.file_name, size: a.size },
          });
          await auditRepository.append(tx, {
            actorId: actor.userId,
            action: 'request.attachment_added',
            objectType: 'attachment',
            objectId: a.id,
            ip: origin.ip,
            data: { requestId: id, fileName: a.file_name, sha256 },
          });
        }
        await requestRepository.touch(tx, id, now);
        return ids;
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
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'request.assigned',
          objectType: 'request',
          objectId: id,
          ip: origin.ip,
          data: { from: row.assignee_id, to: assigneeId },
        });
        await sla.onChange(tx, row, { firstResponse: true });
        if (assigneeId && assigneeId !== actor.userId) {
          await notifications.notify(tx, [assigneeId], 'action_waiting', id, noticeParams(row));
        }
      });
    },

    /** Takes a life-cycle action (start, wait, resolve, confirm …), with the note it needs. */
    async act(actor: Actor, id: string, action: LifecycleAction, note: string | null, origin: Origin): Promise<void> {
      const now = ctx.now();
      const definition = LIFECYCLE_ACTIONS[action];
      await db.transaction().execute(async (tx) => {
        const row = await lockVisible(tx, actor, id);
        if (!availableActions(actor, facts(row)).includes(action)) {
          if (!(definition.from as readonly RequestStatus[]).includes(row.status)) {
            throw new DomainError('conflict', {
              detail: {
                en: `The request is ${row.status}; "${action}" is not possible now`,
                zh: `此申請目前狀態不能執行「${action}」`,
              },
            });
          }
          throw new DomainError('forbidden');
        }
        if (definition.noteRequired && !note) {
          throw DomainError.field('note', 'required', 'Say why (a note is required for this step)', '此步驟須填寫說明');
        }
        const to: RequestStatus = definition.to;
        await requestRepository.setStatus(tx, id, to, now, FINAL_STATUSES.includes(to) ? now : null);
        await requestRepository.appendEvent(tx, {
          requestId: id,
          kind: 'status_changed',
          actorId: actor.userId,
          at: now,
          fromStatus: row.status,
          toStatus: to,
          data: { action, ...(note ? { note } : {}) },
        });
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: `request.${action}`,
          objectType: 'request',
          objectId: id,
          ip: origin.ip,
          data: { from: row.status, to },
        });
        await sla.onChange(tx, row, { fromStatus: row.status, toStatus: to, firstResponse: isHandler(actor) });
        const noticeFor = {
          rejected: 'request_returned',
          resolved: 'request_resolved',
          closed: 'request_closed',
        } as const;
        const kind = noticeFor[to as keyof typeof noticeFor];
        if (kind) {
          const recipients =
            to === 'closed' ? [row.assignee_id].filter((u): u is string => u !== null) : [requesterOf(row)];
          await notifications.notify(
            tx,
            recipients.filter((u) => u !== actor.userId),
            kind,
            id,
            noticeParams(row, note ?? undefined),
          );
        }
      });
    },
  };
}
export type RequestService = ReturnType<typeof requestService>;
