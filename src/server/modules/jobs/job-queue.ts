import type { z } from 'zod';
import { newId } from '../../db/ids.js';
import { toJson } from '../../db/sql-helpers.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { AppError } from '../../http/errors.js';
import type { JobDefinition, RecurringJob } from './job-definition.js';

export interface EnqueueOptions {
  workspaceId?: string | null;
  runAt?: Date;
  delaySeconds?: number;
  priority?: number;
  idempotencyKey?: string;
  maxAttempts?: number;
}

/**
 * The durable job queue. `enqueue` writes in the caller's transaction, so a rolled-back write
 * leaves no job. The worker half (claim, lease, heartbeat, backoff, dead letters, cron) is in
 * job-worker.ts.
 */
export class JobQueue {
  readonly definitions = new Map<string, JobDefinition>();
  readonly recurring: RecurringJob[] = [];

  constructor(private ctx: () => AppContext) {}

  register<S extends z.ZodType>(def: JobDefinition<S>): void {
    this.definitions.set(def.name, def as unknown as JobDefinition);
  }

  registerRecurring(job: RecurringJob): void {
    this.recurring.push(job);
  }

  /** Enqueues a job; with an idempotency key a second enqueue returns the first job instead. */
  async enqueue(db: Db, name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<{ id: string; created: boolean }> {
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
    if (inserted) return { id, created: true };
    const existing = await db.selectFrom('jobs').select('id').where('name', '=', name).where('idempotency_key', '=', opts.idempotencyKey ?? '').executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
}
