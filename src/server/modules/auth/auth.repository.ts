import type { Db } from '../../platform/transaction.js';

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUser(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listMemberships(db: Db, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .select(['w.id', 'w.name', 'w.slug', 'm.role', 'm.is_active', 'm.created_at'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .execute();
}

/** A live session with what the guard needs, in one query. */
export function findSessionByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 's.user_id').onRef('m.workspace_id', '=', 's.workspace_id'),
    )
    .innerJoin('workspaces as w', 'w.id', 's.workspace_id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.name as user_name',
      'm.role',
      'm.is_active',
      'w.id as workspace_id',
      'w.settings',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** A key with its owner's membership of the key's workspace (null when the owner is not a member). */
export function findApiKeyByPrefix(db: Db, prefix: string) {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('workspaces as w', 'w.id', 'k.workspace_id')
    .leftJoin('memberships as m', (j) =>
      j.onRef('m.workspace_id', '=', 'k.workspace_id').onRef('m.user_id', '=', 'k.created_by'),
    )
    .select([
      'k.id',
      'k.name',
      'k.role',
      'k.key_hash',
      'k.revoked_at',
      'k.last_used_at',
      'k.workspace_id',
      'k.created_by',
      'm.role as owner_role',
      'm.is_active as owner_active',
      'w.settings',
    ])
    .where('k.prefix', '=', prefix)
    .executeTakeFirst();
}
