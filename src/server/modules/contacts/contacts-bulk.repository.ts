import { sql, type Insertable, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/transaction.js';

// SQL for writing and matching contacts many at a time (imports): inserts of many rows (see
// insertRowsFast), and one lookup per key kind per batch.

/** Inserts rows of one of the tables, typed by the schema. */
export async function insertMany<T extends keyof DB & string>(
  db: Db,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<void> {
  await dialectOf(db).insertRowsFast(db, table, rows as Array<Record<string, unknown>>, {
    fullText: table === 'contact_search',
  });
}

type Scope = { workspaceId: string; ownerScope: string | null };

/** Live contacts owning any of these emails: email -> contact ids. */
export async function contactsByEmails(
  db: Db,
  s: Scope,
  emails: string[],
): Promise<Array<{ key: string; id: string }>> {
  if (!emails.length) return [];
  let q = db
    .selectFrom('contact_emails as e')
    .innerJoin('contacts as c', 'c.id', 'e.contact_id')
    .select(['e.email as key', 'c.id'])
    .where('e.workspace_id', '=', s.workspaceId)
    .where('e.email', 'in', emails)
    .where('c.deleted_at', 'is', null);
  if (s.ownerScope) q = q.where('c.owner_id', '=', s.ownerScope);
  return q.orderBy('c.created_at').execute();
}

export async function contactsByPhones(db: Db, s: Scope, e164s: string[]): Promise<Array<{ key: string; id: string }>> {
  if (!e164s.length) return [];
  let q = db
    .selectFrom('contact_phones as p')
    .innerJoin('contacts as c', 'c.id', 'p.contact_id')
    .select(['p.e164 as key', 'c.id'])
    .where('p.workspace_id', '=', s.workspaceId)
    .where('p.e164', 'in', e164s)
    .where('c.deleted_at', 'is', null);
  if (s.ownerScope) q = q.where('c.owner_id', '=', s.ownerScope);
  return q.orderBy('c.created_at').execute();
}

export async function contactsByExternalIds(
  db: Db,
  s: Scope,
  system: string,
  externalIds: string[],
): Promise<Array<{ key: string; id: string }>> {
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
export async function companiesByNames(
  db: Db,
  workspaceId: string,
  lowerNames: string[],
): Promise<Array<{ id: string; key: string }>> {
  if (!lowerNames.length) return [];
  return db
    .selectFrom('companies')
    .select(['id', sql<string>`lower(name)`.as('key')])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where(sql<string>`lower(name)`, 'in', lowerNames)
    .orderBy('created_at')
    .execute();
}

/** Values of a custom field already used by live records, among the given ones: value -> record id. */
export async function takenCustomValues(
  db: Db,
  table: 'contacts' | 'companies',
  workspaceId: string,
  keyExpr: RawBuilder<string | null>,
  values: string[],
): Promise<Map<string, string>> {
  if (!values.length) return new Map();
  const rows = await db
    .selectFrom(table)
    .select(['id', keyExpr.as('v')])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where(keyExpr, 'in', values)
    .execute();
  return new Map(rows.map((r) => [String(r.v), r.id]));
}

/** Active members with their emails (owners are named by email or name in files). */
export function activeMembers(db: Db, workspaceId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.is_active', '=', true)
    .execute();
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

export async function deleteRowsByIds(
  db: Db,
  table: 'contact_emails' | 'contact_phones',
  workspaceId: string,
  ids: string[],
): Promise<void> {
  if (ids.length) await db.deleteFrom(table).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function deleteTaggingPairs(
  db: Db,
  workspaceId: string,
  contactId: string,
  tagIds: string[],
): Promise<void> {
  if (tagIds.length)
    await db
      .deleteFrom('contact_tags')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .where('tag_id', 'in', tagIds)
      .execute();
}

export async function existingTaggingPairs(db: Db, workspaceId: string, contactIds: string[]): Promise<Set<string>> {
  if (!contactIds.length) return new Set();
  const rows = await db
    .selectFrom('contact_tags')
    .select(['contact_id', 'tag_id'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', contactIds)
    .execute();
  return new Set(rows.map((r) => `${r.contact_id}|${r.tag_id}`));
}

export type WithContactLists<R> = R & { emails: string | null; phones: string | null; tags: string | null };

/**
 * A page of contacts (a query selecting `id`, ordered by it) with each contact's emails (primary
 * first) and phones joined with "; " and its tag names (in name order) with ", ", in one statement:
 * each list is one read of the page's ids, grouped in the database. On PostgreSQL the read is one
 * index range from the page's first id to its last (probing id by id cost 20-30 ms a page); rows
 * of contacts in that range but not in the page are grouped and left out by the join. SQLite is
 * given the page's ids (`in`): given a range it chose the workspace's email index and read every
 * address of the workspace for every page.
 */
export async function withContactLists<R extends { id: string }>(
  db: Db,
  workspaceId: string,
  page: SelectQueryBuilder<any, any, R>,
): Promise<Array<WithContactLists<R>>> {
  const d = dialectOf(db);
  const { bounds, inPage } = d.idsOfPage('page');
  const list = (table: string, value: string, separator: string, order: string) =>
    sql`(select contact_id, ${d.stringAgg(value, separator, order)} as v from ${sql.table(table)} where workspace_id = ${workspaceId} and contact_id ${inPage} group by contact_id)`;
  const tags = sql`(select ct.contact_id, ${d.stringAgg('t.name', ', ', 't.name')} as v from contact_tags ct inner join tags t on t.id = ct.tag_id
    where ct.workspace_id = ${workspaceId} and ct.contact_id ${inPage} group by ct.contact_id)`;
  // an interpolated query comes wrapped in parentheses: `with page as (select …)`
  const result = await sql<WithContactLists<R>>`with page as ${page}${bounds}
    select page.*, em.v as emails, ph.v as phones, tg.v as tags from page
    left join ${list('contact_emails', 'email', '; ', 'is_primary desc, created_at, id')} em on em.contact_id = page.id
    left join ${list('contact_phones', 'e164', '; ', 'is_primary desc, created_at, id')} ph on ph.contact_id = page.id
    left join ${tags} tg on tg.contact_id = page.id
    order by page.id`.execute(db);
  return result.rows;
}
