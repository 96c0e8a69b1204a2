import { z } from 'zod';
import { PageQuery, page } from './common.js';

export const NOTIFICATION_KINDS = ['assignment', 'task_due', 'reminder', 'stage_change', 'mention'] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string().nullable(),
  /** Path in the web app to open. */
  url: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  actorName: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = PageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const NotificationPage = page(Notification);
export const UnreadCount = z.object({ count: z.number().int() });

export const NotificationSettings = z.object({
  /** Kinds that also go by email. */
  emailKinds: z.array(NotificationKind),
  dailyDigest: z.boolean(),
  /** Local hour (workspace time zone) the digest is sent. */
  digestHour: z.number().int().min(0).max(23),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export const UpdateNotificationSettingsBody = z.strictObject({
  emailKinds: z.array(NotificationKind).max(NOTIFICATION_KINDS.length).optional(),
  dailyDigest: z.boolean().optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
});
