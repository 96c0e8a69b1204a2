import type { Insertable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../db/ids.js';
import { toJson } from '../../../db/sql-helpers.js';
import type { Db } from '../../../platform/transaction.js';

export type NotificationRow = DB['notifications'];

export async function insertNotification(db: Db, row: Insertable<DB['notifications']>) {
  await db.insertInto('notifications').values(row).execute();
}

export function findNotification(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first (ids are time-ordered), keyset on id. */
export function listNotifications(
  db: Db,
  workspaceId: string,
  userId: string,
  opts: { unreadOnly: boolean; beforeId: string | null; limit: number },
) {
  let q = db
    .selectFrom('notifications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  if (opts.beforeId) q = q.where('id', '<', opts.beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

export async function countUnread(db: Db, workspaceId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markRead(
  db: Db,
  workspaceId: string,
  userId: string,
  ids: string[] | 'all',
  at: string,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function markEmailed(db: Db, workspaceId: string, id: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('notifications')
    .set({ emailed_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('emailed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function findNotificationSettings(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom('notification_settings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertNotificationSettings(
  db: Db,
  workspaceId: string,
  userId: string,
  s: { emailKinds: string[]; dailyDigest: boolean; digestHour: number },
  now: string,
) {
  const values = {
    email_kinds: toJson(s.emailKinds),
    daily_digest: s.dailyDigest,
    digest_hour: s.digestHour,
    updated_at: now,
  };
  await db
    .insertInto('notification_settings')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      user_id: userId,
      last_digest_on: null,
      created_at: now,
      ...values,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet(values))
    .execute();
}

/** Everyone whose digest is due at this local hour, with their workspace's time zone. */
export function listDigestSubscribers(db: Db) {
  return db
    .selectFrom('notification_settings as s')
    .innerJoin('workspaces as w', 'w.id', 's.workspace_id')
    .select(['s.workspace_id', 's.user_id', 's.digest_hour', 's.last_digest_on', 'w.timezone'])
    .where('s.daily_digest', '=', true)
    .execute();
}

export async function markDigestSent(db: Db, workspaceId: string, userId: string, localDate: string): Promise<boolean> {
  const res = await db
    .updateTable('notification_settings')
    .set({ last_digest_on: localDate })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_digest_on', 'is', null), eb('last_digest_on', '<>', localDate)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function updateNotificationTitle(
  db: Db,
  workspaceId: string,
  id: string,
  title: string,
  url: string | null,
) {
  await db
    .updateTable('notifications')
    .set({ title, url })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
