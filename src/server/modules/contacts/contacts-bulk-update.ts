import type { Insertable, Transaction, Updateable } from 'kysely';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import {
  hasRegisteredRules,
  missingRequiredFields,
  nameColumns,
  type ContactImportContext,
  type PreparedContact,
} from './contacts-bulk-prepare.js';
import { resolveCompanies, resolveTags } from './contacts-bulk-write.js';
import { deleteRowsByIds, deleteTaggingPairs, existingTaggingPairs, insertMany } from './contacts-bulk.repository.js';
import { findContactRows, listEmails, listPhones, updateContactRow, type ContactRow } from './contacts.repository.js';
import { enforceContactTypeRules } from './contact-type-rules.js';
import { reindexContact } from './search-document.js';

// Filling existing contacts from import rows ("update" duplicate strategy): values the row gives
// replace the contact's, emails, phones and tags are added, nothing is removed. Each update keeps a
// before-image so the import can be undone.

/** What undo needs to put a contact back as it was before an import updated it. */
export interface ContactBeforeImage {
  id: string;
  /** The version the import left; undo skips contacts edited since. */
  versionAfter: number;
  columns: Partial<ContactRow>;
  addedEmailIds: string[];
  addedPhoneIds: string[];
  addedTagIds: string[];
  addedLinkIds: string[];
}

const COLUMNS_BY_FIELD: Array<[keyof PreparedContact, keyof ContactRow]> = [
  ['typeKey', 'type_key'],
  ['sourceKey', 'source_key'],
  ['ownerId', 'owner_id'],
  ['team', 'team'],
  ['birthday', 'birthday'],
  ['gender', 'gender'],
  ['preferredLanguage', 'preferred_language'],
  ['doNotContact', 'do_not_contact'],
];

function changes(row: ContactRow, p: PreparedContact, companyId: string | null): Updateable<DB['contacts']> {
  const set: Record<string, unknown> = {};
  if (p.firstName || p.lastName)
    Object.assign(set, nameColumns(p.firstName ?? row.first_name, p.lastName ?? row.last_name));
  for (const [field, column] of COLUMNS_BY_FIELD) if (p[field] !== undefined) set[column] = p[field];
  if (companyId) set.company_id = companyId;
  if (p.address) set.address = toJson({ ...fromJson<Record<string, unknown>>(row.address, {}), ...p.address });
  if (Object.keys(p.custom).length)
    set.custom = toJson({ ...fromJson<Record<string, unknown>>(row.custom, {}), ...p.custom });
  return set as Updateable<DB['contacts']>;
}

/** Applies import rows to existing contacts; returns their before-images. */
export async function updateContacts(
  trx: Transaction<DB>,
  actor: Actor,
  ictx: ContactImportContext,
  items: Array<{ id: string; contact: PreparedContact }>,
  externalSystem: string,
  now: string,
  extra: { companyIds: string[]; tagIds: string[] },
): Promise<ContactBeforeImage[]> {
  if (!items.length) return [];
  const ws = actor.workspaceId;
  const ids = items.map((i) => i.id);
  const rows = new Map((await findContactRows(trx, ws, ids)).map((r) => [r.id, r]));
  const [emails, phones, taggings] = await Promise.all([
    listEmails(trx, ws, ids),
    listPhones(trx, ws, ids),
    existingTaggingPairs(trx, ws, ids),
  ]);
  const companies = await resolveCompanies(
    trx,
    ictx,
    actor,
    items.map((i) => i.contact.companyName).filter((n): n is string => Boolean(n)),
    now,
    extra.companyIds,
  );
  const tags = await resolveTags(
    trx,
    ictx,
    items.flatMap((i) => i.contact.tags),
    now,
    extra.tagIds,
  );
  const links = await trx
    .selectFrom('external_links')
    .select(['contact_id', 'external_id'])
    .where('workspace_id', '=', ws)
    .where('contact_id', 'in', ids)
    .where('system', '=', externalSystem)
    .execute();
  const images: ContactBeforeImage[] = [];
  for (const { id, contact: p } of items) {
    const row = rows.get(id);
    if (!row || row.deleted_at)
      throw new AppError('NOT_FOUND', 'The matching contact was deleted meanwhile', { field: 'id' });
    const companyId = p.companyName ? (companies.get(p.companyName.toLowerCase()) ?? null) : null;
    const set = changes(row, p, companyId);
    const image: ContactBeforeImage = {
      id,
      versionAfter: row.version + 1,
      columns: {},
      addedEmailIds: [],
      addedPhoneIds: [],
      addedTagIds: [],
      addedLinkIds: [],
    };
    const haveEmails = emails.filter((e) => e.contact_id === id);
    const havePhones = phones.filter((x) => x.contact_id === id);
    const newEmails: Insertable<DB['contact_emails']>[] = p.emails
      .filter((e) => !haveEmails.some((h) => h.email === e))
      .map((email, i) => ({
        id: newId(),
        workspace_id: ws,
        contact_id: id,
        email,
        label: null,
        is_primary: !haveEmails.length && i === 0,
        created_at: now,
        updated_at: now,
      }));
    const newPhones: Insertable<DB['contact_phones']>[] = p.phones
      .filter((x) => !havePhones.some((h) => h.e164 === x.e164))
      .map((x, i) => ({
        id: newId(),
        workspace_id: ws,
        contact_id: id,
        e164: x.e164,
        raw: x.raw,
        label: null,
        is_primary: !havePhones.length && i === 0,
        created_at: now,
        updated_at: now,
      }));
    if (!row.primary_email && newEmails.length) set.primary_email = newEmails[0].email;
    if (!row.primary_phone && newPhones.length) set.primary_phone = newPhones[0].e164;
    const newTagIds = p.tags.map((t) => tags.get(t.key)!).filter((tagId) => !taggings.has(`${id}|${tagId}`));
    const linkToAdd =
      p.externalId && !links.some((l) => l.contact_id === id && l.external_id === p.externalId) ? p.externalId : null;
    for (const column of Object.keys(set) as Array<keyof ContactRow>) image.columns[column] = row[column] as never;
    const after = { ...row, ...set } as ContactRow;
    const custom = fromJson<Record<string, unknown>>(after.custom, {});
    const missing = missingRequiredFields(
      ictx,
      after.type_key,
      {
        lastName: after.last_name,
        email: after.primary_email,
        phone: after.primary_phone,
        ownerId: after.owner_id,
        sourceKey: after.source_key,
        companyId: after.company_id,
        team: after.team,
        birthday: after.birthday,
        gender: after.gender,
        preferredLanguage: after.preferred_language,
        address: after.address,
      },
      custom,
    );
    if (missing.length)
      throw new AppError('CONTACT_TYPE_RULE', `A ${after.type_key} contact needs ${missing.join(', ')}`, {
        field: 'typeKey',
      });
    if (!(await updateContactRow(trx, ws, id, row.version, { ...set, updated_at: now })))
      throw new AppError('VERSION_CONFLICT', 'The contact changed while importing');
    await insertMany(trx, 'contact_emails', newEmails);
    await insertMany(trx, 'contact_phones', newPhones);
    await insertMany(
      trx,
      'contact_tags',
      newTagIds.map((tagId) => ({
        workspace_id: ws,
        contact_id: id,
        tag_id: tagId,
        tagged_by: actor.kind === 'user' ? actor.id : null,
        created_at: now,
      })),
    );
    if (linkToAdd) {
      const linkId = newId();
      await insertMany(trx, 'external_links', [
        {
          id: linkId,
          workspace_id: ws,
          contact_id: id,
          system: externalSystem,
          external_id: linkToAdd,
          url: null,
          label: null,
          display: toJson({}),
          last_synced_at: null,
          created_at: now,
          updated_at: now,
        },
      ]);
      image.addedLinkIds.push(linkId);
    }
    if (after.type_key !== row.type_key && hasRegisteredRules(ictx, after.type_key))
      await enforceContactTypeRules(trx, ws, id, after.type_key);
    await reindexContact(trx, ws, id);
    image.addedEmailIds = newEmails.map((e) => e.id as string);
    image.addedPhoneIds = newPhones.map((x) => x.id as string);
    image.addedTagIds = newTagIds;
    images.push(image);
  }
  return images;
}

/** Puts contacts back as their before-images say, unless edited since; returns how many were restored. */
export async function restoreContacts(
  trx: Transaction<DB>,
  workspaceId: string,
  images: ContactBeforeImage[],
  now: string,
): Promise<{ restored: number; conflicts: number }> {
  let restored = 0;
  let conflicts = 0;
  const rows = new Map(
    (
      await findContactRows(
        trx,
        workspaceId,
        images.map((i) => i.id),
      )
    ).map((r) => [r.id, r]),
  );
  for (const image of [...images].reverse()) {
    const row = rows.get(image.id);
    if (!row || row.version !== image.versionAfter) {
      conflicts++;
      continue;
    }
    const columns: Record<string, unknown> = { ...image.columns };
    for (const key of ['address', 'custom'] as const)
      if (columns[key] !== undefined && columns[key] !== null) columns[key] = toJson(fromJson(columns[key], null));
    await updateContactRow(trx, workspaceId, image.id, row.version, {
      ...(columns as Updateable<DB['contacts']>),
      updated_at: now,
    });
    await deleteRowsByIds(trx, 'contact_emails', workspaceId, image.addedEmailIds);
    await deleteRowsByIds(trx, 'contact_phones', workspaceId, image.addedPhoneIds);
    await deleteTaggingPairs(trx, workspaceId, image.id, image.addedTagIds);
    if (image.addedLinkIds.length)
      await trx
        .deleteFrom('external_links')
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', image.addedLinkIds)
        .execute();
    await reindexContact(trx, workspaceId, image.id);
    restored++;
  }
  return { restored, conflicts };
}
