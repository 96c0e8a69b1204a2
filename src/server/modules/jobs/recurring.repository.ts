import { sql } from 'kysely';
import { toJson } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

// Schedules are process-wide (one row per job name), so these queries have no workspace.

export interface RecurringRow {
  name: string;
  cron: string;
  timezone: string;
  payload: unknown;
  next_run_at: string;
}

/**
 * Records a schedule. An unchanged schedule keeps its stored next run (so a restart neither skips
 * nor repeats an occurrence); a changed cron or zone starts over from `nextRunAt`.
 */
export async function upsertRecurring(db: Db, row: RecurringRow): Promise<void> {
  await db
    .insertInto('recurring_jobs')
    .values({
      name: row.name,
      cron: row.cron,
      timezone: row.timezone,
      payload: toJson(row.payload),
      next_run_at: row.next_run_at,
      last_run_at: null,
    })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({
        next_run_at: sql<string>`case when recurring_jobs.cron = excluded.cron and recurring_jobs.timezone = excluded.timezone then recurring_jobs.next_run_at else excluded.next_run_at end`,
        cron: sql<string>`excluded.cron`,
        timezone: sql<string>`excluded.timezone`,
        payload: sql<unknown>`excluded.payload`,
      }),
    )
    .execute();
}

export async function listDueRecurring(db: Db, names: string[], now: string): Promise<RecurringRow[]> {
  if (!names.length) return [];
  return db
    .selectFrom('recurring_jobs')
    .select(['name', 'cron', 'timezone', 'payload', 'next_run_at'])
    .where('name', 'in', names)
    .where('next_run_at', '<=', now)
    .execute();
}

/** Moves a schedule past the occurrence `from`; false when another node already did. */
export async function advanceRecurring(db: Db, name: string, from: string, to: string): Promise<boolean> {
  const res = await db
    .updateTable('recurring_jobs')
    .set({ next_run_at: to, last_run_at: from })
    .where('name', '=', name)
    .where('next_run_at', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
