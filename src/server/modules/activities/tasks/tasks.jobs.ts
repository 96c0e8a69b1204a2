import { z } from 'zod';
import { systemActor } from '../../../platform/actor.js';
import { nowIso } from '../../../platform/clock.js';
import type { AppContext } from '../../../platform/context.js';
import { withTransaction, type Db } from '../../../platform/transaction.js';
import { defineJob } from '../../jobs/job-definition.js';
import { notify } from '../notifications/notifications.service.js';
import { taskUrl } from './task-rules.js';
import { claimDueNotice, claimReminder, findTask, type TaskRow } from './tasks.repository.js';

export const TASK_REMIND_JOB = 'tasks.remind';
export const TASK_DUE_JOB = 'tasks.due';

const payload = z.object({ workspaceId: z.string(), taskId: z.string(), at: z.string() });

/**
 * Enqueues the reminder and due-time notices of a task in the caller's transaction. Each job names
 * the time it was set for: when it runs it re-reads the task and does nothing if the task was
 * completed, cancelled or moved since (a moved task has a newer job of its own).
 */
export async function scheduleTaskJobs(
  ctx: AppContext,
  db: Db,
  task: TaskRow,
  which: { reminder: boolean; due: boolean },
): Promise<void> {
  if (!task.is_open) return;
  const opts = (at: string, kind: string) => ({
    workspaceId: task.workspace_id,
    runAt: new Date(at),
    idempotencyKey: `${kind}:${task.id}:${at}:v${task.version}`,
  });
  if (which.reminder && task.reminder_at)
    await ctx.jobs.enqueue(
      db,
      TASK_REMIND_JOB,
      { workspaceId: task.workspace_id, taskId: task.id, at: task.reminder_at },
      opts(task.reminder_at, 'task-reminder'),
    );
  if (which.due && task.due_at)
    await ctx.jobs.enqueue(
      db,
      TASK_DUE_JOB,
      { workspaceId: task.workspace_id, taskId: task.id, at: task.due_at },
      opts(task.due_at, 'task-due'),
    );
}

function describeDue(task: TaskRow): string | null {
  return task.due_at ? `Due ${task.due_at.slice(0, 16).replace('T', ' ')} UTC` : null;
}

/** At the reminder time: an in-app notification (and by the recipient's settings an email) to the assignee. */
export const taskReminderJob = defineJob({
  name: TASK_REMIND_JOB,
  schema: payload,
  async handler(ctx, run) {
    const { workspaceId, taskId, at } = run.payload;
    const now = nowIso(ctx.clock);
    return withTransaction(ctx.db, async (trx) => {
      const task = await findTask(trx, workspaceId, taskId);
      if (!task?.assignee_id || !(await claimReminder(trx, workspaceId, taskId, at, now))) return { sent: false };
      const actor = systemActor(workspaceId, 'Reminders');
      await notify(
        ctx,
        trx,
        actor,
        {
          userId: task.assignee_id,
          kind: 'reminder',
          title: `Reminder: ${task.title}`,
          body: describeDue(task),
          url: taskUrl(task.id),
          entityType: 'task',
          entityId: task.id,
        },
        now,
      );
      return { sent: true };
    });
  },
});

/** At the due time of an open task: a "task due" notification to the assignee. */
export const taskDueJob = defineJob({
  name: TASK_DUE_JOB,
  schema: payload,
  async handler(ctx, run) {
    const { workspaceId, taskId, at } = run.payload;
    const now = nowIso(ctx.clock);
    return withTransaction(ctx.db, async (trx) => {
      const task = await findTask(trx, workspaceId, taskId);
      if (!task?.assignee_id || !(await claimDueNotice(trx, workspaceId, taskId, at, now))) return { sent: false };
      const actor = systemActor(workspaceId, 'Reminders');
      await notify(
        ctx,
        trx,
        actor,
        {
          userId: task.assignee_id,
          kind: 'task_due',
          title: `Task due: ${task.title}`,
          body: describeDue(task),
          url: taskUrl(task.id),
          entityType: 'task',
          entityId: task.id,
        },
        now,
      );
      return { sent: true };
    });
  },
});
