import { sql, type Insertable, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { countAll } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

// SQL for imports, their committed batches and the header mappings a workspace remembers.

export type ImportRow = DB['imports'];
export type BatchRow = DB['import_batches'];

export async function insertImport(db: Db, row: Insertable<DB['imports']>): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export function findImport(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An import by id alone, for jobs (their payload carries the workspace too, checked by callers). */
export function findImportForJob(db: Db, workspaceId: string, id: string) {
  return findImport(db, workspaceId, id);
}

/** Updates when the status is one of `fromStatuses` (if given); false when it was not. */
export async function updateImport(
  db: Db,
  workspaceId: string,
  id: string,
  set: Updateable<DB['imports']>,
  fromStatuses?: string[],
): Promise<boolean> {
  let q = db.updateTable('imports').set(set).where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (fromStatuses) q = q.where('status', 'in', fromStatuses);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export interface BatchCounts {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/**
 * Adds a committed batch's counts and moves the resume point past it, only if no one committed
 * this batch already (the unique batch number makes a second commit fail before it gets here).
 */
export async function advanceImport(
  db: Db,
  workspaceId: string,
  id: string,
  batchNo: number,
  c: BatchCounts,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('imports')
    .set((eb) => ({
      batches_done: batchNo + 1,
      rows_done: eb('rows_done', '+', c.rows),
      created_count: eb('created_count', '+', c.created),
      updated_count: eb('updated_count', '+', c.updated),
      skipped_count: eb('skipped_count', '+', c.skipped),
      failed_count: eb('failed_count', '+', c.failed),
      updated_at: now,
    }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('batches_done', '=', batchNo)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function insertBatch(db: Db, row: Insertable<DB['import_batches']>): Promise<void> {
  await db.insertInto('import_batches').values(row).execute();
}

/** Batches in order (after `afterNo`), a few at a time: their JSON can be large. */
export function batchesAfter(db: Db, workspaceId: string, importId: string, afterNo: number, limit: number) {
  return db
    .selectFrom('import_batches')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .where('batch_no', '>', afterNo)
    .orderBy('batch_no')
    .limit(limit)
    .execute();
}

/** The last batch not undone yet (undo walks backwards). */
export function lastLiveBatch(db: Db, workspaceId: string, importId: string) {
  return db
    .selectFrom('import_batches')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .where('undone_at', 'is', null)
    .orderBy('batch_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function markBatchUndone(db: Db, workspaceId: string, batchId: string, now: string): Promise<void> {
  await db
    .updateTable('import_batches')
    .set({ undone_at: now, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', batchId)
    .execute();
}

export async function countFailedRows(db: Db, workspaceId: string, importId: string): Promise<number> {
  const row = await db
    .selectFrom('import_batches')
    .select(sql<number>`coalesce(sum(failed_count), 0)`.as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listImportRows(
  db: Db,
  workspaceId: string,
  q: {
    entity?: string;
    createdBy: string | null;
    limit: number;
    after: [string, string] | null;
    includeTotal?: boolean;
  },
) {
  let base = db.selectFrom('imports').where('workspace_id', '=', workspaceId);
  if (q.entity) base = base.where('entity', '=', q.entity);
  if (q.createdBy) base = base.where('created_by', '=', q.createdBy);
  const total = q.includeTotal ? Number((await base.select(countAll().as('n')).executeTakeFirst())?.n ?? 0) : undefined;
  let page = base.selectAll();
  if (q.after) {
    const [at, id] = q.after;
    page = page.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await page
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return { rows, total };
}

export async function rememberedHeaders(db: Db, workspaceId: string, entity: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('import_header_memory')
    .select(['header_key', 'field'])
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', entity)
    .execute();
  return new Map(rows.map((r) => [r.header_key, r.field]));
}

export async function rememberHeaders(
  db: Db,
  workspaceId: string,
  entity: string,
  pairs: Array<[string, string]>,
  now: string,
): Promise<void> {
  for (const [headerKey, field] of pairs) {
    await db
      .insertInto('import_header_memory')
      .values({ workspace_id: workspaceId, entity, header_key: headerKey, field, updated_at: now })
      .onConflict((oc) => oc.columns(['workspace_id', 'entity', 'header_key']).doUpdateSet({ field, updated_at: now }))
      .execute();
  }
}

/** Imports whose uploaded file can go, in every workspace (the daily cleanup): finished or abandoned before `before`. */
export function importsWithStaleFiles(db: Db, before: string) {
  return db
    .selectFrom('imports')
    .select(['id', 'workspace_id', 'file_key', 'status'])
    .where('file_key', 'is not', null)
    .where('updated_at', '<', before)
    .where('status', 'not in', ['queued', 'running', 'validating'])
    .limit(500)
    .execute();
}

/**
 * Runs `fn` inside a savepoint of the caller's transaction: on failure only its writes are rolled
 * back and the transaction stays usable (PostgreSQL aborts the whole transaction otherwise). The
 * syntax is the same on SQLite and PostgreSQL.
 */
export async function withSavepoint<T>(trx: Db, fn: () => Promise<T>): Promise<T> {
  await sql`savepoint import_unit`.execute(trx);
  try {
    const result = await fn();
    await sql`release savepoint import_unit`.execute(trx);
    return result;
  } catch (err) {
    await sql`rollback to savepoint import_unit`.execute(trx);
    await sql`release savepoint import_unit`.execute(trx);
    throw err;
  }
}
