import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';

export interface JobRun<P> {
  id: string;
  workspaceId: string | null;
  payload: P;
  attempt: number;
  /** Report progress (shown by progress bars); also extends the lease. */
  progress(value: Record<string, unknown>): Promise<void>;
  signal: AbortSignal;
}

/** A typed job: its name, payload schema and an idempotent handler (a job may run twice). */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  maxAttempts?: number;
  /** Lease in seconds; the worker heartbeats while the handler runs. */
  leaseSeconds?: number;
  handler(ctx: AppContext, run: JobRun<z.output<S>>): Promise<unknown>;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

/** A job enqueued by a cron schedule. */
export interface RecurringJob {
  name: string;
  cron: string;
  timezone?: string;
  payload?: unknown;
}
