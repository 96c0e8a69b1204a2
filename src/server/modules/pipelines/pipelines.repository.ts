import type { Insertable, Updateable } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/transaction.js';
import type { PipelineRow, StageRow } from './pipelines.mappers.js';

export function listPipelineRows(db: Db, workspaceId: string): Promise<PipelineRow[]> {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export function findPipelineRow(db: Db, workspaceId: string, id: string): Promise<PipelineRow | undefined> {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The pipeline row locked for a read-modify-write (stage edits serialize on it). */
export function lockPipelineRow(db: Db, workspaceId: string, id: string): Promise<PipelineRow | undefined> {
  return dialectOf(db)
    .forUpdate(db.selectFrom('pipelines').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id))
    .executeTakeFirst();
}

export function listStageRows(db: Db, workspaceId: string, pipelineId?: string): Promise<StageRow[]> {
  let q = db.selectFrom('pipeline_stages').selectAll().where('workspace_id', '=', workspaceId);
  if (pipelineId) q = q.where('pipeline_id', '=', pipelineId);
  return q.orderBy('pipeline_id').orderBy('position').execute();
}

export async function nextPipelinePosition(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('pipelines')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertPipeline(db: Db, row: Insertable<DB['pipelines']>): Promise<void> {
  await db.insertInto('pipelines').values(row).execute();
}

/** Updates when the version still matches; returns whether it did. */
export async function updatePipelineRow(
  db: Db,
  workspaceId: string,
  id: string,
  version: number,
  patch: Updateable<DB['pipelines']>,
): Promise<boolean> {
  const res = await db
    .updateTable('pipelines')
    .set({ ...patch, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function touchPipeline(db: Db, workspaceId: string, id: string, now: string): Promise<void> {
  await db
    .updateTable('pipelines')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deletePipelineRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('pipelines').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertStage(db: Db, row: Insertable<DB['pipeline_stages']>): Promise<void> {
  await db.insertInto('pipeline_stages').values(row).execute();
  await db
    .insertInto('pipeline_stage_stats')
    .values({ stage_id: row.id, workspace_id: row.workspace_id, pipeline_id: row.pipeline_id })
    .execute();
}

export async function updateStageRow(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Updateable<DB['pipeline_stages']>,
): Promise<void> {
  await db
    .updateTable('pipeline_stages')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function setStagePositions(db: Db, workspaceId: string, orderedIds: string[], now: string): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db
      .updateTable('pipeline_stages')
      .set({ position, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }
}

export async function deleteStageRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('pipeline_stages').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function pipelineHasDeals(db: Db, workspaceId: string, pipelineId: string): Promise<boolean> {
  const row = await db
    .selectFrom('deals')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** Currency and time zone of the workspace: defaults for new pipelines and the day a deal closed on. */
export async function workspaceLocale(db: Db, workspaceId: string): Promise<{ currency: string; timezone: string }> {
  return db
    .selectFrom('workspaces')
    .select(['currency', 'timezone'])
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}
