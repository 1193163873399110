import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { abilitiesOf } from '../../domain/policies.js';
import { Problem } from '../../shared/api/common.schema.js';
import {
  MarkReadBody,
  Notification,
  NotificationListQuery,
  NotificationPreferences,
  NotificationPreferencesBody,
  OutboxMail,
} from '../../shared/api/notification.schema.js';
import type { NoticeKind } from '../../shared/notice-kinds.js';
import { actorOf } from '../plugins/authentication.js';
import type { App, RouteDeps } from './types.js';

/** In-app notifications, mail preferences, and the mail outbox for administrators. */
export function notificationRoutes(app: App, deps: RouteDeps): void {
  const { notifications } = deps;

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first (100 at most)',
        querystring: NotificationListQuery,
        response: { 200: z.array(Notification) },
      },
    },
    async (request) =>
      (await notifications.list(actorOf(request).userId, request.query.unread === 'true')).map((n) => ({
        id: n.id,
        kind: n.kind as NoticeKind,
        requestId: n.request_id,
        requestNumber: n.request_number,
        title: { 'zh-TW': n.title, en: n.title_en },
        body: { 'zh-TW': n.body, en: n.body_en },
        createdAt: n.created_at.toISOString(),
        readAt: n.read_at ? n.read_at.toISOString() : null,
      })),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread',
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => ({ unread: await notifications.unreadCount(actorOf(request).userId) }),
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications as read (all when no ids are given)',
        body: MarkReadBody,
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (request) => ({ marked: await notifications.markRead(actorOf(request).userId, request.body.ids ?? 'all') }),
  );

  app.get(
    '/api/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Which notices reach me by mail',
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => ({ preferences: await notifications.preferences(actorOf(request).userId) }),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Choose which notices reach me by mail',
        body: NotificationPreferencesBody,
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => {
      const userId = actorOf(request).userId;
      await notifications.setPreferences(userId, request.body.preferences);
      return { preferences: await notifications.preferences(userId) };
    },
  );

  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mail sent, waiting or kept (kept: no SMTP server is configured) — administrators',
        response: { 200: z.array(OutboxMail), 403: Problem },
      },
    },
    async (request) => {
      if (!abilitiesOf(actorOf(request)).manageSettings) throw new DomainError('forbidden');
      return (await notifications.outbox()).map((m) => ({
        id: m.id,
        to: m.to_address,
        subject: m.subject,
        body: m.body,
        status: m.status,
        attempts: m.attempts,
        lastError: m.last_error,
        createdAt: m.created_at.toISOString(),
        sentAt: m.sent_at ? m.sent_at.toISOString() : null,
      }));
    },
  );
}
