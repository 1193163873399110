import { z } from 'zod';

/** RFC 9457 problem details, with GovDesk's stable `code` and messages in zh-TW and English. */
export const FieldError = z
  .object({
    field: z.string().describe('The field at fault, as a dotted path (e.g. `phone`, `attachments.0`)'),
    in: z.enum(['body', 'query', 'params', 'headers', 'file']),
    code: z.string(),
    message: z.string(),
    message_zh: z.string(),
  })
  .meta({ id: 'FieldError' });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    title_zh: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    detail_zh: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const Uuid = z.uuid();
export const IsoInstant = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();
export const IdParams = z.strictObject({ id: z.uuid() });

export const Localised = z.object({ 'zh-TW': z.string(), en: z.string() });
