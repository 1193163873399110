import { z } from 'zod';
import { NOTICE_KINDS } from '../notice-kinds.js';
import { IsoInstant } from './common.schema.js';

export const Notification = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTICE_KINDS),
    requestId: z.uuid().nullable(),
    requestNumber: z.string().nullable(),
    title: z.object({ 'zh-TW': z.string(), en: z.string() }),
    body: z.object({ 'zh-TW': z.string(), en: z.string() }),
    createdAt: IsoInstant,
    readAt: IsoInstant.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({ unread: z.enum(['true', 'false']).optional() });
export const MarkReadBody = z.strictObject({
  ids: z.array(z.uuid()).max(200).optional().describe('Omit to mark all as read'),
});

export const NotificationPreferences = z
  .object({ preferences: z.array(z.strictObject({ kind: z.enum(NOTICE_KINDS), byMail: z.boolean() })) })
  .meta({ id: 'NotificationPreferences' });
export const NotificationPreferencesBody = z.strictObject({
  preferences: z.array(z.strictObject({ kind: z.enum(NOTICE_KINDS), byMail: z.boolean() })).max(NOTICE_KINDS.length),
});

export const OutboxMail = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    status: z.enum(['pending', 'sent', 'failed', 'kept']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: IsoInstant,
    sentAt: IsoInstant.nullable(),
  })
  .meta({ id: 'OutboxMail' });
