import { Cron } from 'croner';
import { fromJson } from '../../db/sql-helpers.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import type { RecurringJob } from './job-definition.js';
import { advanceRecurring, listDueRecurring, upsertRecurring } from './recurring.repository.js';

/** The first occurrence of a cron schedule strictly after `after`. */
export function nextOccurrence(cron: string, timezone: string, after: Date): Date {
  const next = new Cron(cron, { timezone, paused: true }).nextRun(after);
  if (!next) throw new Error(`Cron schedule "${cron}" has no future occurrence`);
  return next;
}

/** Writes every registered schedule to the database (run by each worker as it starts). */
export async function syncRecurringJobs(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  for (const job of ctx.jobs.recurring) {
    if (!ctx.jobs.definitions.has(job.name))
      ctx.log.warn({ job: job.name }, 'recurring schedule has no job definition; ignored');
  }
  for (const job of schedulesWithHandlers(ctx)) {
    const timezone = job.timezone ?? 'UTC';
    await upsertRecurring(ctx.db, {
      name: job.name,
      cron: job.cron,
      timezone,
      payload: job.payload ?? {},
      next_run_at: nextOccurrence(job.cron, timezone, now).toISOString(),
    });
  }
}

/**
 * Enqueues one job per due occurrence. The conditional advance lets exactly one node win each
 * occurrence, and the idempotency key `${name}@${occurrence}` guards the enqueue a second time.
 * A schedule that was missed for a while (all nodes down) runs once, then resumes from now.
 */
export async function enqueueDueRecurringJobs(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await listDueRecurring(
    ctx.db,
    schedulesWithHandlers(ctx).map((j) => j.name),
    now.toISOString(),
  );
  let enqueued = 0;
  for (const row of due) {
    const next = nextOccurrence(row.cron, row.timezone, now).toISOString();
    try {
      await withTransaction(ctx.db, async (trx) => {
        if (!(await advanceRecurring(trx, row.name, row.next_run_at, next))) return;
        const job = await ctx.jobs.enqueue(trx, row.name, fromJson(row.payload, {}), {
          idempotencyKey: `${row.name}@${row.next_run_at}`,
        });
        if (job.created) enqueued++;
      });
    } catch (err) {
      ctx.log.error({ err, job: row.name }, 'could not enqueue a recurring job');
    }
  }
  return enqueued;
}

function schedulesWithHandlers(ctx: AppContext): RecurringJob[] {
  return ctx.jobs.recurring.filter((r) => ctx.jobs.definitions.has(r.name));
}
