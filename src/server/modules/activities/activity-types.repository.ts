import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/transaction.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ActivityTypeRow = DB['activity_types'];

export function listActivityTypes(db: Db, workspaceId: string, includeArchived: boolean) {
  let q = db.selectFrom('activity_types').selectAll().where('workspace_id', '=', workspaceId);
  if (!includeArchived) q = q.where('is_archived', '=', false);
  return q.orderBy('position').orderBy('name').execute();
}

export function findActivityType(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('activity_types')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** By id, or else by key (integrations and quick-log buttons name types by key). */
export function findActivityTypeByIdOrKey(db: Db, workspaceId: string, idOrKey: string) {
  return (
    db
      .selectFrom('activity_types')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      // Only a UUID can be an id (PostgreSQL would refuse to compare anything else with one).
      .where((eb) =>
        UUID.test(idOrKey) ? eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)]) : eb('key', '=', idOrKey),
      )
      .orderBy('is_archived')
      .executeTakeFirst()
  );
}

export function findActivityTypeByKey(db: Db, workspaceId: string, key: string) {
  return db
    .selectFrom('activity_types')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertActivityTypes(db: Db, rows: Insertable<DB['activity_types']>[]) {
  if (rows.length) await db.insertInto('activity_types').values(rows).execute();
}

export async function updateActivityType(
  db: Db,
  workspaceId: string,
  id: string,
  version: number,
  patch: Partial<ActivityTypeRow>,
) {
  const res = await db
    .updateTable('activity_types')
    .set({ ...patch, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteActivityType(db: Db, workspaceId: string, id: string) {
  await db.deleteFrom('activity_types').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function activityTypeInUse(db: Db, workspaceId: string, typeId: string) {
  return Boolean(
    await db
      .selectFrom('activities')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('type_id', '=', typeId)
      .limit(1)
      .executeTakeFirst(),
  );
}

export async function maxActivityTypePosition(db: Db, workspaceId: string) {
  const row = await db
    .selectFrom('activity_types')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return Number(row?.max ?? -1);
}
