import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../../shared/contracts/common.js';
import {
  NotificationPage,
  NotificationQuery,
  NotificationSettings,
  UnreadCount,
  UpdateNotificationSettingsBody,
} from '../../../../shared/contracts/notifications.js';
import { actorOf } from '../../../http/guard.js';
import type { AppContext } from '../../../platform/context.js';
import {
  getNotificationSettings,
  listMyNotifications,
  markNotificationsRead,
  unreadCount,
  updateNotificationSettings,
} from './notifications.service.js';

export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/notifications',
    {
      config: { permission: 'authenticated', personal: true },
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first',
        querystring: NotificationQuery,
        response: { 200: NotificationPage },
      },
    },
    async (req) => listMyNotifications(ctx, actorOf(req), req.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { permission: 'authenticated', personal: true },
      schema: {
        tags: ['notifications'],
        summary: 'How many of your notifications are unread',
        response: { 200: UnreadCount },
      },
    },
    async (req) => ({
      count: await unreadCount(ctx, actorOf(req)),
    }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { permission: 'authenticated', personal: true },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read',
        params: IdParams,
        body: z.strictObject({}).optional(),
        response: { 200: UnreadCount },
      },
    },
    async (req) => ({
      count: await markNotificationsRead(ctx, actorOf(req), [req.params.id]),
    }),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { permission: 'authenticated', personal: true },
      schema: {
        tags: ['notifications'],
        summary: 'Mark all your notifications read',
        body: z.strictObject({}).optional(),
        response: { 200: UnreadCount },
      },
    },
    async (req) => ({
      count: await markNotificationsRead(ctx, actorOf(req), 'all'),
    }),
  );

  app.get(
    '/notifications/settings',
    {
      config: { permission: 'authenticated', personal: true },
      schema: {
        tags: ['notifications'],
        summary: 'Which kinds also go by email; daily digest',
        response: { 200: NotificationSettings },
      },
    },
    async (req) => getNotificationSettings(ctx, actorOf(req)),
  );

  app.put(
    '/notifications/settings',
    {
      config: { permission: 'authenticated', personal: true },
      schema: {
        tags: ['notifications'],
        summary: 'Change your notification settings',
        body: UpdateNotificationSettingsBody,
        response: { 200: NotificationSettings },
      },
    },
    async (req) => updateNotificationSettings(ctx, actorOf(req), req.body),
  );
};
