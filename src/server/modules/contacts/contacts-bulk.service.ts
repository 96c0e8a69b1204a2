import type { Transaction } from 'kysely';
import type { Contact } from '../../../shared/contracts/contacts.js';
import type { ContactFilter } from '../../../shared/contracts/contacts-query.js';
import type { z } from 'zod';
import { newId } from '../../db/ids.js';
import { fromJson } from '../../db/sql-helpers.js';
import type { DB } from '../../db/schema.js';
import { pagesReadAhead } from '../../http/pagination.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { applyContactFilter } from './contact-list.repository.js';
import { mergePrepared, type ContactRowPlan } from './contacts-bulk-plan.js';
import type { ContactImportContext } from './contacts-bulk-prepare.js';
import { restoreContacts, updateContacts, type ContactBeforeImage } from './contacts-bulk-update.js';
import { insertContacts } from './contacts-bulk-write.js';
import {
  companiesByNames,
  contactsByEmails,
  contactsByExternalIds,
  contactsByPhones,
  softDeleteCompanyIds,
  softDeleteContactIds,
  withContactLists,
} from './contacts-bulk.repository.js';
import { findContactRows } from './contacts.repository.js';
import { listScope } from './contacts.service.js';

/**
 * Contacts many at a time, for imports and exports. The rules are the single-contact ones
 * (contacts.service.ts): emails lower-cased, phones in E.164 with the workspace region, types,
 * sources, owners and custom values validated, type rules enforced, tags, external links and the
 * search document written with the contact. What differs is the shape: a batch is validated in
 * memory, matched against existing contacts with one query per key kind, written with multi-row
 * inserts in the caller's transaction, and audited and announced once per batch.
 *
 *   loadContactImportContext -> prepareContact (per row) -> planContactBatch -> writeContactPlans
 *   -> recordContactBatch, all in one transaction per batch; undoContactBatch reverses a batch.
 */
export {
  loadContactImportContext,
  refreshContactImportTags,
  prepareContact,
  type ContactDraft,
  type ContactImportContext,
  type DraftProblem,
  type PreparedContact,
} from './contacts-bulk-prepare.js';
export {
  planContactBatch,
  type ContactRowPlan,
  type DuplicateStrategy,
  type MatchKey,
  type PlanOptions,
} from './contacts-bulk-plan.js';
export type { ContactBeforeImage } from './contacts-bulk-update.js';
export {
  prepareCompany,
  planCompanyBatch,
  writeCompanyPlans,
  recordCompanyBatch,
  undoCompanyBatch,
  companyExportPages,
  type CompanyDraft,
  type CompanyRowPlan,
  type PreparedCompany,
} from './contacts-bulk-companies.js';

export interface BatchRef {
  importId: string;
  batchNo: number;
}

/** What writing a batch did, per plan index, and what undo needs. */
export interface ContactBatchResult {
  /** Plan index -> created contact id (merged rows point at the row they joined). */
  createdIds: Map<number, string>;
  updatedIndexes: Set<number>;
  images: ContactBeforeImage[];
  companyIds: string[];
  tagIds: string[];
}

/**
 * Writes the creates and updates of a batch plan in the caller's transaction (merged rows are folded
 * into the row they repeat). Throws the first rule violation; callers retry row by row to isolate it.
 */
export async function writeContactPlans(
  trx: Transaction<DB>,
  actor: Actor,
  ictx: ContactImportContext,
  plans: Array<{ index: number; plan: ContactRowPlan }>,
  externalSystem: string,
  now: string,
): Promise<ContactBatchResult> {
  const folded = new Map<number, ContactRowPlan>();
  for (const { index, plan } of plans) {
    if (plan.kind === 'merge') {
      const target = folded.get(plan.into);
      if (target && (target.kind === 'create' || target.kind === 'update'))
        folded.set(plan.into, { ...target, contact: mergePrepared(target.contact, plan.contact) });
    } else {
      folded.set(index, plan);
    }
  }
  const result: ContactBatchResult = {
    createdIds: new Map(),
    updatedIndexes: new Set(),
    images: [],
    companyIds: [],
    tagIds: [],
  };
  const creates: Array<{ index: number; id: string; contact: Extract<ContactRowPlan, { kind: 'create' }>['contact'] }> =
    [];
  const updates: Array<{ index: number; id: string; contact: Extract<ContactRowPlan, { kind: 'update' }>['contact'] }> =
    [];
  for (const [index, plan] of folded) {
    if (plan.kind === 'create') creates.push({ index, id: newId(), contact: plan.contact });
    if (plan.kind === 'update') updates.push({ index, id: plan.contactId, contact: plan.contact });
  }
  const created = await insertContacts(trx, actor, ictx, creates, externalSystem, now);
  result.companyIds.push(...created.companyIds);
  result.tagIds.push(...created.tagIds);
  for (const c of creates) result.createdIds.set(c.index, c.id);
  result.images = await updateContacts(trx, actor, ictx, updates, externalSystem, now, result);
  for (const u of updates) result.updatedIndexes.add(u.index);
  return result;
}

/** One audit entry and one event for a committed batch (not one per contact). */
export async function recordContactBatch(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  ref: BatchRef,
  counts: { created: number; updated: number; companiesCreated: number; updatedIds: string[] },
  now: string,
): Promise<void> {
  const meta = {
    importId: ref.importId,
    batch: ref.batchNo,
    created: counts.created,
    updated: counts.updated,
    companiesCreated: counts.companiesCreated,
    updatedIds: counts.updatedIds,
  };
  await recordAudit(
    trx,
    actor,
    { action: 'contact.imported', entityType: 'import', entityId: ref.importId, meta },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    {
      type: 'contact.imported',
      entityType: 'import',
      entityId: ref.importId,
      payload: { ...meta, updatedIds: undefined, timeline: false },
    },
    now,
  );
}

export interface ContactUndoData {
  createdIds: string[];
  companyIds: string[];
  images: ContactBeforeImage[];
}

/** Reverses one batch: created contacts (and companies) go to the trash, updated ones get their before-image back. */
export async function undoContactBatch(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  ref: BatchRef,
  data: ContactUndoData,
  now: string,
) {
  const removed = await softDeleteContactIds(trx, actor.workspaceId, data.createdIds, now);
  await softDeleteCompanyIds(trx, actor.workspaceId, data.companyIds, now);
  const { restored, conflicts } = await restoreContacts(trx, actor.workspaceId, data.images, now);
  const meta = { importId: ref.importId, batch: ref.batchNo, removed, restored, conflicts };
  await recordAudit(
    trx,
    actor,
    { action: 'contact.import_undone', entityType: 'import', entityId: ref.importId, meta },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    {
      type: 'contact.import_undone',
      entityType: 'import',
      entityId: ref.importId,
      payload: { ...meta, timeline: false },
    },
    now,
  );
  return { removed, restored, conflicts };
}

/** A contact as an export writes it: emails, phones and tags already joined into one text each. */
export interface ContactExportRecord {
  id: string;
  firstName: string;
  lastName: string | null;
  /** Every email, primary first, joined with "; " (the import splits them the same way). */
  emails: string;
  phones: string;
  /** Tag names in name order, joined with ", ". */
  tags: string;
  companyName: string | null;
  typeKey: string | null;
  sourceKey: string | null;
  ownerId: string | null;
  team: string | null;
  birthday: string | null;
  gender: string | null;
  preferredLanguage: string | null;
  doNotContact: boolean;
  address: Contact['address'];
  custom: Record<string, unknown>;
  createdAt: string;
}

/**
 * Pages of contacts for an export, oldest first. One query per page reads just the columns an
 * export writes, with each contact's emails, phones and tags joined in the database: a page of
 * full contacts (every column, and every email, phone and tag as a row of its own) costs several
 * times as much to read and to hold.
 */
export async function* contactExportPages(
  ctx: AppContext,
  actor: Actor,
  filter: z.output<typeof ContactFilter>,
  pageSize = 1000,
): AsyncGenerator<ContactExportRecord[]> {
  const scope = await listScope(ctx, ctx.db, actor);
  // keyset on the id alone (ids are time-ordered): one index range per page however large the list
  yield* pagesReadAhead(async (after: string | undefined) => {
    let q = applyContactFilter(ctx.db.selectFrom('contacts as c'), scope, filter)
      .leftJoin('companies as co', 'co.id', 'c.company_id')
      .select([
        'c.id',
        'c.first_name',
        'c.last_name',
        'c.type_key',
        'c.source_key',
        'c.owner_id',
        'c.team',
        'c.birthday',
        'c.gender',
        'c.preferred_language',
        'c.do_not_contact',
        'c.address',
        'c.custom',
        'c.created_at',
        'co.name as company_name',
      ]);
    if (after) q = q.where('c.id', '>', after);
    const rows = await withContactLists(ctx.db, actor.workspaceId, q.orderBy('c.id').limit(pageSize));
    const items: ContactExportRecord[] = rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      emails: r.emails ?? '',
      phones: r.phones ?? '',
      tags: r.tags ?? '',
      companyName: r.company_name,
      typeKey: r.type_key,
      sourceKey: r.source_key,
      ownerId: r.owner_id,
      team: r.team,
      birthday: r.birthday,
      gender: r.gender,
      preferredLanguage: r.preferred_language,
      doNotContact: Boolean(r.do_not_contact),
      address: fromJson<Contact['address']>(r.address, null),
      custom: fromJson<Record<string, unknown>>(r.custom, {}),
      createdAt: r.created_at,
    }));
    return { items, next: rows.length < pageSize ? null : rows[rows.length - 1].id };
  });
}

/**
 * Contacts other imports point at (deals, activities name their contact by email, phone or an
 * external id): one query per key kind. Phones are read in the workspace region first.
 */
export async function contactIdsByKeys(
  db: Db,
  ictx: ContactImportContext,
  keys: { emails: string[]; phones: string[]; externalIds: string[] },
  externalSystem: string,
) {
  const scope = { workspaceId: ictx.workspaceId, ownerScope: ictx.ownerScope };
  const e164Of = new Map<string, string>();
  for (const raw of keys.phones) {
    const parsed = ictx.phones.parse(raw);
    if (parsed) e164Of.set(raw, parsed.e164);
  }
  const [byEmail, byPhone, byExternal] = await Promise.all([
    contactsByEmails(db, scope, [...new Set(keys.emails.map((e) => e.trim().toLowerCase()))]),
    contactsByPhones(db, scope, [...new Set(e164Of.values())]),
    contactsByExternalIds(db, scope, externalSystem, [...new Set(keys.externalIds)]),
  ]);
  const first = (rows: Array<{ key: string; id: string }>) => {
    const m = new Map<string, string>();
    for (const r of rows) if (!m.has(r.key)) m.set(r.key, r.id);
    return m;
  };
  const emails = first(byEmail);
  const phones = first(byPhone);
  return {
    email: (raw: string) => emails.get(raw.trim().toLowerCase()),
    phone: (raw: string) => (e164Of.has(raw) ? phones.get(e164Of.get(raw)!) : undefined),
    externalId: first(byExternal),
  };
}

/** Live companies by (case-insensitive) name. */
export async function companyIdsByNames(db: Db, workspaceId: string, names: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of await companiesByNames(db, workspaceId, [...new Set(names.map((n) => n.trim().toLowerCase()))]))
    if (!out.has(r.key)) out.set(r.key, r.id);
  return out;
}

/** Primary email and phone of contacts (exports of deals and activities show how to reach them). */
export async function contactReachability(
  db: Db,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, { email: string | null; phone: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await findContactRows(db, workspaceId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { email: r.primary_email, phone: r.primary_phone }]));
}
