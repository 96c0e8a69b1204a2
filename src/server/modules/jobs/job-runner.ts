import { fromJson } from '../../db/sql-helpers.js';
import { addSeconds } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff.js';
import type { JobDefinition } from './job-definition.js';
import {
  extendLease,
  markDead,
  markForRetry,
  markSucceeded,
  releaseJob,
  type JobLease,
  type JobRow,
} from './job-lease.repository.js';

const MAX_ERROR_LENGTH = 4000;

export interface RunnerOptions {
  workerId: string;
  random: () => number;
}

/**
 * One claimed job in flight: heartbeats its lease while the handler runs, then records the outcome
 * (succeeded, pending again after a backoff, or dead). Every write is fenced by the lease, so a
 * holder that lost the job (lease expired and re-claimed, or released on shutdown) changes nothing.
 */
export class RunningJob {
  readonly lease: JobLease;
  readonly done: Promise<void>;
  private readonly controller = new AbortController();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private ctx: AppContext,
    private row: JobRow,
    private def: JobDefinition,
    private opts: RunnerOptions,
  ) {
    this.lease = { id: row.id, workerId: opts.workerId, attempt: row.attempts };
    this.done = this.run().catch((err) =>
      ctx.log.error({ err, jobId: row.id, job: row.name }, 'job bookkeeping failed'),
    );
  }

  /** Shutdown: hands the job back to the queue at once and asks the handler to stop. */
  async release(): Promise<void> {
    this.stopHeartbeat();
    const released = await releaseJob(this.ctx.db, this.lease, this.now()).catch(() => false);
    if (released) this.ctx.log.info({ jobId: this.row.id, job: this.row.name }, 'unfinished job released on shutdown');
    this.controller.abort(new Error('The worker is shutting down'));
  }

  private get leaseSeconds(): number {
    return this.def.leaseSeconds ?? this.ctx.config.JOB_LEASE_SECONDS;
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  private async run(): Promise<void> {
    const { row, def, ctx } = this;
    // A job whose worker keeps dying mid-run would otherwise be re-claimed forever.
    if (row.attempts > row.max_attempts)
      return this.fail(new Error(`Abandoned ${row.attempts - 1} times: its worker stopped before finishing`), true);
    const parsed = def.schema.safeParse(fromJson(row.payload, null));
    if (!parsed.success) return this.fail(new Error(`Invalid payload: ${parsed.error.message}`), true);
    if (def.leaseSeconds !== undefined && def.leaseSeconds !== ctx.config.JOB_LEASE_SECONDS) await this.renewLease();
    if (this.controller.signal.aborted) return; // released (or lost) before the handler started
    this.heartbeat = setInterval(
      () => void this.renewLease().catch((err) => ctx.log.warn({ err, jobId: row.id }, 'lease heartbeat failed')),
      (this.leaseSeconds * 1000) / 3,
    );
    let result: unknown;
    try {
      result = await def.handler(ctx, {
        id: row.id,
        workspaceId: row.workspace_id,
        payload: parsed.data,
        attempt: row.attempts,
        signal: this.controller.signal,
        progress: (value) => this.renewLease(value),
      });
    } catch (err) {
      this.stopHeartbeat();
      return this.fail(err, false);
    }
    this.stopHeartbeat();
    if (await markSucceeded(ctx.db, this.lease, result, this.now())) ctx.metrics.jobsCompleted.inc({ name: row.name });
  }

  private async renewLease(progress?: unknown): Promise<void> {
    const until = addSeconds(this.ctx.clock.now(), this.leaseSeconds).toISOString();
    const held = await extendLease(this.ctx.db, this.lease, until, this.now(), progress);
    if (held) return;
    this.stopHeartbeat();
    if (!this.controller.signal.aborted) {
      this.ctx.log.warn({ jobId: this.row.id, job: this.row.name }, 'job lease lost; another worker may run it');
      this.controller.abort(new Error('The job lease was lost'));
    }
  }

  private async fail(err: unknown, isPermanent: boolean): Promise<void> {
    const { row, ctx } = this;
    const message = describeError(err);
    const now = ctx.clock.now();
    const retry = !isPermanent && row.attempts < row.max_attempts;
    const recorded = retry
      ? await markForRetry(
          ctx.db,
          this.lease,
          message,
          new Date(
            now.getTime() + backoffDelayMs(row.attempts, this.def.backoff ?? DEFAULT_BACKOFF, this.opts.random),
          ).toISOString(),
          now.toISOString(),
        )
      : await this.markDead(message, now.toISOString());
    if (!recorded) return; // no longer ours: released on shutdown, or re-claimed after the lease expired
    ctx.metrics.jobFailures.inc({ name: row.name });
    ctx.log[retry ? 'warn' : 'error'](
      { err, jobId: row.id, job: row.name, attempt: row.attempts, maxAttempts: row.max_attempts },
      retry ? 'job failed; will retry' : 'job failed for good (dead)',
    );
  }

  /**
   * Marks the job dead and, in the same transaction, lets its module record the failure. A hook
   * that fails is logged and the job is marked dead without it: a job must not stay claimable
   * (and die again on every claim) because its clean-up cannot run.
   */
  private async markDead(message: string, now: string): Promise<boolean> {
    const { ctx, row, def } = this;
    const onDead = def.onDead;
    if (!onDead) return markDead(ctx.db, this.lease, message, now);
    const dead = { id: row.id, name: row.name, workspaceId: row.workspace_id, payload: fromJson(row.payload, null) };
    try {
      return await withTransaction(ctx.db, async (trx) => {
        if (!(await markDead(trx, this.lease, message, now))) return false;
        await onDead(ctx, trx, { ...dead, error: message });
        return true;
      });
    } catch (err) {
      ctx.log.error({ err, jobId: row.id, job: row.name }, 'the dead job hook failed; marking the job dead without it');
      return markDead(ctx.db, this.lease, message, now);
    }
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}

function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return text.slice(0, MAX_ERROR_LENGTH);
}
