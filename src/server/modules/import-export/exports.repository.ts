import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/transaction.js';

// SQL for export jobs and their files.

export type ExportRow = DB['exports'];

export async function insertExport(db: Db, row: Insertable<DB['exports']>): Promise<void> {
  await db.insertInto('exports').values(row).execute();
}

export function findExport(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('exports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateExport(
  db: Db,
  workspaceId: string,
  id: string,
  set: Updateable<DB['exports']>,
  fromStatuses?: string[],
): Promise<boolean> {
  let q = db.updateTable('exports').set(set).where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (fromStatuses) q = q.where('status', 'in', fromStatuses);
  return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
}

/** A member's own exports, newest first. */
export function listExportRows(
  db: Db,
  workspaceId: string,
  createdBy: string | null,
  limit: number,
  after: [string, string] | null,
) {
  let q = db.selectFrom('exports').selectAll().where('workspace_id', '=', workspaceId);
  q = createdBy ? q.where('created_by', '=', createdBy) : q.where('created_by', 'is', null);
  if (after)
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', after[0]), eb.and([eb('created_at', '=', after[0]), eb('id', '<', after[1])])]),
    );
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Export files past their expiry, in every workspace (the daily cleanup). */
export function expiredExports(db: Db, now: string) {
  return db
    .selectFrom('exports')
    .select(['id', 'workspace_id', 'file_key'])
    .where('file_key', 'is not', null)
    .where('expires_at', '<', now)
    .limit(500)
    .execute();
}
