import { sql, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { dialectOf } from '../../db/dialect.js';
import { toJson } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

// The queue is one table shared by every workspace: claiming and leasing are deliberately not
// scoped by workspace_id (a worker serves them all). Admin reads are scoped in jobs.repository.ts.

export type JobRow = Selectable<DB['jobs']>;

/** Who holds a claimed job. `attempt` fences: a re-claim bumps attempts, so a stale holder no longer matches. */
export interface JobLease {
  id: string;
  workerId: string;
  attempt: number;
}

export interface ClaimRequest {
  workerId: string;
  /** Only jobs this worker has handlers for (during a rolling deploy other nodes may know more). */
  names: string[];
  limit: number;
  now: string;
  lockedUntil: string;
}

/**
 * Atomically takes up to `limit` runnable jobs: pending and due, or running with an expired lease
 * (their worker died). PostgreSQL skips rows another node is claiming at this instant; SQLite has
 * one writer at a time, so the same UPDATE is atomic there.
 */
export async function claimJobs(db: Db, req: ClaimRequest): Promise<JobRow[]> {
  if (req.limit <= 0 || req.names.length === 0) return [];
  const runnable = db
    .selectFrom('jobs')
    .select('id')
    .where('name', 'in', req.names)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', req.now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', req.now)]),
      ]),
    )
    .orderBy('priority', 'desc')
    .orderBy('run_at', 'asc')
    .orderBy('id', 'asc')
    .limit(req.limit);
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: req.workerId,
      locked_until: req.lockedUntil,
      attempts: eb('attempts', '+', 1),
      updated_at: req.now,
    }))
    .where('id', 'in', dialectOf(db).forUpdateSkipLocked(runnable))
    .returningAll()
    .execute();
}

function held(db: Db, lease: JobLease) {
  return db
    .updateTable('jobs')
    .where('id', '=', lease.id)
    .where('locked_by', '=', lease.workerId)
    .where('attempts', '=', lease.attempt)
    .where('status', '=', 'running');
}

function changed(res: { numUpdatedRows: bigint }): boolean {
  return Number(res.numUpdatedRows) > 0;
}

/** Extends the lease (and stores progress); false when the lease was lost to another worker. */
export async function extendLease(
  db: Db,
  lease: JobLease,
  lockedUntil: string,
  now: string,
  progress?: unknown,
): Promise<boolean> {
  const res = await held(db, lease)
    .set({
      locked_until: lockedUntil,
      updated_at: now,
      ...(progress !== undefined ? { progress: toJson(progress) } : {}),
    })
    .executeTakeFirst();
  return changed(res);
}

export async function markSucceeded(db: Db, lease: JobLease, result: unknown, now: string): Promise<boolean> {
  const res = await held(db, lease)
    .set({
      status: 'succeeded',
      result: toJson(result ?? null),
      locked_by: null,
      locked_until: null,
      finished_at: now,
      updated_at: now,
    })
    .executeTakeFirst();
  return changed(res);
}

/** A failed attempt with attempts left: back to pending, due again at `runAt`. */
export async function markForRetry(
  db: Db,
  lease: JobLease,
  error: string,
  runAt: string,
  now: string,
): Promise<boolean> {
  const res = await held(db, lease)
    .set({ status: 'pending', run_at: runAt, last_error: error, locked_by: null, locked_until: null, updated_at: now })
    .executeTakeFirst();
  return changed(res);
}

/** Out of attempts (or unrunnable): kept for inspection, retry or discard. */
export async function markDead(db: Db, lease: JobLease, error: string, now: string): Promise<boolean> {
  const res = await held(db, lease)
    .set({ status: 'dead', last_error: error, locked_by: null, locked_until: null, finished_at: now, updated_at: now })
    .executeTakeFirst();
  return changed(res);
}

/** Gives an unfinished job back on shutdown; the interrupted attempt does not count against it. */
export async function releaseJob(db: Db, lease: JobLease, now: string): Promise<boolean> {
  const res = await held(db, lease)
    .set((eb) => ({
      status: 'pending',
      run_at: now,
      attempts: eb('attempts', '-', 1),
      locked_by: null,
      locked_until: null,
      updated_at: now,
    }))
    .executeTakeFirst();
  return changed(res);
}

/** Job counts for the queue-depth gauge; pending jobs not yet due count as 'scheduled'. */
export async function countJobsByStatus(db: Db, now: string): Promise<Record<string, number>> {
  const bucket = sql<string>`case when status = 'pending' and run_at > ${now} then 'scheduled' else status end`;
  const rows = await db
    .selectFrom('jobs')
    .select([bucket.as('bucket'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'running', 'dead'])
    .groupBy(sql`bucket`) // by alias: a repeated expression would bind its parameter twice and differ on PostgreSQL
    .execute();
  return Object.fromEntries(rows.map((r) => [r.bucket, Number(r.n)]));
}

/** Deletes succeeded jobs finished before `before` (their idempotency keys go with them). */
export async function pruneSucceededJobs(db: Db, before: string): Promise<number> {
  const res = await db
    .deleteFrom('jobs')
    .where('status', '=', 'succeeded')
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(res.numDeletedRows ?? 0);
}
