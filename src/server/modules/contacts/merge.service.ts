import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { MERGE_FIELDS, type MergeBody, type MergeRecord } from '../../../shared/contracts/contacts-merge.js';
import type { Contact } from '../../../shared/contracts/contacts.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { toContacts } from './contact-mapper.js';
import { visibleContactRows } from './contact-visibility.js';
import { findContactRows, type ContactRow } from './contacts.repository.js';
import { getContact, visibleContactRow } from './contacts.service.js';
import { mergeHandlers } from './merge-handlers.js';
import {
  captureChildren,
  moveChildren,
  moveRelationships,
  restoreChildren,
  type MergeSnapshot,
} from './merge.repository.js';
import { fullNameOf, nameKey, nameSkeleton } from './name-keys.js';
import { reindexContact } from './search-document.js';

const UNDO_DAYS = 30;

// Contact fields a merge may take from another contact, as columns.
const COLUMN_OF: Record<(typeof MERGE_FIELDS)[number], keyof ContactRow> = {
  firstName: 'first_name',
  lastName: 'last_name',
  typeKey: 'type_key',
  sourceKey: 'source_key',
  ownerId: 'owner_id',
  team: 'team',
  companyId: 'company_id',
  address: 'address',
  birthday: 'birthday',
  gender: 'gender',
  preferredLanguage: 'preferred_language',
  doNotContact: 'do_not_contact',
};
const RESTORABLE: Array<keyof ContactRow> = [
  ...Object.values(COLUMN_OF),
  'full_name',
  'name_key',
  'name_skeleton',
  'custom',
  'primary_email',
  'primary_phone',
];

interface UndoData extends MergeSnapshot {
  survivorBefore: Partial<ContactRow>;
  survivorAfter: Partial<ContactRow>;
  merged: Array<{ id: string; deleted_at: string | null }>;
  handlers: Record<string, unknown>;
}

const isBlank = (v: unknown) =>
  v === null || v === undefined || v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
/** JSON with sorted keys (jsonb hands objects back with its own key order). */
function stableJson(value: unknown): string {
  const v = typeof value === 'string' && /^[[{]/.test(value) ? fromJson(value, value) : value;
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}
const pickColumns = (row: ContactRow) => Object.fromEntries(RESTORABLE.map((k) => [k, row[k]])) as Partial<ContactRow>;

/** Survivor values: the picked contact's per field; otherwise the survivor's, or the first merged contact's where the survivor has none. */
function mergedValues(survivor: ContactRow, merged: ContactRow[], pick: Record<string, string>): Partial<ContactRow> {
  const byId = new Map([survivor, ...merged].map((r) => [r.id, r]));
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN_OF)) {
    const chosen = pick[field] ? byId.get(pick[field])! : null;
    out[column] = chosen
      ? chosen[column]
      : isBlank(survivor[column])
        ? (merged.map((m) => m[column]).find((v) => !isBlank(v)) ?? survivor[column])
        : survivor[column];
  }
  const custom: Record<string, unknown> = {};
  for (const row of [...merged].reverse()) Object.assign(custom, fromJson(row.custom, {}));
  Object.assign(custom, fromJson(survivor.custom, {}));
  for (const [field, id] of Object.entries(pick)) {
    if (!field.startsWith('custom.')) continue;
    const key = field.slice(7);
    const v = fromJson<Record<string, unknown>>(byId.get(id)!.custom, {})[key];
    if (v === undefined) delete custom[key];
    else custom[key] = v;
  }
  const full = fullNameOf(out.first_name as string, out.last_name as string | null);
  return {
    ...out,
    custom,
    full_name: full,
    name_key: nameKey(full),
    name_skeleton: nameSkeleton(full),
  } as Partial<ContactRow>;
}

function forWrite(values: Partial<ContactRow>) {
  const v = { ...values } as Record<string, unknown>;
  if ('custom' in v) v.custom = toJson(v.custom ?? {});
  if ('address' in v)
    v.address = v.address === null || v.address === undefined ? null : toJson(fromJson(v.address, null));
  return v as Partial<ContactRow>;
}

function validatePick(pick: Record<string, string>, ids: Set<string>): void {
  for (const [field, id] of Object.entries(pick)) {
    if (!field.startsWith('custom.') && !(MERGE_FIELDS as readonly string[]).includes(field))
      throw fieldError(`pick.${field}`, 'Not a field a merge can pick');
    if (!ids.has(id)) throw fieldError(`pick.${field}`, 'Pick one of the contacts being merged');
  }
}

/** Merges contacts into the survivor: values per `pick`, children moved, the rest to the trash; undoable for 30 days. */
export async function mergeContacts(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof MergeBody>,
): Promise<{ merge: MergeRecord; contact: Contact }> {
  const mergedIds = [...new Set(input.mergedIds)];
  if (mergedIds.includes(input.survivorId))
    throw fieldError('mergedIds', 'The surviving contact cannot also be merged away');
  validatePick(input.pick, new Set([input.survivorId, ...mergedIds]));
  const now = nowIso(ctx.clock);
  const mergeId = await withTransaction(ctx.db, async (trx) => {
    const survivor = await visibleContactRow(trx, actor, input.survivorId);
    if (survivor.deleted_at) throw fieldError('survivorId', 'The surviving contact is in the trash');
    const merged = await visibleContactRows(trx, actor, mergedIds, 'mergedIds');
    const children = await captureChildren(trx, actor.workspaceId, mergedIds);
    const beforeContacts = await toContacts(trx, actor.workspaceId, [survivor, ...merged]);
    const values = mergedValues(survivor, merged, input.pick);
    const tagsAdded = await moveChildren(trx, actor.workspaceId, survivor.id, children, now);
    await moveRelationships(trx, actor.workspaceId, survivor.id, mergedIds, children.relationships);
    const [primaryEmail, primaryPhone] = await Promise.all([
      trx
        .selectFrom('contact_emails')
        .select('email')
        .where('workspace_id', '=', actor.workspaceId)
        .where('contact_id', '=', survivor.id)
        .orderBy('is_primary', 'desc')
        .orderBy('created_at')
        .executeTakeFirst(),
      trx
        .selectFrom('contact_phones')
        .select('e164')
        .where('workspace_id', '=', actor.workspaceId)
        .where('contact_id', '=', survivor.id)
        .orderBy('is_primary', 'desc')
        .orderBy('created_at')
        .executeTakeFirst(),
    ]);
    const after = { ...values, primary_email: primaryEmail?.email ?? null, primary_phone: primaryPhone?.e164 ?? null };
    await trx
      .updateTable('contacts')
      .set({ ...forWrite(after), version: survivor.version + 1, updated_at: now })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', survivor.id)
      .execute();
    for (const m of merged) {
      await trx
        .updateTable('contacts')
        .set({ deleted_at: now, merged_into_id: survivor.id, version: m.version + 1, updated_at: now })
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', m.id)
        .execute();
    }
    const handlers: Record<string, unknown> = {};
    for (const [name, handler] of mergeHandlers())
      handlers[name] = await handler.move(trx as Transaction<DB>, actor.workspaceId, mergedIds, survivor.id);
    await reindexContact(trx, actor.workspaceId, survivor.id);
    const undo: UndoData = {
      ...children,
      tagsAddedToSurvivor: tagsAdded,
      survivorBefore: pickColumns(survivor),
      survivorAfter: after,
      merged: merged.map((m) => ({ id: m.id, deleted_at: m.deleted_at })),
      handlers,
    };
    const id = newId();
    const undoableUntil = new Date(ctx.clock.now().getTime() + UNDO_DAYS * 86_400_000).toISOString();
    await trx
      .insertInto('contact_merges')
      .values({
        id,
        workspace_id: actor.workspaceId,
        survivor_id: survivor.id,
        merged_ids: toJson(mergedIds),
        undo: toJson(undo),
        merged_by: actor.kind === 'user' ? actor.id : null,
        merged_by_name: actor.name,
        undoable_until: undoableUntil,
        undone_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const afterContact = (
      await toContacts(trx, actor.workspaceId, [(await findContactRows(trx, actor.workspaceId, [survivor.id]))[0]])
    )[0];
    await recordAudit(
      trx,
      actor,
      {
        action: 'contact.merged',
        entityType: 'contact',
        entityId: survivor.id,
        before: beforeContacts[0],
        after: afterContact,
        meta: { mergeId: id, mergedIds, merged: beforeContacts.slice(1) },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact.merged', entityType: 'contact', entityId: survivor.id, payload: { mergeId: id, mergedIds } },
      now,
    );
    for (const m of merged)
      await appendEvent(
        ctx,
        trx,
        actor,
        {
          type: 'contact.merged_into',
          entityType: 'contact',
          entityId: m.id,
          payload: { mergeId: id, survivorId: survivor.id },
        },
        now,
      );
    return id;
  });
  return { merge: await getMerge(ctx, actor, mergeId), contact: await getContact(ctx, actor, input.survivorId) };
}

const toMerge = (r: DB['contact_merges']): MergeRecord => ({
  id: r.id,
  survivorId: r.survivor_id,
  mergedIds: fromJson(r.merged_ids, []),
  mergedBy: r.merged_by,
  mergedByName: r.merged_by_name,
  createdAt: r.created_at,
  undoableUntil: r.undoable_until,
  undoneAt: r.undone_at,
});

export async function getMerge(ctx: AppContext, actor: Actor, id: string): Promise<MergeRecord> {
  const row = await ctx.db
    .selectFrom('contact_merges')
    .selectAll()
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Merge');
  return toMerge(row);
}

/** Recent merges involving a contact (as survivor), newest first. */
export async function listMerges(ctx: AppContext, actor: Actor, survivorId?: string): Promise<MergeRecord[]> {
  let q = ctx.db.selectFrom('contact_merges').selectAll().where('workspace_id', '=', actor.workspaceId);
  if (survivorId) q = q.where('survivor_id', '=', survivorId);
  return (await q.orderBy('created_at', 'desc').limit(100).execute()).map(toMerge);
}

/** Undoes a merge within 30 days: merged contacts come back with what they had; later edits to the survivor stay. */
export async function undoMerge(ctx: AppContext, actor: Actor, id: string): Promise<MergeRecord> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('contact_merges')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Merge');
    if (row.undone_at) throw new AppError('MERGE_NOT_UNDOABLE', 'This merge was already undone');
    if (row.undoable_until < now)
      throw new AppError('MERGE_NOT_UNDOABLE', `Merges can be undone for ${UNDO_DAYS} days; this one is older`);
    const survivor = await visibleContactRow(trx, actor, row.survivor_id);
    const undo = fromJson<UndoData>(row.undo, {} as UndoData);
    for (const [name, handler] of mergeHandlers().reverse())
      if (name in undo.handlers)
        await handler.undo(trx as Transaction<DB>, actor.workspaceId, undo.handlers[name], survivor.id);
    await restoreChildren(trx, actor.workspaceId, survivor.id, undo);
    // restore each survivor field the merge changed, unless someone changed it since
    const restore: Record<string, unknown> = {};
    for (const key of RESTORABLE) {
      const current = survivor[key];
      if (stableJson(current ?? null) === stableJson(undo.survivorAfter[key] ?? null))
        restore[key] = undo.survivorBefore[key] ?? null;
    }
    await trx
      .updateTable('contacts')
      .set({ ...forWrite(restore as Partial<ContactRow>), version: survivor.version + 1, updated_at: now })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', survivor.id)
      .execute();
    const current = new Map(
      (
        await findContactRows(
          trx,
          actor.workspaceId,
          undo.merged.map((m) => m.id),
        )
      ).map((r) => [r.id, r]),
    );
    for (const m of undo.merged) {
      const r = current.get(m.id);
      if (!r) continue;
      await trx
        .updateTable('contacts')
        .set({ deleted_at: m.deleted_at, merged_into_id: null, version: r.version + 1, updated_at: now })
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', m.id)
        .execute();
    }
    for (const cid of [survivor.id, ...undo.merged.map((m) => m.id)]) await reindexContact(trx, actor.workspaceId, cid);
    await trx
      .updateTable('contact_merges')
      .set({ undone_at: now, updated_at: now })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'contact.merge_undone',
        entityType: 'contact',
        entityId: survivor.id,
        meta: { mergeId: id, restoredIds: undo.merged.map((m) => m.id) },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'contact.merge_undone',
        entityType: 'contact',
        entityId: survivor.id,
        payload: { mergeId: id, restoredIds: undo.merged.map((m) => m.id) },
      },
      now,
    );
  });
  return getMerge(ctx, actor, id);
}
