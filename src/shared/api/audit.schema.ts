import { z } from 'zod';

export const AuditVerification = z
  .object({
    intact: z.boolean(),
    checked: z.number().int().describe('Records found intact before the first break, or all of them'),
    firstBreak: z
      .object({ id: z.number().int(), reason: z.enum(['hash_mismatch', 'previous_hash_mismatch', 'missing_record']) })
      .nullable(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof AuditVerification>;

export const AuditSearchQuery = z.strictObject({
  from: z.iso.date().optional().describe('First day (Asia/Taipei), inclusive'),
  to: z.iso.date().optional().describe('Last day (Asia/Taipei), inclusive'),
  actorId: z.uuid().optional(),
  action: z.string().trim().max(100).optional().describe('An action or its prefix, e.g. `auth.` or `request.created`'),
  objectId: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(200),
  format: z.enum(['json', 'csv']).default('json'),
});

export const AuditRecord = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }).nullable(),
    action: z.string(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    ip: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditRecord' });
export type AuditRecord = z.infer<typeof AuditRecord>;
