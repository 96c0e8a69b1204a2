import type { z } from 'zod';
import type { Job, JobQuery } from '../../../shared/contracts/jobs.js';
import { fromJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { onCommit, withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import type { JobRow } from './job-lease.repository.js';
import { deleteDeadJob, findJob, listJobs, requeueDeadJob } from './jobs.repository.js';

export function toJob(r: JobRow): Job {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    status: r.status,
    priority: r.priority,
    payload: fromJson(r.payload, null),
    runAt: r.run_at,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    idempotencyKey: r.idempotency_key,
    lockedBy: r.locked_by,
    lockedUntil: r.locked_until,
    lastError: r.last_error,
    progress: fromJson(r.progress, null),
    result: fromJson(r.result, null),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
  };
}

export async function listJobsFor(ctx: AppContext, actor: Actor, q: z.output<typeof JobQuery>) {
  const { items, nextCursor, total } = await listJobs(ctx.db, actor.workspaceId, q);
  return { items: items.map(toJob), nextCursor, ...(total !== undefined ? { total } : {}) };
}

export async function getJob(ctx: AppContext, actor: Actor, id: string): Promise<Job> {
  return toJob(await visibleJob(ctx.db, actor, id));
}

/** Gives a dead job a fresh set of attempts, due now. */
export async function retryDeadJob(ctx: AppContext, actor: Actor, id: string): Promise<Job> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const before = await visibleJob(trx, actor, id);
    const after = await requeueDeadJob(trx, actor.workspaceId, id, now);
    if (!after) throw notDead(before);
    await ctx.jobs.definitions.get(after.name)?.onRetry?.(ctx, trx, {
      id: after.id,
      name: after.name,
      workspaceId: after.workspace_id,
      payload: fromJson(after.payload, null),
      error: before.last_error ?? '',
    });
    await recordChange(ctx, trx, actor, 'job.retried', before, after, now);
    onCommit(trx, () => ctx.jobs.notifyEnqueued());
    return toJob(after);
  });
}

/**
 * For the module that owns a dead job (of this name): gives it new attempts, due now, in the caller's transaction
 * (the module has already put its own record back in the state the job expects). False when the
 * job is not dead (pruned, or it ended some other way): the caller enqueues a new one.
 */
export async function requeueOwnDeadJob(
  ctx: AppContext,
  trx: Db,
  workspaceId: string,
  id: string,
  name: string,
  now: string,
): Promise<boolean> {
  if ((await findJob(trx, workspaceId, id))?.name !== name) return false;
  const after = await requeueDeadJob(trx, workspaceId, id, now);
  if (after) onCommit(trx, () => ctx.jobs.notifyEnqueued());
  return Boolean(after);
}

/** The name of a job of the workspace when it is dead, else null (for modules deciding how to resume). */
export async function deadJobName(db: Db, workspaceId: string, id: string): Promise<string | null> {
  const row = await findJob(db, workspaceId, id);
  return row?.status === 'dead' ? row.name : null;
}

/** Deletes a dead job for good (its idempotency key becomes free again). */
export async function discardDeadJob(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const before = await visibleJob(trx, actor, id);
    if (!(await deleteDeadJob(trx, actor.workspaceId, id))) throw notDead(before);
    await recordChange(ctx, trx, actor, 'job.discarded', before, null, now);
  });
}

async function visibleJob(db: Db, actor: Actor, id: string): Promise<JobRow> {
  const row = await findJob(db, actor.workspaceId, id);
  if (!row) throw new AppError('JOB_NOT_FOUND', `No job ${id} in this workspace`);
  return row;
}

function notDead(row: JobRow): AppError {
  return new AppError('JOB_NOT_DEAD', `Job ${row.id} is ${row.status}; only dead jobs can be retried or discarded`);
}

function summary(r: JobRow) {
  return { name: r.name, status: r.status, attempts: r.attempts, lastError: r.last_error };
}

async function recordChange(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  action: string,
  before: JobRow,
  after: JobRow | null,
  now: string,
): Promise<void> {
  await recordAudit(
    trx,
    actor,
    { action, entityType: 'job', entityId: before.id, before: summary(before), after: after ? summary(after) : null },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    {
      type: action,
      entityType: 'job',
      entityId: before.id,
      payload: { name: before.name, status: after?.status ?? null },
    },
    now,
  );
}
