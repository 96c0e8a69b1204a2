import type { Db } from '../../platform/transaction.js';

/** Live (not deleted) contacts by id, with what other modules may know of them. */
export function findLiveContactRefs(db: Db, workspaceId: string, ids: readonly string[]) {
  return db
    .selectFrom('contacts')
    .select(['id', 'full_name', 'owner_id', 'company_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...new Set(ids)])
    .where('deleted_at', 'is', null)
    .execute();
}
