import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
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
