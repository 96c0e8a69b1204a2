import type { Contact, ContactListItem } from '../../../shared/contracts/contacts.js';
import type { TagRef } from '../../../shared/contracts/contacts-config.js';
import { fromJson } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';
import { memberNames } from '../auth/members.service.js';
import type { Address } from './contacts.tables.js';
import {
  companyNames,
  listEmails,
  listPhones,
  tagsOfContacts,
  type ContactProfileRow,
  type ContactRow,
  type EmailRow,
  type PhoneRow,
} from './contacts.repository.js';

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

const tagRefOf = (t: TagRef): TagRef => ({ id: t.id, name: t.name, color: t.color });

/** A list item from its row and what the page looked up for it. */
function listItemOf(
  r: ContactRow,
  ownerName: string | null,
  companyName: string | null,
  tags: TagRef[],
): ContactListItem {
  const address = fromJson<Address | null>(r.address, null);
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    fullName: r.full_name,
    typeKey: r.type_key,
    sourceKey: r.source_key,
    ownerId: r.owner_id,
    ownerName: r.owner_id ? ownerName : null,
    team: r.team,
    companyId: r.company_id,
    companyName: r.company_id ? companyName : null,
    primaryEmail: r.primary_email,
    primaryPhone: r.primary_phone,
    birthday: r.birthday,
    gender: r.gender,
    preferredLanguage: r.preferred_language,
    doNotContact: Boolean(r.do_not_contact),
    city: address?.city ?? null,
    custom: fromJson<Record<string, unknown>>(r.custom, {}),
    tags,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    version: r.version,
  };
}

type EmailOut = Pick<EmailRow, 'id' | 'email' | 'label' | 'is_primary'>;
type PhoneOut = Pick<PhoneRow, 'id' | 'e164' | 'raw' | 'label' | 'is_primary'>;

/** A full contact from its list item and its emails and phones (in their order). */
function contactOf(r: ContactRow, item: ContactListItem, emails: EmailOut[], phones: PhoneOut[]): Contact {
  return {
    ...item,
    emails: emails.map((e) => ({ id: e.id, email: e.email, label: e.label, isPrimary: Boolean(e.is_primary) })),
    phones: phones.map((p) => ({
      id: p.id,
      e164: p.e164,
      raw: p.raw,
      label: p.label,
      isPrimary: Boolean(p.is_primary),
    })),
    address: fromJson<Address | null>(r.address, null),
    createdBy: r.created_by,
    mergedIntoId: r.merged_into_id ?? null,
  };
}

/** List rows with owner names, company names and tags, in 3 queries for the whole page. */
export async function toListItems(db: Db, workspaceId: string, rows: ContactRow[]): Promise<ContactListItem[]> {
  const ids = rows.map((r) => r.id);
  const [owners, companies, tagRows] = await Promise.all([
    memberNames(
      db,
      workspaceId,
      rows.map((r) => r.owner_id).filter((x): x is string => Boolean(x)),
    ),
    companyNames(
      db,
      workspaceId,
      rows.map((r) => r.company_id).filter((x): x is string => Boolean(x)),
    ),
    tagsOfContacts(db, workspaceId, ids),
  ]);
  const tags = groupBy(tagRows, (t) => t.contact_id);
  return rows.map((r) =>
    listItemOf(
      r,
      r.owner_id ? (owners.get(r.owner_id) ?? null) : null,
      r.company_id ? (companies.get(r.company_id) ?? null) : null,
      (tags.get(r.id) ?? []).map(tagRefOf),
    ),
  );
}

/** One contact from its profile row (see findContactProfile): no further queries. */
export function contactFromProfile(r: ContactProfileRow): Contact {
  const tags = fromJson<TagRef[]>(r.tags_json, []).map(tagRefOf);
  const item = listItemOf(r, r.owner_name ?? null, r.company_name ?? null, tags);
  return contactOf(r, item, fromJson<EmailOut[]>(r.emails_json, []), fromJson<PhoneOut[]>(r.phones_json, []));
}

/** Full contacts (with every email and phone). */
export async function toContacts(db: Db, workspaceId: string, rows: ContactRow[]): Promise<Contact[]> {
  const ids = rows.map((r) => r.id);
  const [items, emails, phones] = await Promise.all([
    toListItems(db, workspaceId, rows),
    listEmails(db, workspaceId, ids),
    listPhones(db, workspaceId, ids),
  ]);
  const emailsBy = groupBy(emails, (e) => e.contact_id);
  const phonesBy = groupBy(phones, (p) => p.contact_id);
  return items.map((item, i) =>
    contactOf(rows[i], item, emailsBy.get(rows[i].id) ?? [], phonesBy.get(rows[i].id) ?? []),
  );
}
