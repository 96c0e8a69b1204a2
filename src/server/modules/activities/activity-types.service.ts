import type { z } from 'zod';
import type {
  ActivityType,
  CreateActivityTypeBody,
  UpdateActivityTypeBody,
} from '../../../shared/contracts/activities.js';
import { newId } from '../../db/ids.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import {
  activityTypeInUse,
  deleteActivityType,
  findActivityType,
  findActivityTypeByKey,
  insertActivityTypes,
  listActivityTypes,
  maxActivityTypePosition,
  updateActivityType,
  type ActivityTypeRow,
} from './activity-types.repository.js';

export function toActivityType(r: ActivityTypeRow): ActivityType {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    icon: r.icon,
    color: r.color,
    hasDuration: r.has_duration,
    hasOutcome: r.has_outcome,
    position: r.position,
    isArchived: r.is_archived,
    version: r.version,
  };
}

export async function getActivityTypes(
  ctx: AppContext,
  actor: Actor,
  includeArchived = false,
): Promise<ActivityType[]> {
  return (await listActivityTypes(ctx.db, actor.workspaceId, includeArchived)).map(toActivityType);
}

function keyFromName(name: string): string {
  const k = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(k) ? k : `type_${k}`.slice(0, 40);
}

export async function createActivityType(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof CreateActivityTypeBody>,
): Promise<ActivityType> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const key = input.key ?? keyFromName(input.name);
    if (await findActivityTypeByKey(trx, actor.workspaceId, key))
      throw new AppError('ACTIVITY_TYPE_KEY_TAKEN', `key: ${key} is taken`, { field: 'key' });
    const row: ActivityTypeRow = {
      id: newId(),
      workspace_id: actor.workspaceId,
      key,
      name: input.name,
      icon: input.icon ?? null,
      color: input.color,
      has_duration: input.hasDuration,
      has_outcome: input.hasOutcome,
      position: input.position ?? (await maxActivityTypePosition(trx, actor.workspaceId)) + 1,
      is_archived: false,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertActivityTypes(trx, [row]);
    const after = toActivityType(row);
    await recordAudit(
      trx,
      actor,
      { action: 'activity_type.created', entityType: 'activity_type', entityId: row.id, after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'activity_type.created',
        entityType: 'activity_type',
        entityId: row.id,
        payload: { activityType: after },
      },
      now,
    );
    return after;
  });
}

export async function updateActivityTypeById(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateActivityTypeBody>,
): Promise<ActivityType> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await findActivityType(trx, actor.workspaceId, id);
    if (!row) throw notFound('Activity type');
    if (row.version !== patch.version) throw new AppError('VERSION_CONFLICT', undefined, { field: 'version' });
    const next: Partial<ActivityTypeRow> = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.icon !== undefined ? { icon: patch.icon } : {}),
      ...(patch.color !== undefined ? { color: patch.color } : {}),
      ...(patch.hasDuration !== undefined ? { has_duration: patch.hasDuration } : {}),
      ...(patch.hasOutcome !== undefined ? { has_outcome: patch.hasOutcome } : {}),
      ...(patch.position !== undefined ? { position: patch.position } : {}),
      ...(patch.isArchived !== undefined ? { is_archived: patch.isArchived } : {}),
      updated_at: now,
    };
    if (!(await updateActivityType(trx, actor.workspaceId, id, row.version, next)))
      throw new AppError('VERSION_CONFLICT');
    const before = toActivityType(row);
    const after = toActivityType({ ...row, ...next, version: row.version + 1 });
    await recordAudit(
      trx,
      actor,
      { action: 'activity_type.updated', entityType: 'activity_type', entityId: id, before, after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'activity_type.updated', entityType: 'activity_type', entityId: id, payload: { activityType: after } },
      now,
    );
    return after;
  });
}

/** Deletes an unused type; one that activities use must be archived instead. */
export async function deleteActivityTypeById(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await findActivityType(trx, actor.workspaceId, id);
    if (!row) throw notFound('Activity type');
    if (await activityTypeInUse(trx, actor.workspaceId, id)) throw new AppError('ACTIVITY_TYPE_IN_USE');
    await deleteActivityType(trx, actor.workspaceId, id);
    await recordAudit(
      trx,
      actor,
      { action: 'activity_type.deleted', entityType: 'activity_type', entityId: id, before: toActivityType(row) },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'activity_type.deleted', entityType: 'activity_type', entityId: id },
      now,
    );
  });
}
