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
