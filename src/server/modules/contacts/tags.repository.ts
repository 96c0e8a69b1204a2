import { countAll } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

// SQL for tags and the contact_tags join table.

export function listTagRows(db: Db, workspaceId: string) {
  return db.selectFrom('tags').selectAll().where('workspace_id', '=', workspaceId).orderBy('name_key').execute();
}

export async function tagUsage(db: Db, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('contact_tags as ct')
    .innerJoin('contacts as c', 'c.id', 'ct.contact_id')
    .select(['ct.tag_id', countAll().as('n')])
    .where('ct.workspace_id', '=', workspaceId)
    .where('c.deleted_at', 'is', null)
    .groupBy('ct.tag_id')
    .execute();
  return new Map(rows.map((r) => [r.tag_id, Number(r.n)]));
}

export function findTagRow(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findTagByNameKey(db: Db, workspaceId: string, nameKey: string) {
  return db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
}

/** Which of these ids are tags of the workspace. */
export async function existingTagIds(db: Db, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('tags')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** (contact, tag) pairs that already exist among the given ones. */
export async function existingTaggings(
  db: Db,
  workspaceId: string,
  contactIds: string[],
  tagIds: string[],
): Promise<Set<string>> {
  if (!contactIds.length || !tagIds.length) return new Set();
  const rows = await db
    .selectFrom('contact_tags')
    .select(['contact_id', 'tag_id'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', contactIds)
    .where('tag_id', 'in', tagIds)
    .execute();
  return new Set(rows.map((r) => `${r.contact_id}|${r.tag_id}`));
}

export async function insertTaggings(
  db: Db,
  workspaceId: string,
  pairs: Array<{ contactId: string; tagId: string }>,
  by: string | null,
  now: string,
): Promise<void> {
  for (let i = 0; i < pairs.length; i += 500) {
    const chunk = pairs.slice(i, i + 500);
    await db
      .insertInto('contact_tags')
      .values(
        chunk.map((p) => ({
          workspace_id: workspaceId,
          contact_id: p.contactId,
          tag_id: p.tagId,
          tagged_by: by,
          created_at: now,
        })),
      )
      .execute();
  }
}

export async function deleteTaggings(
  db: Db,
  workspaceId: string,
  contactIds: string[],
  tagIds: string[],
): Promise<void> {
  for (let i = 0; i < contactIds.length; i += 500) {
    await db
      .deleteFrom('contact_tags')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', contactIds.slice(i, i + 500))
      .where('tag_id', 'in', tagIds)
      .execute();
  }
}
