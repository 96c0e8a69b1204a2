import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { amongSortedIds, insertRowsFast } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

// SQL for writing and matching contacts many at a time (imports): inserts of many rows (see
// insertRowsFast), and one lookup per key kind per batch.

/** Inserts rows of one of the tables, typed by the schema. */
export async function insertMany<T extends keyof DB & string>(db: Db, dialect: Dialect, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  await insertRowsFast(dialect, db, table, rows as Array<Record<string, unknown>>, { fullText: table === 'contact_search' });
}

type Scope = { workspaceId: string; ownerScope: string | null };

/** Live contacts owning any of these emails: email -> contact ids. */
export async function contactsByEmails(db: Db, s: Scope, emails: string[]): Promise<Array<{ key: string; id: string }>> {
  if (!emails.length) return [];
  let q = db.selectFrom('contact_emails as e').innerJoin('contacts as c', 'c.id', 'e.contact_id').select(['e.email as key', 'c.id']).where('e.workspace_id', '=', s.workspaceId).where('e.email', 'in', emails).where('c.deleted_at', 'is', null);
  if (s.ownerScope) q = q.where('c.owner_id', '=', s.ownerScope);
  return q.orderBy('c.created_at').execute();
}

export async function contactsByPhones(db: Db, s: Scope, e164s: string[]): Promise<Array<{ key: string; id: string }>> {
  if (!e164s.length) return [];
  let q = db.selectFrom('contact_phones as p').innerJoin('contacts as c', 'c.id', 'p.contact_id').select(['p.e164 as key', 'c.id']).where('p.workspace_id', '=', s.workspaceId).where('p.e164', 'in', e164s).where('c.deleted_at', 'is', null);
  if (s.ownerScope) q = q.where('c.owner_id', '=', s.ownerScope);
  return q.orderBy('c.created_at').execute();
}

export async function contactsByExternalIds(db: Db, s: Scope, system: string, externalIds: string[]): Promise<Array<{ key: string; id: string }>> {
  if (!externalIds.length) return [];
  let q = db
    .selectFrom('external_links as l')
    .innerJoin('contacts as c', 'c.id', 'l.contact_id')
    .select(['l.external_id as key', 'c.id'])
    .where('l.workspace_id', '=', s.workspaceId)
    .where('l.system', '=', system)
    .where('l.external_id', 'in', externalIds)
    .where('c.deleted_at', 'is', null);
  if (s.ownerScope) q = q.where('c.owner_id', '=', s.ownerScope);
  return q.orderBy('c.created_at').execute();
}

/** Live companies by lower-cased name. */
export async function companiesByNames(db: Db, workspaceId: string, lowerNames: string[]): Promise<Array<{ id: string; key: string }>> {
  if (!lowerNames.length) return [];
  return db.selectFrom('companies').select(['id', sql<string>`lower(name)`.as('key')]).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).where(sql<string>`lower(name)`, 'in', lowerNames).orderBy('created_at').execute();
}

/** Values of a custom field already used by live records, among the given ones: value -> record id. */
export async function takenCustomValues(db: Db, table: 'contacts' | 'companies', workspaceId: string, keyExpr: RawBuilder<string | null>, values: string[]): Promise<Map<string, string>> {
  if (!values.length) return new Map();
  const rows = await db.selectFrom(table).select(['id', keyExpr.as('v')]).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).where(keyExpr, 'in', values).execute();
  return new Map(rows.map((r) => [String(r.v), r.id]));
}

/** Active members with their emails (owners are named by email or name in files). */
export function activeMembers(db: Db, workspaceId: string) {
  return db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.id', 'u.email', 'u.name']).where('m.workspace_id', '=', workspaceId).where('m.is_active', '=', true).execute();
}

export function tagRows(db: Db, workspaceId: string) {
  return db.selectFrom('tags').select(['id', 'name', 'name_key']).where('workspace_id', '=', workspaceId).execute();
}

export async function softDeleteContactIds(db: Db, workspaceId: string, ids: string[], now: string): Promise<number> {
  if (!ids.length) return 0;
  const res = await db
    .updateTable('contacts')
    .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function softDeleteCompanyIds(db: Db, workspaceId: string, ids: string[], now: string): Promise<number> {
  if (!ids.length) return 0;
  const res = await db
    .updateTable('companies')
    .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function deleteRowsByIds(db: Db, table: 'contact_emails' | 'contact_phones', workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom(table).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function deleteTaggingPairs(db: Db, workspaceId: string, contactId: string, tagIds: string[]): Promise<void> {
  if (tagIds.length) await db.deleteFrom('contact_tags').where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).where('tag_id', 'in', tagIds).execute();
}

export async function existingTaggingPairs(db: Db, workspaceId: string, contactIds: string[]): Promise<Set<string>> {
  if (!contactIds.length) return new Set();
  const rows = await db.selectFrom('contact_tags').select(['contact_id', 'tag_id']).where('workspace_id', '=', workspaceId).where('contact_id', 'in', contactIds).execute();
  return new Set(rows.map((r) => `${r.contact_id}|${r.tag_id}`));
}

/**
 * Emails, phones and tag names of a page of contacts (ids ascending, as an export reads them):
 * contact id -> values in display order. Three reads of the page's ids (`amongSortedIds`: one index
 * range on PostgreSQL) instead of a lookup per contact; any other contact's values that come along
 * are never asked for.
 */
export async function contactListsOf(db: Db, dialect: Dialect, workspaceId: string, sortedIds: string[]) {
  if (!sortedIds.length) return { emails: new Map<string, string[]>(), phones: new Map<string, string[]>(), tags: new Map<string, string[]>() };
  const among = (column: string) => amongSortedIds(dialect, column, sortedIds);
  const [emails, phones, tags] = await Promise.all([
    db.selectFrom('contact_emails').select(['contact_id', 'email as v']).where(among('contact_id')).where('workspace_id', '=', workspaceId)
      .orderBy('contact_id').orderBy('is_primary', 'desc').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('contact_phones').select(['contact_id', 'e164 as v']).where(among('contact_id')).where('workspace_id', '=', workspaceId)
      .orderBy('contact_id').orderBy('is_primary', 'desc').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('contact_tags as ct').innerJoin('tags as t', 't.id', 'ct.tag_id').select(['ct.contact_id', 't.name as v']).where('ct.workspace_id', '=', workspaceId).where(among('ct.contact_id'))
      .orderBy('ct.contact_id').orderBy('t.name').execute(),
  ]);
  const group = (rows: Array<{ contact_id: string; v: string }>) => {
    const by = new Map<string, string[]>();
    for (const r of rows) {
      const list = by.get(r.contact_id);
      if (list) list.push(r.v);
      else by.set(r.contact_id, [r.v]);
    }
    return by;
  };
  return { emails: group(emails), phones: group(phones), tags: group(tags) };
}
