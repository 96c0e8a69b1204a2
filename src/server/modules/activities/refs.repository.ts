import type { Db } from '../../platform/transaction.js';

/** Lookups of records this module points at (contacts, members), always within one workspace. */

export function findContactRef(db: Db, workspaceId: string, contactId: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'full_name as name', 'owner_id', 'company_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findContactRefs(db: Db, workspaceId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('contacts')
    .select(['id', 'full_name as name', 'owner_id', 'company_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...new Set(ids)])
    .where('deleted_at', 'is', null)
    .execute();
}

/** Active members of the workspace among `userIds`. */
export async function findActiveMembers(db: Db, workspaceId: string, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'm.role'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.is_active', '=', true)
    .where('u.id', 'in', [...new Set(userIds)])
    .execute();
}

export function listActiveMembers(db: Db, workspaceId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.is_active', '=', true)
    .execute();
}

export function findWorkspaceTimezone(db: Db, workspaceId: string) {
  return db
    .selectFrom('workspaces')
    .select(['timezone', 'name'])
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}
