import { countAll } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

// SQL for per-workspace contact configuration: types, sources, custom fields, settings.

export function listTypeRows(db: Db, workspaceId: string) {
  return db
    .selectFrom('contact_types')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

export function findTypeRow(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('contact_types')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findTypeByKey(db: Db, workspaceId: string, key: string) {
  return db
    .selectFrom('contact_types')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function countContactsByType(db: Db, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('contacts')
    .select(['type_key', countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .groupBy('type_key')
    .execute();
  return new Map(rows.map((r) => [r.type_key ?? '', Number(r.n)]));
}

export function listSourceRows(db: Db, workspaceId: string) {
  return db
    .selectFrom('contact_sources')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

export function findSourceRow(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('contact_sources')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSourceByKey(db: Db, workspaceId: string, key: string) {
  return db
    .selectFrom('contact_sources')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export function listFieldRows(db: Db, workspaceId: string, entity?: string) {
  let q = db.selectFrom('custom_fields').selectAll().where('workspace_id', '=', workspaceId);
  if (entity) q = q.where('entity', '=', entity);
  return q.orderBy('entity').orderBy('position').orderBy('key').execute();
}

export function findFieldRow(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function nextPosition(
  db: Db,
  table: 'contact_types' | 'contact_sources' | 'custom_fields',
  workspaceId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('p'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return Number(row?.p ?? -1) + 1;
}

export async function retentionDays(db: Db, workspaceId: string): Promise<number | null> {
  const row = await db
    .selectFrom('contact_settings')
    .select('retention_days')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.retention_days ?? null;
}

export async function saveRetentionDays(db: Db, workspaceId: string, days: number, now: string): Promise<void> {
  await db
    .insertInto('contact_settings')
    .values({ workspace_id: workspaceId, retention_days: days, updated_at: now })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ retention_days: days, updated_at: now }))
    .execute();
}
