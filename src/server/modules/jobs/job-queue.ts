import type { z } from 'zod';
import { newId } from '../../db/ids.js';
import { toJson } from '../../db/sql-helpers.js';
import type { AppContext } from '../../platform/context.js';
import { onCommit, type Db } from '../../platform/transaction.js';
import { AppError } from '../../http/errors.js';
import type { JobDefinition, RecurringJob } from './job-definition.js';

export interface EnqueueOptions {
  workspaceId?: string | null;
  runAt?: Date;
  delaySeconds?: number;
  /** Higher runs first among due jobs (default 0). */
  priority?: number;
  /** Dedupes per job name for as long as the job is kept (succeeded jobs: 14 days). */
  idempotencyKey?: string;
  maxAttempts?: number;
}

/**
 * The durable job queue. `enqueue` writes in the caller's transaction, so a rolled-back write
 * leaves no job. The worker half (claim, lease, heartbeat, backoff, dead letters) is in
 * job-worker.ts and job-runner.ts; cron schedules in recurring.ts.
 */
export class JobQueue {
  readonly definitions = new Map<string, JobDefinition>();
  readonly recurring: RecurringJob[] = [];
  private readonly enqueueListeners = new Set<() => void>();

  constructor(private ctx: () => AppContext) {}

  register<S extends z.ZodType>(def: JobDefinition<S>): void {
    this.definitions.set(def.name, def as unknown as JobDefinition);
  }

  registerRecurring(job: RecurringJob): void {
    this.recurring.push(job);
  }

  /** Calls `listener` after a job that is due now was committed (in-process workers wake at once). */
  onEnqueue(listener: () => void): () => void {
    this.enqueueListeners.add(listener);
    return () => this.enqueueListeners.delete(listener);
  }

  /** Tells in-process workers that jobs became due (e.g. after a dead job was retried). */
  notifyEnqueued(): void {
    for (const listener of this.enqueueListeners) listener();
  }

  /** Enqueues a job; with an idempotency key a second enqueue returns the first job instead. */
  async enqueue(
    db: Db,
    name: string,
    payload: unknown,
    opts: EnqueueOptions = {},
  ): Promise<{ id: string; created: boolean }> {
    const def = this.definitions.get(name);
    if (!def) throw new AppError('UNKNOWN_JOB', `No job named ${name}`);
    const parsed = def.schema.parse(payload);
    const ctx = this.ctx();
    const now = ctx.clock.now();
    const runAt = opts.runAt ?? new Date(now.getTime() + (opts.delaySeconds ?? 0) * 1000);
    const id = newId();
    const inserted = await db
      .insertInto('jobs')
      .values({
        id,
        workspace_id: opts.workspaceId ?? null,
        name,
        payload: toJson(parsed),
        status: 'pending',
        priority: opts.priority ?? 0,
        run_at: runAt.toISOString(),
        attempts: 0,
        max_attempts: opts.maxAttempts ?? def.maxAttempts ?? 5,
        idempotency_key: opts.idempotencyKey ?? null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['name', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      if (runAt <= now) onCommit(db, () => this.notifyEnqueued());
      return { id, created: true };
    }
    const existing = await db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', name)
      .where('idempotency_key', '=', opts.idempotencyKey ?? '')
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
}
