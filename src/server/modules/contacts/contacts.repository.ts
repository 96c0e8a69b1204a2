import type { Insertable, Updateable } from 'kysely';
import { newId } from '../../db/ids.js';
import { reusableQuery } from '../../db/reusable-query.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/transaction.js';

// SQL for contact rows and their emails, phones, tags, owners and companies. Every query is
// scoped by workspace.

export type ContactRow = DB['contacts'];
export type EmailRow = DB['contact_emails'];
export type PhoneRow = DB['contact_phones'];

export function findContactRow(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Every contact column, named: a prepared statement with `c.*` fails ("cached plan must not change
 * result type") on a node still running when another one's migration adds a column.
 */
const CONTACT_COLUMNS = Object.keys({
  id: 1,
  workspace_id: 1,
  first_name: 1,
  last_name: 1,
  full_name: 1,
  type_key: 1,
  source_key: 1,
  owner_id: 1,
  team: 1,
  company_id: 1,
  primary_email: 1,
  primary_phone: 1,
  address: 1,
  birthday: 1,
  gender: 1,
  preferred_language: 1,
  do_not_contact: 1,
  custom: 1,
  created_by: 1,
  version: 1,
  created_at: 1,
  updated_at: 1,
  deleted_at: 1,
  name_key: 1,
  name_skeleton: 1,
  merged_into_id: 1,
} satisfies Record<keyof ContactRow, 1>).map((k) => `c.${k}` as `c.${keyof ContactRow}`);

const profileQuery = reusableQuery((d, db, workspaceId, id) =>
  db
    .selectFrom('contacts as c')
    .select(CONTACT_COLUMNS)
    .select((eb) => [
      eb
        .selectFrom('users as u')
        .innerJoin('memberships as m', 'm.user_id', 'u.id')
        .select('u.name')
        .whereRef('u.id', '=', 'c.owner_id')
        .where('m.workspace_id', '=', workspaceId)
        .as('owner_name'),
      eb
        .selectFrom('companies as co')
        .select('co.name')
        .whereRef('co.id', '=', 'c.company_id')
        .where('co.workspace_id', '=', workspaceId)
        .as('company_name'),
      d
        .jsonRows(
          eb
            .selectFrom('contact_tags as ct')
            .innerJoin('tags as t', 't.id', 'ct.tag_id')
            .select(['t.id', 't.name', 't.color'])
            .where('ct.workspace_id', '=', workspaceId)
            .whereRef('ct.contact_id', '=', 'c.id')
            .orderBy('t.name'),
        )
        .as('tags_json'),
      d
        .jsonRows(
          eb
            .selectFrom('contact_emails as e')
            .select(['e.id', 'e.email', 'e.label', 'e.is_primary'])
            .where('e.workspace_id', '=', workspaceId)
            .whereRef('e.contact_id', '=', 'c.id')
            .orderBy('e.is_primary', 'desc')
            .orderBy('e.created_at')
            .orderBy('e.id'),
        )
        .as('emails_json'),
      d
        .jsonRows(
          eb
            .selectFrom('contact_phones as p')
            .select(['p.id', 'p.e164', 'p.raw', 'p.label', 'p.is_primary'])
            .where('p.workspace_id', '=', workspaceId)
            .whereRef('p.contact_id', '=', 'c.id')
            .orderBy('p.is_primary', 'desc')
            .orderBy('p.created_at')
            .orderBy('p.id'),
        )
        .as('phones_json'),
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', id),
);

/** A contact row with what its page shows (owner and company names, tags, emails, phones as JSON arrays), in one statement. */
export type ContactProfileRow = Awaited<ReturnType<typeof profileQuery>>['rows'][number];

export async function findContactProfile(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ContactProfileRow | undefined> {
  return (await profileQuery(db, workspaceId, id)).rows[0];
}

export function findContactRows(db: Db, workspaceId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as ContactRow[]);
  return db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function insertContactRow(db: Db, row: Insertable<DB['contacts']>): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

/** Optimistic update: false when the version moved on (or the row is gone). */
export async function updateContactRow(
  db: Db,
  workspaceId: string,
  id: string,
  version: number,
  set: Updateable<DB['contacts']>,
): Promise<boolean> {
  const res = await db
    .updateTable('contacts')
    .set({ ...set, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export function listEmails(db: Db, workspaceId: string, contactIds: string[]) {
  if (!contactIds.length) return Promise.resolve([] as EmailRow[]);
  return db
    .selectFrom('contact_emails')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', contactIds)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listPhones(db: Db, workspaceId: string, contactIds: string[]) {
  if (!contactIds.length) return Promise.resolve([] as PhoneRow[]);
  return db
    .selectFrom('contact_phones')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', contactIds)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function replaceEmails(
  db: Db,
  workspaceId: string,
  contactId: string,
  emails: Array<{ email: string; label: string | null; isPrimary: boolean }>,
  now: string,
): Promise<void> {
  await db
    .deleteFrom('contact_emails')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute();
  await insertEmails(db, workspaceId, contactId, emails, now);
}

/** Emails of a contact that has none yet (a new one). */
export async function insertEmails(
  db: Db,
  workspaceId: string,
  contactId: string,
  emails: Array<{ email: string; label: string | null; isPrimary: boolean }>,
  now: string,
): Promise<void> {
  if (!emails.length) return;
  await db
    .insertInto('contact_emails')
    .values(
      emails.map((e) => ({
        id: newId(),
        workspace_id: workspaceId,
        contact_id: contactId,
        email: e.email,
        label: e.label,
        is_primary: e.isPrimary,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export async function replacePhones(
  db: Db,
  workspaceId: string,
  contactId: string,
  phones: Array<{ e164: string; raw: string; label: string | null; isPrimary: boolean }>,
  now: string,
): Promise<void> {
  await db
    .deleteFrom('contact_phones')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute();
  await insertPhones(db, workspaceId, contactId, phones, now);
}

/** Phones of a contact that has none yet (a new one). */
export async function insertPhones(
  db: Db,
  workspaceId: string,
  contactId: string,
  phones: Array<{ e164: string; raw: string; label: string | null; isPrimary: boolean }>,
  now: string,
): Promise<void> {
  if (!phones.length) return;
  await db
    .insertInto('contact_phones')
    .values(
      phones.map((p) => ({
        id: newId(),
        workspace_id: workspaceId,
        contact_id: contactId,
        e164: p.e164,
        raw: p.raw,
        label: p.label,
        is_primary: p.isPrimary,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export function tagsOfContacts(db: Db, workspaceId: string, contactIds: string[]) {
  if (!contactIds.length) return Promise.resolve([]);
  return db
    .selectFrom('contact_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select(['ct.contact_id', 't.id', 't.name', 't.color'])
    .where('ct.workspace_id', '=', workspaceId)
    .where('ct.contact_id', 'in', contactIds)
    .orderBy('t.name')
    .execute();
}

/** Names of workspace members by user id. */
export async function memberNames(db: Db, workspaceId: string, userIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.name'])
    .where('m.workspace_id', '=', workspaceId)
    .where('u.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function isActiveMember(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('is_active', '=', true)
    .executeTakeFirst();
  return Boolean(row);
}

export async function companyNames(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function findLiveCompany(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('companies')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Writes (or replaces) a contact's search document. */
export async function saveSearchDocument(
  db: Db,
  workspaceId: string,
  contactId: string,
  document: string,
): Promise<void> {
  await db
    .insertInto('contact_search')
    .values({ contact_id: contactId, workspace_id: workspaceId, document })
    .onConflict((oc) => oc.column('contact_id').doUpdateSet({ document }))
    .execute();
}

/** Note bodies of a contact, newest first, for its search document. */
export async function noteTextOf(db: Db, workspaceId: string, contactId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('notes')
    .select('body')
    .where('workspace_id', '=', workspaceId)
    .where('entity_type', '=', 'contact')
    .where('entity_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => r.body);
}
