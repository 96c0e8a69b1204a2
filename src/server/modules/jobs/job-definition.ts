import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import type { BackoffPolicy } from './backoff.js';

export interface JobRun<P> {
  id: string;
  workspaceId: string | null;
  payload: P;
  attempt: number;
  /** Report progress (shown by progress bars); also extends the lease. */
  progress(value: Record<string, unknown>): Promise<void>;
  /** Aborted when the worker shuts down or loses the lease; long handlers should stop early. */
  signal: AbortSignal;
}

/** A typed job: its name, payload schema and an idempotent handler (a job may run twice). */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  maxAttempts?: number;
  /** Lease in seconds (default JOB_LEASE_SECONDS); the worker heartbeats while the handler runs. */
  leaseSeconds?: number;
  /** Retry delays after a failure (default: 30 s doubling up to 1 h, with jitter). */
  backoff?: BackoffPolicy;
  handler(ctx: AppContext, run: JobRun<z.output<S>>): Promise<unknown>;
  /**
   * The owning module's failure handling, run in the transaction that marks the job dead (out of
   * attempts, abandoned by workers that died too often, or a payload that fails its schema): the
   * record the job worked on is marked failed instead of staying "running" forever. `payload` is
   * the stored one, unparsed (it may be the reason the job died).
   */
  onDead?(ctx: AppContext, trx: Db, job: DeadJob): Promise<void>;
  /** Run in the transaction that gives a dead job new attempts (the dead-letter desk's retry). */
  onRetry?(ctx: AppContext, trx: Db, job: DeadJob): Promise<void>;
}

/** A job that died (or, for `onRetry`, is being brought back). */
export interface DeadJob {
  id: string;
  name: string;
  workspaceId: string | null;
  payload: unknown;
  error: string;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

/** A job enqueued by a cron schedule; `name` is the job's name (one schedule per job). */
export interface RecurringJob {
  name: string;
  cron: string;
  /** IANA zone the cron expression is read in (default UTC). */
  timezone?: string;
  payload?: unknown;
}
