import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, ERROR_CATALOGUE, type ErrorCode, type FieldProblem } from '../domain/errors.js';
import type { Problem } from '../shared/api/common.schema.js';

/** RFC 9457 problem details for a code, with GovDesk's extensions. */
export function problemOf(
  code: ErrorCode,
  options: { detail?: { en: string; zh: string }; fields?: FieldProblem[]; instance?: string } = {},
): Problem {
  const entry = ERROR_CATALOGUE[code];
  return {
    type: `urn:govdesk:problem:${code}`,
    title: entry.en,
    title_zh: entry.zh,
    status: entry.status,
    code,
    ...(options.detail ? { detail: options.detail.en, detail_zh: options.detail.zh } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.fields && options.fields.length > 0 ? { errors: options.fields } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

type IssueParams = Record<string, unknown>;
const LOCATIONS = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' } as const;

/** Says what is wrong with one field, in English and Chinese, from a zod issue. */
function describeIssue(code: string, params: IssueParams, message: string): { en: string; zh: string } {
  const min = params['minimum'];
  const max = params['maximum'];
  const origin = params['origin'];
  switch (code) {
    case 'invalid_type':
      return message.includes('received undefined')
        ? { en: 'Required', zh: '必填' }
        : { en: `Expected ${String(params['expected'])}`, zh: `資料型態應為 ${String(params['expected'])}` };
    case 'too_small':
      if (origin === 'string')
        return min === 1
          ? { en: 'Required', zh: '必填' }
          : { en: `At least ${String(min)} characters`, zh: `至少 ${String(min)} 個字` };
      if (origin === 'array') return { en: `At least ${String(min)} items`, zh: `至少 ${String(min)} 項` };
      return { en: `Must be at least ${String(min)}`, zh: `不得小於 ${String(min)}` };
    case 'too_big':
      if (origin === 'string') return { en: `At most ${String(max)} characters`, zh: `不得超過 ${String(max)} 個字` };
      if (origin === 'array') return { en: `At most ${String(max)} items`, zh: `不得超過 ${String(max)} 項` };
      return { en: `Must be at most ${String(max)}`, zh: `不得大於 ${String(max)}` };
    case 'invalid_format': {
      const format = String(params['format'] ?? 'text');
      const zhFormat: Record<string, string> = {
        date: '日期（YYYY-MM-DD）',
        email: '電子郵件',
        uuid: '識別碼',
        datetime: '時間',
        regex: '格式',
      };
      return { en: `Invalid ${format === 'regex' ? 'format' : format}`, zh: `${zhFormat[format] ?? '格式'}不正確` };
    }
    case 'invalid_value': {
      const values = Array.isArray(params['values']) ? (params['values'] as unknown[]).map(String).join(', ') : '';
      return { en: `Must be one of: ${values}`, zh: `必須是下列之一：${values}` };
    }
    case 'invalid_union':
      return { en: 'Invalid value', zh: '資料不正確' };
    default:
      return { en: message, zh: '資料不正確' };
  }
}

function validationFields(error: FastifyError): FieldProblem[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const where = LOCATIONS[(error.validationContext ?? 'body') as keyof typeof LOCATIONS] ?? 'body';
  return error.validation.flatMap((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = v.params as IssueParams;
    if (v.keyword === 'unrecognized_keys') {
      const keys = Array.isArray(params['keys']) ? (params['keys'] as string[]) : [];
      return keys.map((k) => ({
        field: path ? `${path}.${k}` : k,
        in: where,
        code: 'unknown_field',
        message: 'Unknown field',
        message_zh: '不接受的欄位',
      }));
    }
    const text = describeIssue(v.keyword, params, v.message ?? '');
    return [{ field: path || '(root)', in: where, code: v.keyword, message: text.en, message_zh: text.zh }];
  });
}

/** Maps Fastify's own error codes to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

/** The one place where errors become HTTP answers. 5xx answers hide internals. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const instance = request.url.split('?')[0];
  if (error instanceof DomainError) {
    return sendProblem(
      reply,
      problemOf(error.code, {
        ...(error.detail ? { detail: error.detail } : {}),
        fields: error.fields,
        ...(instance ? { instance } : {}),
      }),
    );
  }
  const fields = validationFields(error);
  if (fields.length > 0) {
    const detail = {
      en: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
      zh: fields.map((f) => `${f.field}：${f.message_zh}`).join('；'),
    };
    return sendProblem(reply, problemOf('validation_failed', { detail, fields, ...(instance ? { instance } : {}) }));
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendProblem(reply, problemOf(mapped, instance ? { instance } : {}));
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const problem = problemOf('bad_request', {
      detail: { en: error.message, zh: '請求格式不正確' },
      ...(instance ? { instance } : {}),
    });
    return sendProblem(reply, { ...problem, status });
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, problemOf('internal_error', instance ? { instance } : {}));
}
