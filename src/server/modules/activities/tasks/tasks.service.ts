import type { z } from 'zod';
import type { CreateTaskBody, Task, UpdateTaskBody } from '../../../../shared/contracts/tasks.js';
import { newId } from '../../../db/ids.js';
import { AppError, notFound } from '../../../http/errors.js';
import { can, ownerScope, type Actor } from '../../../platform/actor.js';
import { nowIso } from '../../../platform/clock.js';
import type { AppContext } from '../../../platform/context.js';
import { withTransaction, type Db } from '../../../platform/transaction.js';
import { recordAudit } from '../../audit/audit.service.js';
import { appendEvent } from '../../events/events.service.js';
import type { TaskStatus } from '../activities.tables.js';
import { notify } from '../notifications/notifications.service.js';
import { findContactRef } from '../../contacts/contact-refs.service.js';
import { resolveContact, resolveDeal, resolveMember } from '../refs.service.js';
import { toTask } from './task-mapper.js';
import { assertReminderBeforeDue, isOpenStatus, taskUrl } from './task-rules.js';
import {
  deleteTaskRow,
  findTask,
  findTaskWithRefs,
  insertTask,
  updateTaskRow,
  type TaskRow,
} from './tasks.repository.js';
import { scheduleTaskJobs } from './tasks.jobs.js';

export type CreateTaskInput = z.output<typeof CreateTaskBody> & { activityId?: string | null };
type TaskPatch = Omit<z.output<typeof UpdateTaskBody>, 'version'>;

/** Agents reach only tasks assigned to or created by them, unless the workspace lets them see all. */
export function canReachTask(actor: Actor, row: Pick<TaskRow, 'assignee_id' | 'created_by'>): boolean {
  const me = ownerScope(actor);
  return !me || row.assignee_id === me || row.created_by === me;
}

async function loadTask(ctx: AppContext, db: Db, actor: Actor, id: string, scoped = true): Promise<Task> {
  const row = await findTaskWithRefs(db, actor.workspaceId, id);
  if (!row || (scoped && !canReachTask(actor, row))) throw notFound('Task');
  return toTask(row, nowIso(ctx.clock));
}

export async function getTask(ctx: AppContext, actor: Actor, id: string): Promise<Task> {
  return loadTask(ctx, ctx.db, actor, id);
}

async function assignmentNotice(ctx: AppContext, db: Db, actor: Actor, task: Task, now: string) {
  if (!task.assignee) return;
  const due = task.dueAt ? `Due ${task.dueAt.slice(0, 16).replace('T', ' ')} UTC` : null;
  await notify(
    ctx,
    db,
    actor,
    {
      userId: task.assignee.id,
      kind: 'assignment',
      title: `${actor.name} assigned you a task: ${task.title}`,
      body: [due, task.contact?.name].filter(Boolean).join(' · ') || null,
      url: taskUrl(task.id),
      entityType: 'task',
      entityId: task.id,
    },
    now,
  );
}

function eventPayload(task: Task, companyId: string | null) {
  return {
    contactId: task.contact?.id ?? null,
    dealId: task.dealId,
    companyId,
    assigneeId: task.assignee?.id ?? null,
    occurredAt: task.updatedAt,
    task,
  };
}

/** Creates a task inside the caller's transaction (used by the API and by activities' next actions). */
export async function createTaskInTransaction(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  input: CreateTaskInput,
  now: string,
): Promise<Task> {
  assertReminderBeforeDue(input.reminderAt ?? null, input.dueAt ?? null);
  const assigneeId = input.assigneeId === undefined ? (actor.kind === 'user' ? actor.id : null) : input.assigneeId;
  if (assigneeId) await resolveMember(trx, actor.workspaceId, assigneeId);
  const contact = input.contactId ? await resolveContact(trx, actor, input.contactId) : null;
  const dealId = await resolveDeal(ctx, trx, actor.workspaceId, input.dealId);
  const isOpen = isOpenStatus(input.status);
  const row: TaskRow = {
    id: newId(),
    workspace_id: actor.workspaceId,
    title: input.title,
    description: input.description ?? null,
    type: input.type,
    priority: input.priority,
    status: input.status,
    is_open: isOpen,
    due_at: input.dueAt ?? null,
    reminder_at: input.reminderAt ?? null,
    reminder_sent_at: null,
    due_notified_at: null,
    assignee_id: assigneeId,
    created_by: actor.kind === 'user' ? actor.id : null,
    contact_id: contact?.id ?? null,
    deal_id: dealId,
    activity_id: input.activityId ?? null,
    completed_at: isOpen ? null : now,
    completed_by: isOpen || actor.kind !== 'user' ? null : actor.id,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertTask(trx, row);
  await scheduleTaskJobs(ctx, trx, row, { reminder: true, due: true });
  const task = await loadTask(ctx, trx, actor, row.id, false);
  await recordAudit(trx, actor, { action: 'task.created', entityType: 'task', entityId: row.id, after: task }, now);
  await appendEvent(
    ctx,
    trx,
    actor,
    {
      type: 'task.created',
      entityType: 'task',
      entityId: row.id,
      payload: eventPayload(task, contact?.companyId ?? null),
    },
    now,
  );
  await assignmentNotice(ctx, trx, actor, task, now);
  return task;
}

export async function createTask(ctx: AppContext, actor: Actor, input: CreateTaskInput): Promise<Task> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, (trx) => createTaskInTransaction(ctx, trx, actor, input, now));
}

function eventTypeFor(
  before: TaskRow,
  after: TaskRow,
): 'task.completed' | 'task.cancelled' | 'task.reopened' | 'task.reassigned' | 'task.updated' {
  if (before.status !== after.status) {
    if (after.status === 'completed') return 'task.completed';
    if (after.status === 'cancelled') return 'task.cancelled';
    if (!before.is_open && after.is_open) return 'task.reopened';
  }
  if (before.assignee_id !== after.assignee_id) return 'task.reassigned';
  return 'task.updated';
}

/** Applies a change; `expectedVersion` null skips the stale-version check (bulk actions). */
export async function changeTask(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: TaskPatch,
  expectedVersion: number | null,
): Promise<Task> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await findTask(trx, actor.workspaceId, id);
    if (!row || !canReachTask(actor, row)) throw notFound('Task');
    if (expectedVersion !== null && row.version !== expectedVersion)
      throw new AppError('VERSION_CONFLICT', undefined, { field: 'version' });
    const next: TaskRow = { ...row, updated_at: now };
    if (patch.title !== undefined) next.title = patch.title;
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.type !== undefined) next.type = patch.type;
    if (patch.priority !== undefined) next.priority = patch.priority;
    if (patch.dueAt !== undefined) next.due_at = patch.dueAt;
    if (patch.reminderAt !== undefined) next.reminder_at = patch.reminderAt;
    if (patch.assigneeId !== undefined && patch.assigneeId !== row.assignee_id) {
      if (patch.assigneeId) await resolveMember(trx, actor.workspaceId, patch.assigneeId);
      next.assignee_id = patch.assigneeId;
    }
    if (patch.contactId !== undefined && patch.contactId !== row.contact_id)
      next.contact_id = patch.contactId ? (await resolveContact(trx, actor, patch.contactId)).id : null;
    const companyId = next.contact_id
      ? ((await findContactRef(trx, actor.workspaceId, next.contact_id))?.companyId ?? null)
      : null;
    if (patch.dealId !== undefined) next.deal_id = await resolveDeal(ctx, trx, actor.workspaceId, patch.dealId);
    if (patch.status !== undefined && patch.status !== row.status)
      applyStatus(next, patch.status as TaskStatus, actor, now);
    assertReminderBeforeDue(next.reminder_at, next.due_at);
    const reminderMoved = next.reminder_at !== row.reminder_at || (!row.is_open && next.is_open);
    const dueMoved = next.due_at !== row.due_at || (!row.is_open && next.is_open);
    if (reminderMoved) next.reminder_sent_at = null;
    if (dueMoved) next.due_notified_at = null;
    if (!(await updateTaskRow(trx, actor.workspaceId, id, row.version, next))) throw new AppError('VERSION_CONFLICT');
    next.version = row.version + 1;
    await scheduleTaskJobs(ctx, trx, next, { reminder: reminderMoved, due: dueMoved });
    const task = await loadTask(ctx, trx, actor, id, false);
    const type = eventTypeFor(row, next);
    await recordAudit(
      trx,
      actor,
      {
        action: type,
        entityType: 'task',
        entityId: id,
        before: toTask({ ...row, assignee_name: null, creator_name: null, contact_name: null }, now),
        after: task,
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type,
        entityType: 'task',
        entityId: id,
        payload: { ...eventPayload(task, companyId), previousAssigneeId: row.assignee_id },
      },
      now,
    );
    if (next.assignee_id !== row.assignee_id) await assignmentNotice(ctx, trx, actor, task, now);
    return task;
  });
}

function applyStatus(next: TaskRow, status: TaskStatus, actor: Actor, now: string) {
  next.status = status;
  next.is_open = isOpenStatus(status);
  next.completed_at = status === 'completed' ? now : null;
  next.completed_by = status === 'completed' && actor.kind === 'user' ? actor.id : null;
}

export async function deleteTask(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await findTask(trx, actor.workspaceId, id);
    if (!row || !canReachTask(actor, row)) throw notFound('Task');
    if (ownerScope(actor) && row.created_by !== actor.id && !can(actor, 'activities.manage'))
      throw new AppError('NOT_YOUR_RECORD');
    await deleteTaskRow(trx, actor.workspaceId, id);
    await recordAudit(
      trx,
      actor,
      {
        action: 'task.deleted',
        entityType: 'task',
        entityId: id,
        before: { title: row.title, status: row.status, assigneeId: row.assignee_id },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'task.deleted',
        entityType: 'task',
        entityId: id,
        payload: { contactId: row.contact_id, dealId: row.deal_id },
      },
      now,
    );
  });
}

export type BulkTaskAction = 'complete' | 'reopen' | 'reassign' | 'cancel' | 'delete';

/** Applies one action to each task on its own, reporting per task; one refusal never stops the rest. */
export async function bulkTasks(
  ctx: AppContext,
  actor: Actor,
  ids: string[],
  action: BulkTaskAction,
  assigneeId?: string,
) {
  const results: Array<{ id: string; ok: boolean; code?: string; message?: string }> = [];
  if (action === 'reassign' && assigneeId) await resolveMember(ctx.db, actor.workspaceId, assigneeId);
  for (const id of [...new Set(ids)]) {
    try {
      if (action === 'delete') await deleteTask(ctx, actor, id);
      else if (action === 'reassign') await changeTask(ctx, actor, id, { assigneeId }, null);
      else
        await changeTask(
          ctx,
          actor,
          id,
          { status: action === 'complete' ? 'completed' : action === 'cancel' ? 'cancelled' : 'pending' },
          null,
        );
      results.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, code: err.code, message: err.message });
    }
  }
  return { results };
}
