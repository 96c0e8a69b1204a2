import type { z } from 'zod';
import type { JobQuery } from '../../../shared/contracts/jobs.js';
import { countAll } from '../../db/sql-helpers.js';
import { cursorPart, decodeCursor, pageOf } from '../../http/pagination.js';
import type { Db } from '../../platform/transaction.js';
import type { JobRow } from './job-lease.repository.js';

// Admin reads: a workspace sees its own jobs only. Instance-wide jobs (workspace_id null, e.g.
// retention) belong to no workspace, so no workspace admin sees, retries or discards them through
// the API; the instance's operator reads them in the database and the logs (there is no operator role).

function visibleJobs(db: Db, workspaceId: string) {
  return db.selectFrom('jobs').where('workspace_id', '=', workspaceId);
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listJobs(db: Db, workspaceId: string, q: z.output<typeof JobQuery>) {
  let query = visibleJobs(db, workspaceId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.name) query = query.where('name', '=', q.name);
  const total = q.includeTotal
    ? Number((await query.select(countAll().as('n')).executeTakeFirst())?.n ?? 0)
    : undefined;
  const after = decodeCursor(q.cursor, [cursorPart.instant, cursorPart.id]);
  let pageQuery = query.selectAll();
  if (after) {
    const [ts, id] = after;
    pageQuery = pageQuery.where((eb) =>
      eb.or([eb('created_at', '<', ts), eb.and([eb('created_at', '=', ts), eb('id', '<', id)])]),
    );
  }
  const rows = await pageQuery
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return { ...pageOf(rows, q.limit, (r) => [r.created_at, r.id]), total };
}

export async function findJob(db: Db, workspaceId: string, id: string): Promise<JobRow | undefined> {
  return visibleJobs(db, workspaceId).selectAll().where('id', '=', id).executeTakeFirst();
}

/** Dead -> pending, attempts reset, due now; undefined when the job is not (or no longer) dead. */
export async function requeueDeadJob(
  db: Db,
  workspaceId: string,
  id: string,
  now: string,
): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({
      status: 'pending',
      attempts: 0,
      run_at: now,
      finished_at: null,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .where('workspace_id', '=', workspaceId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteDeadJob(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('jobs')
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return Number(res.numDeletedRows ?? 0) > 0;
}
