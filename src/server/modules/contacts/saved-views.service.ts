import type { z } from 'zod';
import type { CreateSavedViewBody, SavedView, UpdateSavedViewBody } from '../../../shared/contracts/contacts-query.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError, notFound } from '../../http/errors.js';
import { can, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';

// Saved list views (filter + columns + sort): personal, or shared with the whole workspace.
// Sharing, and changing a shared view, needs segments.manage.

type ViewRow = DB['saved_views'];
const toView = (r: ViewRow): SavedView => ({
  id: r.id,
  entity: r.entity as SavedView['entity'],
  name: r.name,
  ownerId: r.owner_id,
  isShared: Boolean(r.is_shared),
  filter: fromJson(r.filter, {}),
  columns: fromJson(r.columns, []),
  sort: fromJson(r.sort, { field: 'createdAt', dir: 'desc' as const }),
  version: r.version,
  createdAt: r.created_at,
});

export async function listSavedViews(ctx: AppContext, actor: Actor, entity: string): Promise<SavedView[]> {
  const rows = await ctx.db
    .selectFrom('saved_views')
    .selectAll()
    .where('workspace_id', '=', actor.workspaceId)
    .where('entity', '=', entity)
    .where((eb) => eb.or([eb('is_shared', '=', true), eb('owner_id', '=', actor.id)]))
    .orderBy('name')
    .execute();
  return rows.map(toView);
}

function assertMayEdit(actor: Actor, row: ViewRow | null, makingShared: boolean): void {
  if ((makingShared || row?.is_shared) && !can(actor, 'segments.manage'))
    throw new AppError('FORBIDDEN', 'Sharing views with the workspace needs the segments.manage permission');
  if (row && !row.is_shared && row.owner_id !== actor.id) throw notFound('View');
}

export async function createSavedView(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof CreateSavedViewBody>,
): Promise<SavedView> {
  assertMayEdit(actor, null, input.isShared);
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row: ViewRow = {
      id: newId(),
      workspace_id: actor.workspaceId,
      entity: input.entity,
      name: input.name,
      owner_id: actor.kind === 'user' ? actor.id : null,
      is_shared: input.isShared,
      filter: toJson(input.filter),
      columns: toJson(input.columns),
      sort: toJson(input.sort),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('saved_views').values(row).execute();
    const view = toView(row);
    await recordAudit(
      trx,
      actor,
      { action: 'saved_view.created', entityType: 'saved_view', entityId: row.id, after: view },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'saved_view.created',
        entityType: 'saved_view',
        entityId: row.id,
        payload: { name: row.name, isShared: row.is_shared },
      },
      now,
    );
    return view;
  });
}

export async function updateSavedView(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateSavedViewBody>,
): Promise<SavedView> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('saved_views')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('View');
    assertMayEdit(actor, row, Boolean(patch.isShared));
    const next = {
      name: patch.name ?? row.name,
      is_shared: patch.isShared ?? row.is_shared,
      filter: toJson(patch.filter ?? fromJson(row.filter, {})),
      columns: toJson(patch.columns ?? fromJson(row.columns, [])),
      sort: toJson(patch.sort ?? fromJson(row.sort, {})),
      version: row.version + 1,
      updated_at: now,
    };
    const res = await trx
      .updateTable('saved_views')
      .set(next)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    const after = toView({ ...row, ...next });
    await recordAudit(
      trx,
      actor,
      { action: 'saved_view.updated', entityType: 'saved_view', entityId: id, before: toView(row), after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'saved_view.updated', entityType: 'saved_view', entityId: id, payload: { name: after.name } },
      now,
    );
    return after;
  });
}

export async function deleteSavedView(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('saved_views')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('View');
    assertMayEdit(actor, row, false);
    await trx.deleteFrom('saved_views').where('workspace_id', '=', actor.workspaceId).where('id', '=', id).execute();
    await recordAudit(
      trx,
      actor,
      { action: 'saved_view.deleted', entityType: 'saved_view', entityId: id, before: toView(row) },
      now,
    );
    await appendEvent(ctx, trx, actor, { type: 'saved_view.deleted', entityType: 'saved_view', entityId: id }, now);
  });
}
