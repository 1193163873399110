import { z } from 'zod';
import { Notification, NotificationPreferences, OutboxMail } from '../../shared/api/notification.schema.js';
import type { NoticeKind } from '../../shared/notice-kinds.js';
import { apiCall, queryString } from './client.js';

const UnreadCount = z.object({ unread: z.number().int() });
const Marked = z.object({ marked: z.number().int() });

/** My notifications, newest first; only the unread ones when asked. */
export function listNotifications(unreadOnly = false): Promise<Notification[]> {
  return apiCall(`/api/notifications${queryString({ unread: unreadOnly ? 'true' : '' })}`, z.array(Notification));
}

export async function unreadCount(): Promise<number> {
  return (await apiCall('/api/notifications/unread-count', UnreadCount)).unread;
}

/** Marks the given notifications as read, or all of them when no ids are given. */
export async function markRead(ids?: readonly string[]): Promise<number> {
  const body = ids ? { ids: [...ids] } : {};
  return (await apiCall('/api/notifications/read', Marked, { method: 'POST', body })).marked;
}

export type Preference = { kind: NoticeKind; byMail: boolean };

export async function getPreferences(): Promise<Preference[]> {
  return (await apiCall('/api/me/notification-preferences', NotificationPreferences)).preferences;
}

export async function setPreferences(preferences: readonly Preference[]): Promise<Preference[]> {
  const body = { preferences: [...preferences] };
  return (await apiCall('/api/me/notification-preferences', NotificationPreferences, { method: 'PUT', body }))
    .preferences;
}

/** The mail outbox (administrators). */
export function listOutbox(): Promise<z.infer<typeof OutboxMail>[]> {
  return apiCall('/api/admin/outbox', z.array(OutboxMail));
}
