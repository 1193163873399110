import { z } from 'zod';
import { IsoDate } from './common.schema.js';

export const ServiceLevelReportQuery = z.strictObject({
  from: IsoDate.describe('First day, inclusive (Asia/Taipei)'),
  to: IsoDate.describe('Last day, inclusive (Asia/Taipei)'),
  groupBy: z.enum(['type', 'unit', 'assignee', 'vendor', 'target']).default('type'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const ServiceLevelReport = z
  .object({
    from: IsoDate,
    to: IsoDate,
    groupBy: z.enum(['type', 'unit', 'assignee', 'vendor', 'target']),
    rows: z.array(
      z.object({
        key: z.string().nullable(),
        label: z.string().nullable(),
        total: z.number().int(),
        met: z.number().int(),
        breached: z.number().int(),
        open: z.number().int(),
        compliance: z.number().nullable().describe('met / (met + breached); null when nothing has finished'),
        reviewNeeded: z.boolean().describe('SLA-4: repeated breaches (3 or more) call for an improvement review'),
      }),
    ),
    totals: z.object({
      total: z.number().int(),
      met: z.number().int(),
      breached: z.number().int(),
      open: z.number().int(),
      compliance: z.number().nullable(),
    }),
  })
  .meta({ id: 'ServiceLevelReport' });
export type ServiceLevelReport = z.infer<typeof ServiceLevelReport>;
