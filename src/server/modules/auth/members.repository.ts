import { isUuid } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

/** The one place that reads and writes workspace membership (users x memberships). */

const MEMBER_COLUMNS = ['u.id', 'u.email', 'u.name', 'u.locale', 'm.role', 'm.is_active', 'm.created_at'] as const;

function members(db: Db, workspaceId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(MEMBER_COLUMNS)
    .where('m.workspace_id', '=', workspaceId);
}

export function memberRows(
  db: Db,
  workspaceId: string,
  filter: { userIds?: readonly string[]; email?: string; activeOnly?: boolean },
) {
  let query = members(db, workspaceId);
  if (filter.userIds) {
    // ids from events and bodies; anything but a uuid cannot be a user (and PostgreSQL would reject it)
    const ids = [...new Set(filter.userIds)].filter(isUuid);
    if (!ids.length) return Promise.resolve([]);
    query = query.where('u.id', 'in', ids);
  }
  if (filter.email !== undefined) query = query.where('u.email', '=', filter.email);
  if (filter.activeOnly) query = query.where('m.is_active', '=', true);
  return query.orderBy('u.name').orderBy('u.id').execute();
}

export function findMembershipRow(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function activeAdminIds(db: Db, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    .execute();
}

export async function insertMembership(
  db: Db,
  row: { id: string; workspaceId: string; userId: string; role: string },
  now: string,
) {
  await db
    .insertInto('memberships')
    .values({
      id: row.id,
      workspace_id: row.workspaceId,
      user_id: row.userId,
      role: row.role,
      is_active: true,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateMembershipRow(db: Db, id: string, role: string, isActive: boolean, now: string) {
  await db
    .updateTable('memberships')
    .set({ role, is_active: isActive, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function insertUser(
  db: Db,
  row: { id: string; email: string; name: string; passwordHash: string | null; locale: string },
  now: string,
) {
  await db
    .insertInto('users')
    .values({
      id: row.id,
      email: row.email,
      name: row.name,
      password_hash: row.passwordHash,
      locale: row.locale,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function deleteMemberSessions(db: Db, workspaceId: string, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('workspace_id', '=', workspaceId).execute();
}
