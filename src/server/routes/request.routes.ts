import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { Problem } from '../../shared/api/common.schema.js';
import {
  ActionBody,
  ActionParams,
  AssignBody,
  Attachment,
  Comment,
  CommentCreate,
  RequestCreate,
  RequestDetail,
  RequestListQuery,
  RequestPage,
} from '../../shared/api/request.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import { presentAttachment, presentComment, presentDetail, presentSummary } from '../presenters.js';
import type { UploadedFile } from '../services/request.service.js';
import { DC_DOCUMENTS, type DcDocument } from '../../shared/data-centre.js';
import type { App, RouteDeps } from './types.js';

const RequestParams = z.strictObject({ id: z.uuid() });
const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** Quotes a file name for Content-Disposition, keeping Chinese names intact (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The `document` and `device` fields of an upload, checked (issue 6). */
function documentLabel(labels: Record<string, string>): { document: DcDocument | null; device: number | null } {
  const document = labels.document ? labels.document : null;
  if (document !== null && !(DC_DOCUMENTS as readonly string[]).includes(document)) {
    throw DomainError.field(
      'document',
      'unknown_document',
      `Unknown document; known: ${DC_DOCUMENTS.join(', ')}`,
      '不明的文件種類',
    );
  }
  const raw = labels.device ?? '';
  const device = raw === '' ? null : Number(raw);
  if (device !== null && !(Number.isInteger(device) && device >= 0 && device < 30)) {
    throw DomainError.field('device', 'invalid_device', 'device is the 0-based number of a device', '設備序號不正確');
  }
  if (document === null && device !== null) {
    throw DomainError.field('document', 'required', 'Name the document the file is for the device', '請指定文件種類');
  }
  return { document: document as DcDocument | null, device };
}

/** Requests: filing, the list and queue, the request page, comments, attachments, assignment. */
export function requestRoutes(app: App, deps: RouteDeps): void {
  const { requests } = deps;

  app.post(
    '/api/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'File a request (000 附件一)',
        body: RequestCreate,
        response: { 201: RequestDetail, 400: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const detail = await requests.create(actor, request.body, originOf(request));
      return reply.code(201).header('location', `/api/requests/${detail.row.id}`).send(presentDetail(detail));
    },
  );

  app.get(
    '/api/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Requests the caller may see, filtered, sorted and paged',
        querystring: RequestListQuery,
        response: { 200: RequestPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const { rows, total, totalCapped } = await requests.list(
        actor,
        {
          statuses: q.status,
          types: q.type,
          unitId: q.unitId,
          assigneeId: q.assignee === 'me' ? actor.userId : q.assignee === 'none' ? null : q.assignee,
          mineOf: q.mine === 'true' ? actor.userId : undefined,
          waitingForMe: q.waitingFor === 'me',
          text: q.q || undefined,
        },
        { sort: q.sort, page: q.page, pageSize: q.pageSize },
      );
      return {
        items: rows.map(presentSummary),
        total,
        totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/requests/:id',
    {
      schema: {
        tags: ['requests'],
        summary: 'A request with its history, comments, attachments and what the caller may do',
        params: RequestParams,
        response: { 200: RequestDetail, 404: Problem },
      },
    },
    async (request) => presentDetail(await requests.get(actorOf(request), request.params.id)),
  );

  app.post(
    '/api/requests/:id/comments',
    {
      schema: {
        tags: ['requests'],
        summary: 'Comment on a request',
        params: RequestParams,
        body: CommentCreate,
        response: { 201: Comment, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await requests.comment(actor, request.params.id, request.body.body, originOf(request));
      const detail = await requests.get(actor, request.params.id);
      const comment = detail.comments.find((c) => c.id === id);
      if (!comment) throw new DomainError('not_found');
      return reply.code(201).send(presentComment(comment));
    },
  );

  app.post(
    '/api/requests/:id/actions/:action',
    {
      schema: {
        tags: ['requests'],
        summary: "Take an action of the request's workflow (one of `workflow.actions` in the request), with its fields",
        params: ActionParams,
        body: ActionBody,
        response: { 200: RequestDetail, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentDetail(
        await requests.act(actor, request.params.id, request.params.action, request.body.fields, originOf(request)),
      );
    },
  );

  app.post(
    '/api/requests/:id/assign',
    {
      schema: {
        tags: ['requests'],
        summary: 'Assign a request to a handler, or unassign it (null)',
        params: RequestParams,
        body: AssignBody,
        response: { 200: RequestDetail, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await requests.assign(actor, request.params.id, request.body.assigneeId, originOf(request));
      return presentDetail(await requests.get(actor, request.params.id));
    },
  );

  app.post(
    '/api/requests/:id/attachments',
    {
      schema: {
        tags: ['requests'],
        summary:
          'Attach files (multipart/form-data, field `file`, one or more; optional fields `document` and `device` name the document of a data-centre application they are); all are stored or none',
        consumes: ['multipart/form-data'],
        params: RequestParams,
        response: { 201: z.array(Attachment), 400: Problem, 404: Problem, 409: Problem, 413: Problem, 415: Problem },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('unsupported_media_type');
      const actor = actorOf(request);
      const files: UploadedFile[] = [];
      const labels: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type !== 'file') {
          // Issue 6: which document of a data-centre application the files are, for which device.
          if (part.fieldname === 'document' || part.fieldname === 'device') labels[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== 'file') {
          throw new DomainError('validation_failed', {
            fields: [
              {
                field: part.fieldname,
                in: 'file',
                code: 'unknown_field',
                message: 'Send files in the field `file`',
                message_zh: '請以 file 欄位上傳檔案',
              },
            ],
          });
        }
        const content = await part.toBuffer();
        files.push({
          fileName: part.filename.slice(0, 255) || 'file',
          contentType: part.mimetype || 'application/octet-stream',
          content,
        });
      }
      if (files.length === 0) {
        throw new DomainError('validation_failed', {
          fields: [
            {
              field: 'file',
              in: 'file',
              code: 'required',
              message: 'Choose at least one file',
              message_zh: '請選擇至少一個檔案',
            },
          ],
        });
      }
      const ids = await requests.attach(actor, request.params.id, files, originOf(request), documentLabel(labels));
      const detail = await requests.get(actor, request.params.id);
      return reply.code(201).send(detail.attachments.filter((a) => ids.includes(a.id)).map(presentAttachment));
    },
  );

  app.delete(
    '/api/requests/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['requests'],
        summary: 'Withdraw a file uploaded by mistake: its uploader, while the request still waits for its requester',
        params: AttachmentParams,
        response: { 204: z.null(), 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await requests.removeAttachment(
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
        originOf(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/requests/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['requests'],
        summary: 'Download an attachment',
        params: AttachmentParams,
        produces: ['application/octet-stream'],
        response: {
          200: z.string().meta({ format: 'binary', description: 'The file, with its own content type' }),
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const file = await requests.download(
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
        originOf(request),
      );
      return reply
        .header('content-type', file.content_type)
        .header('content-disposition', contentDisposition(file.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(Buffer.from(file.content) as unknown as string); // Buffers bypass serialisation
    },
  );

  app.post(
    '/api/public/vendor-applications',
    {
      config: { public: true },
      schema: {
        tags: ['requests'],
        summary:
          'A park company or customs broker applies for its administrator account (附件四, TYPE-7), without an account',
        body: z.strictObject({ form: z.record(z.string(), z.unknown()) }),
        response: {
          201: z.object({ id: z.uuid(), number: z.string().describe('Quote it when sending the stamped original') }),
          400: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await requests.applyPublic(request.body.form, originOf(request))),
  );

  app.get(
    '/api/requests/:id/form.pdf',
    {
      schema: {
        tags: ['requests'],
        summary: 'The printed form filled in (附件一, 附件三 or 附件四), as a PDF with an embedded CJK font',
        params: RequestParams,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ format: 'binary', description: 'The PDF' }), 404: Problem },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await requests.printForm(actorOf(request), request.params.id, originOf(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${number}.pdf"`)
        .send(pdf as unknown as string); // Buffers bypass serialisation
    },
  );
}
