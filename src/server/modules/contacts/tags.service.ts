import type { z } from 'zod';
import type { CreateTagBody, Tag, UpdateTagBody } from '../../../shared/contracts/contacts-config.js';
import type { TagContactsBody } from '../../../shared/contracts/contacts-query.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { visibleContactRows } from './contact-visibility.js';
import { tagContactsInTransaction, untagContactsInTransaction } from './tagging.js';
import { findTagByNameKey, findTagRow, listTagRows, tagUsage } from './tags.repository.js';

export function toTag(r: DB['tags'], count?: number): Tag {
  return {
    id: r.id,
    name: r.name,
    color: r.color,
    description: r.description,
    version: r.version,
    ...(count !== undefined ? { contactCount: count } : {}),
  };
}

const keyOf = (name: string) => name.trim().toLowerCase();

export async function listTags(ctx: AppContext, workspaceId: string): Promise<Tag[]> {
  const [rows, usage] = await Promise.all([listTagRows(ctx.db, workspaceId), tagUsage(ctx.db, workspaceId)]);
  return rows.map((r) => toTag(r, usage.get(r.id) ?? 0));
}

/** Creates a tag (in the caller's transaction when given one; used by templates and seeds). */
export async function insertTag(
  db: Db,
  workspaceId: string,
  input: { name: string; color: string; description?: string | null },
  now: string,
): Promise<DB['tags']> {
  const row: DB['tags'] = {
    id: newId(),
    workspace_id: workspaceId,
    name: input.name.trim(),
    name_key: keyOf(input.name),
    color: input.color,
    description: input.description ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('tags').values(row).execute();
  return row;
}

export async function createTag(ctx: AppContext, actor: Actor, input: z.output<typeof CreateTagBody>): Promise<Tag> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    if (await findTagByNameKey(trx, actor.workspaceId, keyOf(input.name)))
      throw new AppError('KEY_TAKEN', `A tag named "${input.name}" exists`, { field: 'name' });
    const row = await insertTag(trx, actor.workspaceId, input, now);
    await recordAudit(
      trx,
      actor,
      { action: 'tag.created', entityType: 'tag', entityId: row.id, after: toTag(row) },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'tag.created', entityType: 'tag', entityId: row.id, payload: { name: row.name } },
      now,
    );
    return toTag(row);
  });
}

export async function updateTag(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateTagBody>,
): Promise<Tag> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await findTagRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Tag');
    if (patch.name && keyOf(patch.name) !== row.name_key) {
      if (await findTagByNameKey(trx, actor.workspaceId, keyOf(patch.name)))
        throw new AppError('KEY_TAKEN', `A tag named "${patch.name}" exists`, { field: 'name' });
    }
    const next = {
      name: patch.name?.trim() ?? row.name,
      name_key: patch.name ? keyOf(patch.name) : row.name_key,
      color: patch.color ?? row.color,
      description: patch.description === undefined ? row.description : patch.description,
      version: row.version + 1,
      updated_at: now,
    };
    const res = await trx
      .updateTable('tags')
      .set(next)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    const after = toTag({ ...row, ...next });
    await recordAudit(
      trx,
      actor,
      { action: 'tag.updated', entityType: 'tag', entityId: id, before: toTag(row), after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'tag.updated', entityType: 'tag', entityId: id, payload: { name: after.name } },
      now,
    );
    return after;
  });
}

export async function deleteTag(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await findTagRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Tag');
    await trx.deleteFrom('tags').where('workspace_id', '=', actor.workspaceId).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'tag.deleted', entityType: 'tag', entityId: id, before: toTag(row) }, now);
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'tag.deleted', entityType: 'tag', entityId: id, payload: { name: row.name } },
      now,
    );
  });
}

/** Tags or untags one or many contacts in one request. */
export async function setContactTags(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof TagContactsBody>,
  mode: 'add' | 'remove',
): Promise<{ changed: number }> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const contactIds = [...new Set(input.contactIds)];
    await visibleContactRows(trx, actor, contactIds, 'contactIds');
    const tagIds = [...new Set(input.tagIds)];
    const changed =
      mode === 'add'
        ? await tagContactsInTransaction(ctx, trx, actor, contactIds, tagIds, now)
        : await untagContactsInTransaction(ctx, trx, actor, contactIds, tagIds, now);
    return { changed };
  });
}
