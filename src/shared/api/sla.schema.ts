import { z } from 'zod';

/** SLA-3: the agency's warning thresholds and chasing interval. */
export const SlaSettings = z
  .strictObject({
    warningThresholds: z
      .array(z.number().gt(0).lt(1))
      .max(5)
      .describe('Shares of a target at which the assignee is warned, e.g. [0.75, 0.9]'),
    chaseIntervalMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .describe('Working minutes between chasing reminders (稽催) after a breach'),
  })
  .meta({ id: 'SlaSettings' });
export type SlaSettings = z.infer<typeof SlaSettings>;
