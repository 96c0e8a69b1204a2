import type {
  Notification,
  NotificationKind,
  NotificationSettings,
} from '../../../../shared/contracts/notifications.js';
import { NOTIFICATION_KINDS } from '../../../../shared/contracts/notifications.js';
import { newId } from '../../../db/ids.js';
import { fromJson } from '../../../db/sql-helpers.js';
import { notFound } from '../../../http/errors.js';
import { cursorPart, decodeCursor, pageOf } from '../../../http/pagination.js';
import type { Actor } from '../../../platform/actor.js';
import { nowIso } from '../../../platform/clock.js';
import type { AppContext } from '../../../platform/context.js';
import { withTransaction, type Db } from '../../../platform/transaction.js';
import { appendEvent } from '../../events/events.service.js';
import { listActiveMembers } from '../refs.repository.js';
import { extractMentions, plainMentions } from './mentions.js';
import {
  countUnread,
  findNotification,
  findNotificationSettings,
  findRecipient,
  insertNotification,
  listNotifications,
  markRead,
  updateNotificationTitle,
  upsertNotificationSettings,
  type NotificationRow,
} from './notifications.repository.js';

/** Kinds that also go by email until a user chooses otherwise. */
export const DEFAULT_EMAIL_KINDS: NotificationKind[] = ['assignment', 'reminder', 'mention'];
export const NOTIFICATION_EMAIL_JOB = 'notifications.email';

export function toNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    title: r.title,
    body: r.body,
    url: r.url,
    entityType: r.entity_type,
    entityId: r.entity_id,
    actorName: r.actor_name,
    readAt: r.read_at,
    createdAt: r.created_at,
  };
}

export interface NotifyInput {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  url?: string | null;
  entityType?: string | null;
  entityId?: string | null;
}

/**
 * Notifies one member, in the caller's transaction: the in-app row, a live event only the
 * recipient receives, and an email job when the recipient takes this kind by email.
 * Nobody is notified of their own doing, and former members are not notified at all.
 */
export async function notify(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  input: NotifyInput,
  now: string,
): Promise<Notification | null> {
  if (actor.kind === 'user' && input.userId === actor.id) return null;
  const recipient = await findRecipient(db, actor.workspaceId, input.userId);
  if (!recipient) return null;
  const row: NotificationRow = {
    id: newId(),
    workspace_id: actor.workspaceId,
    user_id: input.userId,
    kind: input.kind,
    title: input.title.slice(0, 255),
    body: input.body ? plainMentions(input.body).slice(0, 2000) : null,
    url: input.url ?? null,
    entity_type: input.entityType ?? null,
    entity_id: input.entityId ?? null,
    actor_name: actor.kind === 'system' ? null : actor.name,
    read_at: null,
    emailed_at: null,
    created_at: now,
  };
  await insertNotification(db, row);
  const notification = toNotification(row);
  await appendEvent(
    ctx,
    db,
    actor,
    {
      type: 'notification.created',
      entityType: 'notification',
      entityId: row.id,
      payload: { recipientUserId: input.userId, notification },
    },
    now,
  );
  if (settingsOf(recipient).emailKinds.includes(input.kind)) {
    await ctx.jobs.enqueue(
      db,
      NOTIFICATION_EMAIL_JOB,
      { workspaceId: actor.workspaceId, notificationId: row.id },
      { workspaceId: actor.workspaceId, idempotencyKey: `notification-email:${row.id}` },
    );
  }
  return notification;
}

const folded = new WeakMap<object, Map<string, { id: string; count: number }>>();

/**
 * Like notify, but many notices of one kind to one person in one transaction (a bulk reassignment
 * of 500 contacts) become a single notification whose title counts them.
 */
export async function notifyFolded(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  input: NotifyInput,
  fold: { title: (count: number) => string; url: string | null },
  now: string,
): Promise<void> {
  let byKey = folded.get(db);
  if (!byKey) folded.set(db, (byKey = new Map()));
  const key = `${input.userId}:${input.kind}:${input.entityType ?? ''}`;
  const earlier = byKey.get(key);
  if (earlier) {
    earlier.count++;
    await updateNotificationTitle(db, actor.workspaceId, earlier.id, fold.title(earlier.count).slice(0, 255), fold.url);
    return;
  }
  const first = await notify(ctx, db, actor, input, now);
  if (first) byKey.set(key, { id: first.id, count: 1 });
}

/** Notifies every member mentioned in `text` (see mentions.ts). */
export async function notifyMentions(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  text: string | null | undefined,
  input: Omit<NotifyInput, 'userId' | 'kind'>,
  now: string,
): Promise<number> {
  if (!text || !text.includes('@')) return 0;
  const ids = extractMentions(text, await listActiveMembers(db, actor.workspaceId));
  let sent = 0;
  for (const userId of ids) if (await notify(ctx, db, actor, { ...input, userId, kind: 'mention' }, now)) sent++;
  return sent;
}

async function getSettingsFor(db: Db, workspaceId: string, userId: string): Promise<NotificationSettings> {
  return settingsOf(await findNotificationSettings(db, workspaceId, userId));
}

/** A user's settings from their saved row (missing or null columns: the defaults). */
function settingsOf(
  row: { email_kinds: string | string[] | null; daily_digest: boolean | null; digest_hour: number | null } | undefined,
): NotificationSettings {
  if (!row || row.email_kinds === null || row.daily_digest === null || row.digest_hour === null)
    return { emailKinds: DEFAULT_EMAIL_KINDS, dailyDigest: false, digestHour: 7 };
  const kinds = fromJson<string[]>(row.email_kinds, []).filter((k): k is NotificationKind =>
    (NOTIFICATION_KINDS as readonly string[]).includes(k),
  );
  return { emailKinds: kinds, dailyDigest: row.daily_digest, digestHour: row.digest_hour };
}

export async function getNotificationSettings(ctx: AppContext, actor: Actor): Promise<NotificationSettings> {
  return getSettingsFor(ctx.db, actor.workspaceId, actor.id);
}

export async function updateNotificationSettings(
  ctx: AppContext,
  actor: Actor,
  patch: Partial<NotificationSettings>,
): Promise<NotificationSettings> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getSettingsFor(trx, actor.workspaceId, actor.id);
    const after: NotificationSettings = {
      ...before,
      ...patch,
      emailKinds: [...new Set(patch.emailKinds ?? before.emailKinds)],
    };
    await upsertNotificationSettings(trx, actor.workspaceId, actor.id, after, now);
    return after;
  });
}

export async function listMyNotifications(
  ctx: AppContext,
  actor: Actor,
  q: { limit: number; cursor?: string; unread?: boolean },
) {
  const after = decodeCursor(q.cursor, [cursorPart.id]);
  const rows = await listNotifications(ctx.db, actor.workspaceId, actor.id, {
    unreadOnly: Boolean(q.unread),
    beforeId: after ? after[0] : null,
    limit: q.limit,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(toNotification), nextCursor };
}

export async function unreadCount(ctx: AppContext, actor: Actor): Promise<number> {
  return countUnread(ctx.db, actor.workspaceId, actor.id);
}

/** Marks some (or all) of the actor's notifications read; other tabs of the same user hear of it live. */
export async function markNotificationsRead(ctx: AppContext, actor: Actor, ids: string[] | 'all'): Promise<number> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    if (ids !== 'all' && ids.length === 1) {
      const row = await findNotification(trx, actor.workspaceId, ids[0]);
      if (!row || row.user_id !== actor.id) throw notFound('Notification');
    }
    await markRead(trx, actor.workspaceId, actor.id, ids, now);
    const count = await countUnread(trx, actor.workspaceId, actor.id);
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'notification.read',
        entityType: 'notification',
        entityId: ids === 'all' || ids.length !== 1 ? null : ids[0],
        payload: { recipientUserId: actor.id, unreadCount: count },
      },
      now,
    );
    return count;
  });
}
