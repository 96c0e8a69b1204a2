import type { Db } from '../../../platform/transaction.js';
import { newId } from '../../../db/ids.js';

export interface CalendarScope {
  /** Only items of this user (assignee of tasks, author of activities); null: everyone's. */
  userId: string | null;
  /** Agents: tasks assigned to or created by them, activities they wrote or on contacts they own. */
  ownerOnly: string | null;
  /** Confidential activities of others stay hidden unless null. */
  viewerId: string | null;
}

export function listTasksInRange(db: Db, workspaceId: string, from: string, to: string, s: CalendarScope) {
  let q = db
    .selectFrom('tasks as t')
    .leftJoin('contacts as c', 'c.id', 't.contact_id')
    .select([
      't.id',
      't.title',
      't.description',
      't.status',
      't.is_open',
      't.due_at',
      't.assignee_id',
      't.contact_id',
      'c.full_name as contact_name',
      't.priority',
    ])
    .where('t.workspace_id', '=', workspaceId)
    .where('t.due_at', '>=', from)
    .where('t.due_at', '<', to)
    .where('t.status', '<>', 'cancelled');
  if (s.userId) q = q.where('t.assignee_id', '=', s.userId);
  if (s.ownerOnly) {
    const me = s.ownerOnly;
    q = q.where((eb) => eb.or([eb('t.assignee_id', '=', me), eb('t.created_by', '=', me)]));
  }
  return q.orderBy('t.due_at').limit(2000).execute();
}

/** Scheduled activities in the range. */
export function listScheduledActivitiesInRange(
  db: Db,
  workspaceId: string,
  from: string,
  to: string,
  s: CalendarScope,
) {
  let q = db
    .selectFrom('activities as a')
    .innerJoin('activity_types as ty', 'ty.id', 'a.type_id')
    .leftJoin('contacts as c', 'c.id', 'a.contact_id')
    .select([
      'a.id',
      'a.title',
      'a.description',
      'a.status',
      'a.occurred_at',
      'a.duration_minutes',
      'a.created_by',
      'a.contact_id',
      'c.full_name as contact_name',
      'ty.color',
      'ty.icon',
      'ty.name as type_name',
    ])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.status', '=', 'scheduled')
    .where('a.occurred_at', '>=', from)
    .where('a.occurred_at', '<', to);
  if (s.userId) q = q.where('a.created_by', '=', s.userId);
  if (s.ownerOnly) {
    const me = s.ownerOnly;
    q = q.where((eb) => eb.or([eb('a.created_by', '=', me), eb('c.owner_id', '=', me)]));
  }
  if (s.viewerId) {
    const me = s.viewerId;
    q = q.where((eb) => eb.or([eb('a.is_confidential', '=', false), eb('a.created_by', '=', me)]));
  }
  return q.orderBy('a.occurred_at').limit(2000).execute();
}

export function findFeed(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The feed's owner, found by the token's hash (the token itself is never stored). */
export function findFeedByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds')
    .select(['id', 'workspace_id', 'user_id', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function replaceFeed(db: Db, workspaceId: string, userId: string, tokenHash: string, now: string) {
  await db.deleteFrom('calendar_feeds').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
  await db
    .insertInto('calendar_feeds')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      user_id: userId,
      token_hash: tokenHash,
      last_used_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function deleteFeed(db: Db, workspaceId: string, userId: string) {
  await db.deleteFrom('calendar_feeds').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

export async function touchFeed(db: Db, id: string, now: string) {
  await db.updateTable('calendar_feeds').set({ last_used_at: now }).where('id', '=', id).execute();
}
