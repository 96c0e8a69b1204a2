import { fromJson } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

/** The rules of a contact type, read in the writer's transaction (contact-type hooks run inside it). */
export async function contactTypeRules(
  db: Db,
  workspaceId: string,
  typeKey: string,
): Promise<Array<{ kind: string; [k: string]: unknown }>> {
  const row = await db
    .selectFrom('contact_types')
    .select('rules')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', typeKey)
    .executeTakeFirst();
  return row ? fromJson<Array<{ kind: string }>>(row.rules, []) : [];
}

/** What an automatically created item needs of its contact. */
export function contactSummary(db: Db, workspaceId: string, contactId: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'full_name', 'owner_id', 'source_key', 'deleted_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .executeTakeFirst();
}

/** The first active pipeline of a category (by position), if any. */
export async function firstPipelineOfCategory(db: Db, workspaceId: string, category: string): Promise<string | null> {
  const row = await db
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('category', '=', category)
    .where('is_archived', '=', false)
    .orderBy('position')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Re-points the items of merged contacts to the survivor (a new version each); returns what undo needs. */
export async function moveContactDeals(
  db: Db,
  workspaceId: string,
  fromContactIds: string[],
  toContactId: string,
): Promise<Array<{ id: string; contactId: string }>> {
  if (!fromContactIds.length) return [];
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'contact_id'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', fromContactIds)
    .execute();
  if (!rows.length) return [];
  await db
    .updateTable('deals')
    .set((eb) => ({ contact_id: toContactId, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', fromContactIds)
    .execute();
  return rows.map((r) => ({ id: r.id, contactId: r.contact_id! }));
}

/** Puts items back on the contacts they had before a merge (those still on the survivor). */
export async function restoreContactDeals(
  db: Db,
  workspaceId: string,
  moved: Array<{ id: string; contactId: string }>,
  survivorId: string,
): Promise<void> {
  for (const m of moved) {
    await db
      .updateTable('deals')
      .set((eb) => ({ contact_id: m.contactId, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', m.id)
      .where('contact_id', '=', survivorId)
      .execute();
  }
}
