import { addSeconds } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { claimJobs } from './job-lease.repository.js';
import { RunningJob } from './job-runner.js';
import { enqueueDueRecurringJobs, syncRecurringJobs } from './recurring.js';

export interface WorkerOptions {
  /** Jobs run at once by this worker (default 4). */
  concurrency?: number;
  /** How often the queue is checked when nothing woke the worker (default 1 s). */
  pollIntervalMs?: number;
  /** Name written to `locked_by` (default: the context's node id). Must differ between workers. */
  workerId?: string;
  /** Random source for retry jitter (tests pass a fixed one). */
  random?: () => number;
}

/**
 * Claims and runs jobs: polls (and wakes at once when this process enqueues), claims up to the
 * free slots atomically, heartbeats each lease, enqueues due cron occurrences, and on stop hands
 * unfinished jobs back. Several workers, in one process or many, may share one database.
 */
export class JobWorker {
  readonly workerId: string;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly random: () => number;
  private readonly running = new Map<string, RunningJob>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private isWakeRequested = false;
  private isStarted = false;
  private isStopping = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private ctx: AppContext,
    opts: WorkerOptions = {},
  ) {
    this.workerId = opts.workerId ?? ctx.nodeId;
    this.concurrency = opts.concurrency ?? 4;
    this.pollIntervalMs = opts.pollIntervalMs ?? 1000;
    this.random = opts.random ?? Math.random;
  }

  /** Jobs this worker is running right now. */
  get runningCount(): number {
    return this.running.size;
  }

  async start(): Promise<void> {
    if (this.isStarted) return;
    this.isStarted = true;
    this.isStopping = false;
    await syncRecurringJobs(this.ctx);
    this.unsubscribe = this.ctx.jobs.onEnqueue(() => this.wake());
    this.schedule(0);
  }

  /**
   * Stops claiming, waits up to `timeoutMs` for running handlers, then releases what is still
   * running (back to pending, the attempt not counted) and aborts those handlers' signals.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.isStopping = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    await this.waitForRunning(timeoutMs);
    await Promise.all([...this.running.values()].map((job) => job.release()));
    this.running.clear();
    this.isStarted = false;
  }

  /** One pass without the poll loop: enqueue due cron occurrences, claim what is due, run it to the end. */
  async runDueJobs(): Promise<number> {
    await enqueueDueRecurringJobs(this.ctx);
    const claimed = await this.claimAndStart();
    await Promise.all([...this.running.values()].map((job) => job.done));
    return claimed;
  }

  private wake(): void {
    if (!this.isStarted || this.isStopping) return;
    if (this.ticking) this.isWakeRequested = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.isStopping) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.ticking = (async () => {
      try {
        await enqueueDueRecurringJobs(this.ctx);
        await this.claimAndStart();
      } catch (err) {
        this.ctx.log.error({ err }, 'job worker could not poll the queue');
      }
    })();
    await this.ticking;
    this.ticking = null;
    const isAgain = this.isWakeRequested;
    this.isWakeRequested = false;
    this.schedule(isAgain ? 0 : this.pollIntervalMs);
  }

  private async claimAndStart(): Promise<number> {
    const free = this.concurrency - this.running.size;
    if (free <= 0 || this.isStopping) return 0;
    const now = this.ctx.clock.now();
    const rows = await claimJobs(this.ctx.db, {
      workerId: this.workerId,
      names: [...this.ctx.jobs.definitions.keys()],
      limit: free,
      now: now.toISOString(),
      lockedUntil: addSeconds(now, this.ctx.config.JOB_LEASE_SECONDS).toISOString(),
    });
    for (const row of rows) {
      const def = this.ctx.jobs.definitions.get(row.name)!;
      const job = new RunningJob(this.ctx, row, def, { workerId: this.workerId, random: this.random });
      this.running.set(row.id, job);
      void job.done.then(() => {
        if (this.running.get(row.id) === job) this.running.delete(row.id);
        this.wake(); // a slot is free
      });
    }
    return rows.length;
  }

  private async waitForRunning(timeoutMs: number): Promise<void> {
    if (!this.running.size) return;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.running.values()].map((job) => job.done)),
      new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timeout);
  }
}
