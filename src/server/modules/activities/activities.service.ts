import type { z } from 'zod';
import type {
  Activity,
  ActivityQuery,
  CompleteActivityBody,
  CreateActivityBody,
  UpdateActivityBody,
} from '../../../shared/contracts/activities.js';
import { newId } from '../../db/ids.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { cursorPart, decodeCursor, pageOf } from '../../http/pagination.js';
import { can, ownerScope, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { activitySnapshot, toActivity } from './activity-mapper.js';
import { assertActivityTiming, withFieldPrefix } from './activity-rules.js';
import { findActivityTypeByIdOrKey, type ActivityTypeRow } from './activity-types.repository.js';
import {
  deleteActivityRow,
  findActivity,
  findActivitySettings,
  findVisibleActivity,
  insertActivities,
  listActivities,
  updateActivityRow,
  type ActivityRow,
  type ActivityVisibility,
} from './activities.repository.js';
import { notifyMentions } from './notifications/notifications.service.js';
import { resolveContact, resolveDeal } from './refs.service.js';
import { createTaskInTransaction } from './tasks/tasks.service.js';
import { taskTypeForActivity } from './tasks/task-rules.js';

type CreateInput = z.output<typeof CreateActivityBody>;

export function visibilityOf(actor: Actor): ActivityVisibility {
  return { userId: actor.id, ownerOnly: ownerScope(actor) !== null, seesConfidential: can(actor, 'activities.manage') };
}

const showIp = (actor: Actor) => can(actor, 'activities.manage');
export const contactUrl = (contactId: string) => `/contacts/${contactId}`;

async function resolveType(
  db: Db,
  workspaceId: string,
  idOrKey: string,
  allowArchived: boolean,
): Promise<ActivityTypeRow> {
  const type = await findActivityTypeByIdOrKey(db, workspaceId, idOrKey);
  if (!type) throw fieldError('typeId', 'Unknown activity type');
  if (type.is_archived && !allowArchived) throw fieldError('typeId', 'This activity type is archived');
  return type;
}

function assertOutcome(outcome: string | null, note: string | null) {
  if (outcome === 'custom' && !note) throw fieldError('outcomeNote', 'Describe the custom outcome');
}

/** Validates one activity and builds its row; writes nothing. */
async function prepareActivity(ctx: AppContext, db: Db, actor: Actor, input: CreateInput, now: string) {
  const type = await resolveType(db, actor.workspaceId, input.typeId, false);
  const contact = await resolveContact(db, actor.workspaceId, input.contactId, 'contactId', ownerScope(actor));
  const dealId = await resolveDeal(ctx, db, actor.workspaceId, input.dealId);
  const occurredAt = input.occurredAt ?? now;
  assertActivityTiming({ status: input.status, occurredAt, nextActionAt: input.nextActionAt ?? null }, ctx.clock.now());
  assertOutcome(input.outcome ?? null, input.outcomeNote ?? null);
  const row: ActivityRow = {
    id: newId(),
    workspace_id: actor.workspaceId,
    type_id: type.id,
    contact_id: contact.id,
    deal_id: dealId,
    title: input.title,
    description: input.description ?? null,
    status: input.status,
    occurred_at: occurredAt,
    duration_minutes: input.durationMinutes ?? null,
    outcome: input.outcome ?? null,
    outcome_note: input.outcomeNote ?? null,
    next_action: input.nextAction ?? null,
    next_action_at: input.nextActionAt ?? null,
    is_confidential: input.isConfidential,
    created_by: actor.kind === 'user' ? actor.id : null,
    ip: actor.ip ?? null,
    completed_at: input.status === 'done' ? now : null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return { row, type, companyId: contact.company_id };
}

async function readActivity(db: Db, actor: Actor, id: string, taskId?: string | null): Promise<Activity> {
  const r = await findActivity(db, actor.workspaceId, id);
  if (!r) throw notFound('Activity');
  return toActivity(r, { showIp: showIp(actor), taskId });
}

/** Audit, event (the timeline's source) and @mentions for one written activity. */
async function recordActivityWrite(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  type: string,
  activity: Activity,
  companyId: string | null,
  before: Activity | null,
  now: string,
) {
  await recordAudit(
    trx,
    actor,
    {
      action: type,
      entityType: 'activity',
      entityId: activity.id,
      before,
      after: type === 'activity.deleted' ? null : activity,
    },
    now,
  );
  const privacy = activity.isConfidential
    ? { privateTo: activity.createdBy?.id ?? 'nobody', privateToPermission: 'activities.manage' }
    : {};
  const payload = {
    contactId: activity.contactId,
    dealId: activity.dealId,
    companyId,
    occurredAt: activity.occurredAt,
    activity: activitySnapshot(activity),
    ...privacy,
  };
  await appendEvent(ctx, trx, actor, { type, entityType: 'activity', entityId: activity.id, payload }, now);
  if (
    type !== 'activity.deleted' &&
    !activity.isConfidential &&
    activity.description !== (before?.description ?? null)
  ) {
    await notifyMentions(
      ctx,
      trx,
      actor,
      activity.description,
      {
        title: `${actor.name} mentioned you: ${activity.title}`,
        body: activity.description,
        url: contactUrl(activity.contactId),
        entityType: 'activity',
        entityId: activity.id,
      },
      now,
    );
  }
}

/** When the workspace wants it, a next action with a date becomes a task for the author. */
async function taskFromNextAction(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  row: ActivityRow,
  type: ActivityTypeRow,
  now: string,
): Promise<string | null> {
  if (!row.next_action || !row.next_action_at || actor.kind !== 'user') return null;
  const settings = await findActivitySettings(trx, actor.workspaceId);
  if (!settings?.next_action_creates_task) return null;
  const task = await createTaskInTransaction(
    ctx,
    trx,
    actor,
    {
      title: row.next_action.slice(0, 255),
      description: `${type.name}: ${row.title}`,
      type: taskTypeForActivity(type.key) as 'custom',
      priority: 'medium',
      status: 'pending',
      dueAt: row.next_action_at,
      contactId: row.contact_id,
      dealId: row.deal_id,
      activityId: row.id,
    },
    now,
  );
  return task.id;
}

export async function createActivity(ctx: AppContext, actor: Actor, input: CreateInput): Promise<Activity> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const { row, type, companyId } = await prepareActivity(ctx, trx, actor, input, now);
    await insertActivities(trx, [row]);
    const taskId = await taskFromNextAction(ctx, trx, actor, row, type, now);
    const activity = await readActivity(trx, actor, row.id, taskId);
    await recordActivityWrite(ctx, trx, actor, 'activity.created', activity, companyId, null, now);
    return activity;
  });
}

/** All or nothing: every item is validated first; a bad one is named as `items.N.field`. */
export async function bulkCreateActivities(ctx: AppContext, actor: Actor, items: CreateInput[]): Promise<Activity[]> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const prepared = [];
    for (const [i, item] of items.entries())
      prepared.push(await withFieldPrefix(`items.${i}.`, () => prepareActivity(ctx, trx, actor, item, now)));
    await insertActivities(
      trx,
      prepared.map((p) => p.row),
    );
    const out: Activity[] = [];
    for (const p of prepared) {
      const taskId = await taskFromNextAction(ctx, trx, actor, p.row, p.type, now);
      const activity = await readActivity(trx, actor, p.row.id, taskId);
      await recordActivityWrite(ctx, trx, actor, 'activity.created', activity, p.companyId, null, now);
      out.push(activity);
    }
    return out;
  });
}

async function loadForChange(trx: Db, actor: Actor, id: string) {
  const row = await findVisibleActivity(trx, actor.workspaceId, id, visibilityOf(actor));
  if (!row) throw notFound('Activity');
  if (row.created_by !== actor.id && !can(actor, 'activities.manage')) throw new AppError('NOT_YOUR_RECORD');
  return row;
}

export async function updateActivity(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateActivityBody>,
): Promise<Activity> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await loadForChange(trx, actor, id);
    if (row.version !== patch.version) throw new AppError('VERSION_CONFLICT', undefined, { field: 'version' });
    // Keeping an archived type is fine; choosing one anew is not.
    const keepsType = patch.typeId === undefined || patch.typeId === row.type_id || patch.typeId === row.type_key;
    const type = await resolveType(trx, actor.workspaceId, patch.typeId ?? row.type_id, keepsType);
    const contact = await resolveContact(
      trx,
      actor.workspaceId,
      patch.contactId ?? row.contact_id,
      'contactId',
      patch.contactId && patch.contactId !== row.contact_id ? ownerScope(actor) : null,
    );
    const {
      type_key: _k,
      type_name: _n,
      type_icon: _i,
      type_color: _c,
      contact_name: _cn,
      contact_owner_id: _co,
      author_name: _a,
      ...columns
    } = row;
    const next: ActivityRow = {
      ...columns,
      type_id: type.id,
      contact_id: contact.id,
      deal_id: patch.dealId !== undefined ? await resolveDeal(ctx, trx, actor.workspaceId, patch.dealId) : row.deal_id,
      title: patch.title ?? row.title,
      description: patch.description !== undefined ? patch.description : row.description,
      status: patch.status ?? row.status,
      occurred_at: patch.occurredAt ?? row.occurred_at,
      duration_minutes: patch.durationMinutes !== undefined ? patch.durationMinutes : row.duration_minutes,
      outcome: patch.outcome !== undefined ? patch.outcome : row.outcome,
      outcome_note: patch.outcomeNote !== undefined ? patch.outcomeNote : row.outcome_note,
      next_action: patch.nextAction !== undefined ? patch.nextAction : row.next_action,
      next_action_at: patch.nextActionAt !== undefined ? patch.nextActionAt : row.next_action_at,
      is_confidential: patch.isConfidential ?? row.is_confidential,
      updated_at: now,
    };
    if (next.status === 'done' && row.status === 'scheduled') next.completed_at = now;
    if (next.status === 'scheduled') next.completed_at = null;
    assertActivityTiming(
      { status: next.status, occurredAt: next.occurred_at, nextActionAt: next.next_action_at },
      ctx.clock.now(),
    );
    assertOutcome(next.outcome, next.outcome_note);
    const before = toActivity(row, { showIp: showIp(actor) });
    if (!(await updateActivityRow(trx, actor.workspaceId, id, row.version, next)))
      throw new AppError('VERSION_CONFLICT');
    const taskId = !row.next_action_at ? await taskFromNextAction(ctx, trx, actor, next, type, now) : undefined;
    const activity = await readActivity(trx, actor, id, taskId);
    const eventType = row.status === 'scheduled' && next.status === 'done' ? 'activity.completed' : 'activity.updated';
    await recordActivityWrite(ctx, trx, actor, eventType, activity, contact.company_id, before, now);
    return activity;
  });
}

/** Marks a scheduled activity done, at the given time or now (not in the future). */
export async function completeActivity(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.output<typeof CompleteActivityBody>,
): Promise<Activity> {
  const row = await findVisibleActivity(ctx.db, actor.workspaceId, id, visibilityOf(actor));
  if (!row) throw notFound('Activity');
  if (row.status !== 'scheduled') throw new AppError('ACTIVITY_NOT_SCHEDULED');
  const occurredAt = body.occurredAt ?? (row.occurred_at > nowIso(ctx.clock) ? nowIso(ctx.clock) : row.occurred_at);
  return updateActivity(ctx, actor, id, {
    status: 'done',
    occurredAt,
    ...(body.outcome !== undefined ? { outcome: body.outcome } : {}),
    ...(body.outcomeNote !== undefined ? { outcomeNote: body.outcomeNote } : {}),
    ...(body.durationMinutes !== undefined ? { durationMinutes: body.durationMinutes } : {}),
    version: body.version ?? row.version,
  });
}

export async function deleteActivity(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await loadForChange(trx, actor, id);
    const before = toActivity(row, { showIp: showIp(actor) });
    const contact = await resolveContact(trx, actor.workspaceId, row.contact_id).catch(() => null);
    await deleteActivityRow(trx, actor.workspaceId, id);
    await recordActivityWrite(ctx, trx, actor, 'activity.deleted', before, contact?.company_id ?? null, before, now);
  });
}

export async function getActivity(ctx: AppContext, actor: Actor, id: string): Promise<Activity> {
  const r = await findVisibleActivity(ctx.db, actor.workspaceId, id, visibilityOf(actor));
  if (!r) throw notFound('Activity');
  return toActivity(r, { showIp: showIp(actor) });
}

export async function listActivitiesFor(ctx: AppContext, actor: Actor, q: z.output<typeof ActivityQuery>) {
  let typeIds: string[] | null = null;
  if (q.typeId?.length) {
    typeIds = [];
    for (const t of q.typeId) {
      const type = await findActivityTypeByIdOrKey(ctx.db, actor.workspaceId, t);
      if (!type) throw fieldError('typeId', `Unknown activity type ${t}`);
      typeIds.push(type.id);
    }
  }
  const after = decodeCursor(q.cursor, [cursorPart.instant, cursorPart.id]);
  const { rows, total } = await listActivities(ctx.db, actor.workspaceId, q, typeIds, visibilityOf(actor), after);
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.occurred_at, r.id]);
  return {
    items: items.map((r) => toActivity(r, { showIp: showIp(actor) })),
    nextCursor,
    ...(total !== undefined ? { total } : {}),
  };
}
