import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  Contact,
  ContactPage,
  ContactWithDuplicates,
  CreateContactBody,
  UpdateContactBody,
} from '../../../shared/contracts/contacts.js';
import type { ContactQueryBody } from '../../../shared/contracts/contacts-query.js';
import { dialectOf } from '../../db/dialect.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { toJson, fromJson } from '../../db/sql-helpers.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { ownerScope, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { getWorkspace } from '../workspaces/workspaces.service.js';
import { findTypeByKey, findSourceByKey, listFieldRows } from './contact-config.repository.js';
import { toCustomField } from './contact-config.service.js';
import { normalizeEmails, normalizePhones } from './contact-input.js';
import { listContactRows, type ListScope } from './contact-list.repository.js';
import { contactFromProfile, toContacts, toListItems } from './contact-mapper.js';
import { enforceContactTypeRules } from './contact-type-rules.js';
import {
  findContactProfile,
  findContactRow,
  findLiveCompany,
  insertContactRow,
  insertEmails,
  insertPhones,
  isActiveMember,
  replaceEmails,
  replacePhones,
  updateContactRow,
  type ContactRow,
} from './contacts.repository.js';
import { assertUniqueCustomValues, mergeCustomValues } from './custom-values.js';
import { findDuplicates } from './duplicates.service.js';
import { fullNameOf, nameKey, nameSkeleton } from './name-keys.js';
import { indexContact, reindexContact } from './search-document.js';
import { tagContactsInTransaction } from './tagging.js';

/**
 * Contacts: the people a workspace works with. Other modules call in through this file:
 *
 * - `getContact(ctx, actor, id)` — one contact as the actor may see it (404 otherwise).
 * - `changeContactType(ctx, trx, actor, contactId, typeKey)` — inside the caller's transaction
 *   (e.g. winning a deal converts a prospect); enforces the new type's rules, audits, emits.
 * - `registerContactTypeRule(kind, checker)` — adds a rule kind that contact types can list in
 *   their `rules` (e.g. `{ kind: 'open_deal_in_pipeline', category: 'enrollment' }`). The checker
 *   gets (trx, workspaceId, contactId, rule) after the contact is written, in the same
 *   transaction, and returns null or what is missing; a message rolls the write back (422).
 *   Registered kinds run when a contact is created or gets a new type; `required_fields` runs on
 *   every write.
 * - `registerContactMergeHandler(name, handler)` — moves a module's rows (deals, activities) from
 *   merged contacts to the survivor, and back on undo (see merge.service.ts).
 * - `addContactTypeRule(trx, workspaceId, typeKey, rule)` — for template contributions that
 *   attach their rule kind to a default type.
 */
export { registerContactTypeRule, type ContactTypeRuleChecker } from './contact-type-rules.js';
export { registerContactMergeHandler, type ContactMergeHandler } from './merge-handlers.js';
export { addContactTypeRule } from './contact-config.service.js';

// Normalizers and index maintenance for modules that write contacts in bulk (import, benchmark
// loaders): a contact row also needs name keys, E.164 phones and a search document.
export { parsePhone, phoneSearchForms } from './phone-numbers.js';
export { normalizeEmails, normalizePhones } from './contact-input.js';
export { fullNameOf, nameKey, nameSkeleton } from './name-keys.js';
export { reindexContact } from './search-document.js';
export { findDuplicates } from './duplicates.service.js';

type CreateInput = z.output<typeof CreateContactBody>;
type UpdateInput = z.output<typeof UpdateContactBody>;

export async function listScope(ctx: AppContext, db: Db, actor: Actor): Promise<ListScope> {
  const fields = (await listFieldRows(db, actor.workspaceId, 'contact')).map(toCustomField);
  return {
    sql: dialectOf(db),
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    ownerScope: ownerScope(actor),
    customFields: fields,
  };
}

/** The row if the actor may see it (agents: their own contacts only); 404 otherwise. */
function visibleOr404<R extends { owner_id: string | null }>(actor: Actor, row: R | undefined): R {
  const scope = ownerScope(actor);
  if (!row || (scope && row.owner_id !== scope)) throw notFound('Contact');
  return row;
}

/** A row the actor may see: their workspace's, and their own when agents see only their own. */
export async function visibleContactRow(db: Db, actor: Actor, id: string): Promise<ContactRow> {
  return visibleOr404(actor, await findContactRow(db, actor.workspaceId, id));
}

/** One statement: a contact page is the most frequent read there is. */
export async function getContact(ctx: AppContext, actor: Actor, id: string): Promise<Contact> {
  return contactFromProfile(visibleOr404(actor, await findContactProfile(ctx.db, actor.workspaceId, id)));
}

export async function listContacts(
  ctx: AppContext,
  actor: Actor,
  body: z.output<typeof ContactQueryBody>,
): Promise<ContactPage> {
  const scope = await listScope(ctx, ctx.db, actor);
  const result = await listContactRows(ctx.db, scope, body.filter, body.sort, body);
  return {
    items: await toListItems(ctx.db, actor.workspaceId, result.rows),
    nextCursor: result.nextCursor,
    ...(result.total !== undefined ? { total: result.total } : {}),
  };
}

/** Checks references (type, source, owner, company) belong to the workspace; 400 naming the field. Returns the company's name. */
async function checkReferences(
  trx: Db,
  workspaceId: string,
  input: Partial<CreateInput>,
): Promise<{ companyName: string | null }> {
  if (input.typeKey) {
    const type = await findTypeByKey(trx, workspaceId, input.typeKey);
    if (!type || type.is_archived) throw fieldError('typeKey', `Unknown contact type "${input.typeKey}"`);
  }
  if (input.sourceKey) {
    const source = await findSourceByKey(trx, workspaceId, input.sourceKey);
    if (!source || source.is_archived) throw fieldError('sourceKey', `Unknown source "${input.sourceKey}"`);
  }
  if (input.ownerId && !(await isActiveMember(trx, workspaceId, input.ownerId)))
    throw fieldError('ownerId', 'Not an active member of this workspace');
  const company = input.companyId ? await findLiveCompany(trx, workspaceId, input.companyId) : undefined;
  if (input.companyId && !company) throw fieldError('companyId', 'No such company in this workspace');
  return { companyName: company?.name ?? null };
}

function nameColumns(firstName: string, lastName: string | null) {
  const full = fullNameOf(firstName, lastName);
  return {
    first_name: firstName,
    last_name: lastName,
    full_name: full,
    name_key: nameKey(full),
    name_skeleton: nameSkeleton(full),
  };
}

async function contactAfterWrite(ctx: AppContext, trx: Db, actor: Actor, id: string): Promise<ContactWithDuplicates> {
  const row = (await findContactProfile(trx, actor.workspaceId, id))!;
  const contact = contactFromProfile(row);
  const duplicates = await findDuplicates(trx, actor.workspaceId, {
    emails: contact.emails.map((e) => e.email),
    e164s: contact.phones.map((p) => p.e164),
    skeleton: row.name_skeleton,
    excludeId: id,
    ownerScope: ownerScope(actor),
  });
  return { ...contact, duplicates };
}

export async function createContact(ctx: AppContext, actor: Actor, input: CreateInput): Promise<ContactWithDuplicates> {
  const ws = await getWorkspace(ctx, actor.workspaceId);
  const emails = normalizeEmails(input.emails ?? []);
  const phones = normalizePhones(input.phones ?? [], ws.phoneRegion);
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const { companyName } = await checkReferences(trx, actor.workspaceId, input);
    const defs = (await listFieldRows(trx, actor.workspaceId, 'contact')).map(toCustomField);
    const custom = mergeCustomValues({
      defs,
      region: ws.phoneRegion,
      input: input.custom,
      existing: {},
      isCreate: true,
    });
    const id = newId();
    await assertUniqueCustomValues(trx, 'contacts', actor.workspaceId, id, defs, custom);
    const tagIds = [...new Set(input.tagIds ?? [])];
    await insertContactRow(trx, {
      id,
      workspace_id: actor.workspaceId,
      ...nameColumns(input.firstName, input.lastName ?? null),
      type_key: input.typeKey ?? null,
      source_key: input.sourceKey ?? null,
      owner_id: input.ownerId === undefined ? (actor.kind === 'user' ? actor.id : null) : input.ownerId,
      team: input.team ?? null,
      company_id: input.companyId ?? null,
      primary_email: emails[0]?.email ?? null,
      primary_phone: phones[0]?.e164 ?? null,
      address: input.address ? toJson(input.address) : null,
      birthday: input.birthday ?? null,
      gender: input.gender ?? null,
      preferred_language: input.preferredLanguage ?? null,
      do_not_contact: input.doNotContact ?? false,
      custom: toJson(custom),
      created_by: actor.kind === 'system' ? null : actor.id,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await insertEmails(trx, actor.workspaceId, id, emails, now);
    await insertPhones(trx, actor.workspaceId, id, phones, now);
    if (tagIds.length) await tagContactsInTransaction(ctx, trx, actor, [id], tagIds, now, 'tagIds');
    await enforceContactTypeRules(trx, actor.workspaceId, id, input.typeKey ?? null);
    await indexContact(trx, actor.workspaceId, id, {
      fullName: fullNameOf(input.firstName, input.lastName ?? null),
      emails: emails.map((e) => e.email),
      e164s: phones.map((p) => p.e164),
      companyName,
      notes: [],
    });
    const result = await contactAfterWrite(ctx, trx, actor, id);
    const { duplicates: _d, ...after } = result;
    await recordAudit(trx, actor, { action: 'contact.created', entityType: 'contact', entityId: id, after }, now);
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'contact.created',
        entityType: 'contact',
        entityId: id,
        payload: { fullName: after.fullName, typeKey: after.typeKey, ownerId: after.ownerId },
      },
      now,
    );
    return result;
  });
}

function changedFields(before: Contact, after: Contact): string[] {
  const skip = new Set(['version', 'updatedAt', 'ownerName', 'companyName', 'duplicates']);
  return Object.keys(after).filter(
    (k) =>
      !skip.has(k) &&
      JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((after as Record<string, unknown>)[k]),
  );
}

export async function updateContact(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: UpdateInput,
): Promise<ContactWithDuplicates> {
  const ws = await getWorkspace(ctx, actor.workspaceId);
  const emails = patch.emails ? normalizeEmails(patch.emails) : null;
  const phones = patch.phones ? normalizePhones(patch.phones, ws.phoneRegion) : null;
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await visibleContactRow(trx, actor, id);
    if (row.deleted_at) throw new AppError('CONFLICT', 'This contact is in the trash; restore it first');
    if (row.version !== patch.version)
      throw new AppError(
        'VERSION_CONFLICT',
        `The contact is at version ${row.version}; you sent ${patch.version}. Reload it and apply your change again.`,
        { data: { currentVersion: row.version } },
      );
    await checkReferences(trx, actor.workspaceId, patch);
    const before = (await toContacts(trx, actor.workspaceId, [row]))[0];
    const defs = (await listFieldRows(trx, actor.workspaceId, 'contact')).map(toCustomField);
    const custom = mergeCustomValues({
      defs,
      region: ws.phoneRegion,
      input: patch.custom,
      existing: fromJson(row.custom, {}),
      isCreate: false,
    });
    await assertUniqueCustomValues(trx, 'contacts', actor.workspaceId, id, defs, patch.custom ? custom : {});
    const pick = <K extends keyof UpdateInput, V>(key: K, current: V): V =>
      patch[key] === undefined ? current : (patch[key] as V);
    const firstName = patch.firstName ?? row.first_name;
    const lastName = pick('lastName', row.last_name) ?? null;
    const ok = await updateContactRow(trx, actor.workspaceId, id, row.version, {
      ...nameColumns(firstName, lastName),
      type_key: pick('typeKey', row.type_key) ?? null,
      source_key: pick('sourceKey', row.source_key) ?? null,
      owner_id: pick('ownerId', row.owner_id) ?? null,
      team: pick('team', row.team) ?? null,
      company_id: pick('companyId', row.company_id) ?? null,
      address:
        patch.address === undefined
          ? row.address === null
            ? null
            : toJson(fromJson(row.address, null))
          : patch.address
            ? toJson(patch.address)
            : null,
      birthday: pick('birthday', row.birthday) ?? null,
      gender: pick('gender', row.gender) ?? null,
      preferred_language: pick('preferredLanguage', row.preferred_language) ?? null,
      do_not_contact: patch.doNotContact ?? row.do_not_contact,
      custom: toJson(custom),
      ...(emails ? { primary_email: emails[0]?.email ?? null } : {}),
      ...(phones ? { primary_phone: phones[0]?.e164 ?? null } : {}),
      updated_at: now,
    });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    if (emails) await replaceEmails(trx, actor.workspaceId, id, emails, now);
    if (phones) await replacePhones(trx, actor.workspaceId, id, phones, now);
    const newType = pick('typeKey', row.type_key) ?? null;
    await enforceContactTypeRules(trx, actor.workspaceId, id, newType, { onlyFields: newType === row.type_key });
    await reindexContact(trx, actor.workspaceId, id);
    const result = await contactAfterWrite(ctx, trx, actor, id);
    const { duplicates: _d, ...after } = result;
    const changes = changedFields(before, after);
    await recordAudit(
      trx,
      actor,
      { action: 'contact.updated', entityType: 'contact', entityId: id, before, after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'contact.updated',
        entityType: 'contact',
        entityId: id,
        payload: {
          changes,
          ...(changes.includes('ownerId') ? { ownerId: after.ownerId, previousOwnerId: before.ownerId } : {}),
          ...(changes.includes('typeKey') ? { typeKey: after.typeKey, previousTypeKey: before.typeKey } : {}),
        },
      },
      now,
    );
    return result;
  });
}

/**
 * Changes a contact's type inside the caller's transaction (deal conversion, bulk actions),
 * enforcing the new type's rules. No version check: the caller decided on the change.
 */
export async function changeContactType(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  contactId: string,
  typeKey: string | null,
): Promise<void> {
  const row = await findContactRow(trx, actor.workspaceId, contactId);
  if (!row || row.deleted_at) throw notFound('Contact');
  if (row.type_key === typeKey) return;
  if (typeKey) {
    const type = await findTypeByKey(trx, actor.workspaceId, typeKey);
    if (!type || type.is_archived) throw fieldError('typeKey', `Unknown contact type "${typeKey}"`);
  }
  const now = nowIso(ctx.clock);
  await updateContactRow(trx, actor.workspaceId, contactId, row.version, { type_key: typeKey, updated_at: now });
  await enforceContactTypeRules(trx, actor.workspaceId, contactId, typeKey);
  await recordAudit(
    trx,
    actor,
    {
      action: 'contact.type_changed',
      entityType: 'contact',
      entityId: contactId,
      before: { typeKey: row.type_key },
      after: { typeKey },
    },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    {
      type: 'contact.updated',
      entityType: 'contact',
      entityId: contactId,
      payload: { changes: ['typeKey'], typeKey, previousTypeKey: row.type_key },
    },
    now,
  );
}

/** Moves a contact to the trash (restorable until the retention job purges it). */
export async function deleteContact(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await visibleContactRow(trx, actor, id);
    if (row.deleted_at) return;
    await softDeleteRow(ctx, trx, actor, row, now);
  });
}

export async function softDeleteRow(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  row: ContactRow,
  now: string,
): Promise<void> {
  await updateContactRow(trx, actor.workspaceId, row.id, row.version, { deleted_at: now, updated_at: now });
  await recordAudit(
    trx,
    actor,
    {
      action: 'contact.deleted',
      entityType: 'contact',
      entityId: row.id,
      before: { fullName: row.full_name, deletedAt: null },
      after: { deletedAt: now },
    },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    { type: 'contact.deleted', entityType: 'contact', entityId: row.id, payload: { fullName: row.full_name } },
    now,
  );
}

export async function restoreContact(ctx: AppContext, actor: Actor, id: string): Promise<Contact> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await visibleContactRow(trx, actor, id);
    if (!row.deleted_at) return;
    await restoreRow(ctx, trx, actor, row, now);
  });
  return getContact(ctx, actor, id);
}

export async function restoreRow(ctx: AppContext, trx: Db, actor: Actor, row: ContactRow, now: string): Promise<void> {
  if (row.merged_into_id)
    throw new AppError('CONFLICT', 'This contact was merged into another; undo the merge to get it back');
  await updateContactRow(trx, actor.workspaceId, row.id, row.version, { deleted_at: null, updated_at: now });
  await recordAudit(
    trx,
    actor,
    {
      action: 'contact.restored',
      entityType: 'contact',
      entityId: row.id,
      before: { deletedAt: row.deleted_at },
      after: { deletedAt: null },
    },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    { type: 'contact.restored', entityType: 'contact', entityId: row.id, payload: { fullName: row.full_name } },
    now,
  );
}
