import type { Contact, ContactListItem } from '../../../shared/contracts/contacts.js';
import type { TagRef } from '../../../shared/contracts/contacts-config.js';
import { fromJson } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';
import type { Address } from './contacts.tables.js';
import { companyNames, listEmails, listPhones, memberNames, tagsOfContacts, type ContactRow } from './contacts.repository.js';

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

/** List rows with owner names, company names and tags, in 3 queries for the whole page. */
export async function toListItems(db: Db, workspaceId: string, rows: ContactRow[]): Promise<ContactListItem[]> {
  const ids = rows.map((r) => r.id);
  const [owners, companies, tagRows] = await Promise.all([
    memberNames(db, workspaceId, rows.map((r) => r.owner_id).filter((x): x is string => Boolean(x))),
    companyNames(db, workspaceId, rows.map((r) => r.company_id).filter((x): x is string => Boolean(x))),
    tagsOfContacts(db, workspaceId, ids),
  ]);
  const tags = groupBy(tagRows, (t) => t.contact_id);
  return rows.map((r) => {
    const address = fromJson<Address | null>(r.address, null);
    return {
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      fullName: r.full_name,
      typeKey: r.type_key,
      sourceKey: r.source_key,
      ownerId: r.owner_id,
      ownerName: r.owner_id ? owners.get(r.owner_id) ?? null : null,
      team: r.team,
      companyId: r.company_id,
      companyName: r.company_id ? companies.get(r.company_id) ?? null : null,
      primaryEmail: r.primary_email,
      primaryPhone: r.primary_phone,
      birthday: r.birthday,
      gender: r.gender,
      preferredLanguage: r.preferred_language,
      doNotContact: Boolean(r.do_not_contact),
      city: address?.city ?? null,
      custom: fromJson<Record<string, unknown>>(r.custom, {}),
      tags: (tags.get(r.id) ?? []).map((t): TagRef => ({ id: t.id, name: t.name, color: t.color })),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
      version: r.version,
    };
  });
}

/** Full contacts (with every email and phone). */
export async function toContacts(db: Db, workspaceId: string, rows: ContactRow[]): Promise<Contact[]> {
  const ids = rows.map((r) => r.id);
  const [items, emails, phones] = await Promise.all([toListItems(db, workspaceId, rows), listEmails(db, workspaceId, ids), listPhones(db, workspaceId, ids)]);
  const emailsBy = groupBy(emails, (e) => e.contact_id);
  const phonesBy = groupBy(phones, (p) => p.contact_id);
  return items.map((item, i) => {
    const r = rows[i];
    return {
      ...item,
      emails: (emailsBy.get(r.id) ?? []).map((e) => ({ id: e.id, email: e.email, label: e.label, isPrimary: Boolean(e.is_primary) })),
      phones: (phonesBy.get(r.id) ?? []).map((p) => ({ id: p.id, e164: p.e164, raw: p.raw, label: p.label, isPrimary: Boolean(p.is_primary) })),
      address: fromJson<Address | null>(r.address, null),
      createdBy: r.created_by,
      mergedIntoId: r.merged_into_id ?? null,
    };
  });
}
