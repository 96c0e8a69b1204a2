import type { Insertable, Transaction } from 'kysely';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { toJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import {
  firstNameForCreate,
  hasRegisteredRules,
  missingRequiredFields,
  nameColumns,
  type ContactImportContext,
  type PreparedContact,
} from './contacts-bulk-prepare.js';
import { companiesByNames, insertMany } from './contacts-bulk.repository.js';
import { enforceContactTypeRules } from './contact-type-rules.js';
import { searchDocument } from './search-document.js';

// Writes of new contacts, many per statement: the contact rows and everything a contact write
// also keeps (emails, phones, tags, external links, the search document), plus the companies
// and tags the rows name that do not exist yet.

const TAG_COLOR = '#64748b';

export interface CreatedContacts {
  ids: string[];
  companyIds: string[];
  tagIds: string[];
}

/** Company ids by lower-cased name, creating the companies that do not exist yet. */
export async function resolveCompanies(
  trx: Transaction<DB>,
  ictx: ContactImportContext,
  actor: Actor,
  names: string[],
  now: string,
  created: string[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const n of names) if (!wanted.has(n.toLowerCase())) wanted.set(n.toLowerCase(), n);
  const found = new Map<string, string>();
  for (const r of await companiesByNames(trx, actor.workspaceId, [...wanted.keys()]))
    if (!found.has(r.key)) found.set(r.key, r.id);
  const rows: Insertable<DB['companies']>[] = [];
  for (const [key, name] of wanted) {
    if (found.has(key)) continue;
    const id = newId();
    found.set(key, id);
    created.push(id);
    rows.push({
      id,
      workspace_id: actor.workspaceId,
      name,
      domain: null,
      industry: null,
      size: null,
      address: null,
      owner_id: actor.kind === 'user' ? actor.id : null,
      custom: toJson({}),
      created_by: actor.kind === 'user' ? actor.id : null,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  }
  await insertMany(trx, 'companies', rows);
  return found;
}

/** Tag ids by name key, creating missing tags (the prepare step refused them when the actor may not). */
export async function resolveTags(
  trx: Transaction<DB>,
  ictx: ContactImportContext,
  tags: Array<{ key: string; name: string }>,
  now: string,
  created: string[],
): Promise<Map<string, string>> {
  const rows: Insertable<DB['tags']>[] = [];
  const ids = new Map(ictx.tags);
  for (const t of tags) {
    if (ids.has(t.key)) continue;
    const id = newId();
    ids.set(t.key, id);
    created.push(id);
    rows.push({
      id,
      workspace_id: ictx.workspaceId,
      name: t.name,
      name_key: t.key,
      color: TAG_COLOR,
      description: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  }
  await insertMany(trx, 'tags', rows);
  return ids;
}

/** The values `required_fields` rules look at, for a contact about to be created. */
function ruleValues(p: PreparedContact, ownerId: string | null, companyId: string | null): Record<string, unknown> {
  return {
    lastName: p.lastName,
    email: p.emails[0],
    phone: p.phones[0]?.e164,
    ownerId,
    sourceKey: p.sourceKey,
    companyId,
    team: p.team,
    birthday: p.birthday,
    gender: p.gender,
    preferredLanguage: p.preferredLanguage,
    address: p.address,
  };
}

/**
 * Inserts new contacts (ids given by the caller) in one go. Throws an AppError naming the first
 * contact a rule refuses; the caller then retries row by row to isolate it.
 */
export async function insertContacts(
  trx: Transaction<DB>,
  actor: Actor,
  ictx: ContactImportContext,
  items: Array<{ id: string; contact: PreparedContact }>,
  externalSystem: string,
  now: string,
): Promise<CreatedContacts> {
  const out: CreatedContacts = { ids: [], companyIds: [], tagIds: [] };
  if (!items.length) return out;
  const companies = await resolveCompanies(
    trx,
    ictx,
    actor,
    items.map((i) => i.contact.companyName).filter((n): n is string => Boolean(n)),
    now,
    out.companyIds,
  );
  const tags = await resolveTags(
    trx,
    ictx,
    items.flatMap((i) => i.contact.tags),
    now,
    out.tagIds,
  );
  const contacts: Insertable<DB['contacts']>[] = [];
  const emails: Insertable<DB['contact_emails']>[] = [];
  const phones: Insertable<DB['contact_phones']>[] = [];
  const taggings: Insertable<DB['contact_tags']>[] = [];
  const links: Insertable<DB['external_links']>[] = [];
  const documents: Array<{ contact_id: string; workspace_id: string; document: string }> = [];
  const createdBy = actor.kind === 'user' ? actor.id : null;
  for (const { id, contact: p } of items) {
    const firstName = firstNameForCreate(p);
    if (!firstName)
      throw new AppError('VALIDATION_FAILED', 'No name, email or phone to name this contact', { field: 'firstName' });
    const companyId = p.companyName ? (companies.get(p.companyName.toLowerCase()) ?? null) : null;
    const ownerId = p.ownerId ?? ictx.actorId;
    const missing = missingRequiredFields(ictx, p.typeKey, ruleValues(p, ownerId, companyId), p.custom);
    if (missing.length)
      throw new AppError('CONTACT_TYPE_RULE', `A ${p.typeKey} contact needs ${missing.join(', ')}`, {
        field: 'typeKey',
      });
    const names = nameColumns(firstName, p.lastName ?? null);
    contacts.push({
      id,
      workspace_id: actor.workspaceId,
      ...names,
      type_key: p.typeKey ?? null,
      source_key: p.sourceKey ?? null,
      owner_id: ownerId,
      team: p.team ?? null,
      company_id: companyId,
      primary_email: p.emails[0] ?? null,
      primary_phone: p.phones[0]?.e164 ?? null,
      address: p.address ? toJson(p.address) : null,
      birthday: p.birthday ?? null,
      gender: p.gender ?? null,
      preferred_language: p.preferredLanguage ?? null,
      do_not_contact: p.doNotContact ?? false,
      custom: toJson(p.custom),
      created_by: createdBy,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      merged_into_id: null,
    });
    p.emails.forEach((email, i) =>
      emails.push({
        id: newId(),
        workspace_id: actor.workspaceId,
        contact_id: id,
        email,
        label: null,
        is_primary: i === 0,
        created_at: now,
        updated_at: now,
      }),
    );
    p.phones.forEach((ph, i) =>
      phones.push({
        id: newId(),
        workspace_id: actor.workspaceId,
        contact_id: id,
        e164: ph.e164,
        raw: ph.raw,
        label: null,
        is_primary: i === 0,
        created_at: now,
        updated_at: now,
      }),
    );
    for (const t of p.tags)
      taggings.push({
        workspace_id: actor.workspaceId,
        contact_id: id,
        tag_id: tags.get(t.key)!,
        tagged_by: createdBy,
        created_at: now,
      });
    if (p.externalId)
      links.push({
        id: newId(),
        workspace_id: actor.workspaceId,
        contact_id: id,
        system: externalSystem,
        external_id: p.externalId,
        url: null,
        label: null,
        display: toJson({}),
        last_synced_at: null,
        created_at: now,
        updated_at: now,
      });
    documents.push({
      contact_id: id,
      workspace_id: actor.workspaceId,
      document: searchDocument(
        names.full_name,
        p.emails,
        p.phones.flatMap((x) => x.searchForms),
        p.companyName ?? null,
      ),
    });
    out.ids.push(id);
  }
  await insertMany(trx, 'contacts', contacts);
  await insertMany(trx, 'contact_emails', emails);
  await insertMany(trx, 'contact_phones', phones);
  await insertMany(trx, 'contact_tags', taggings);
  await insertMany(trx, 'external_links', links);
  await insertMany(trx, 'contact_search', documents);
  for (const { id, contact } of items)
    if (hasRegisteredRules(ictx, contact.typeKey))
      await enforceContactTypeRules(trx, actor.workspaceId, id, contact.typeKey ?? null);
  return out;
}
