import type { z } from 'zod';
import type { DealListQuery } from '../../../shared/contracts/deals.js';
import { countAll } from '../../db/sql-helpers.js';
import { cursorPart, decodeCursor } from '../../http/pagination.js';
import type { Db } from '../../platform/transaction.js';
import { applyDealFilter, selectDealViews, validId, type FilterScope } from './deals.repository.js';
import type { DealViewRow } from './pipelines.mappers.js';

type ListQuery = z.output<typeof DealListQuery>;

const SORT_COLUMNS = {
  createdAt: 'd.created_at',
  updatedAt: 'd.updated_at',
  value: 'd.value_minor',
  title: 'd.title',
} as const;

/** What a cursor holds for each sort. */
const SORT_PARTS = {
  createdAt: cursorPart.instant,
  updatedAt: cursorPart.instant,
  value: cursorPart.integer,
  title: cursorPart.text,
} as const;

export function sortValueOf(row: DealViewRow, sort: ListQuery['sort']): string | number {
  return sort === 'createdAt'
    ? row.created_at
    : sort === 'updatedAt'
      ? row.updated_at
      : sort === 'value'
        ? Number(row.value_minor)
        : row.title;
}

/** The table view: filtered, sorted, keyset-paged on (sort column, id). */
export async function listDealRows(
  db: Db,
  workspaceId: string,
  q: ListQuery,
  scope: FilterScope,
): Promise<{ rows: DealViewRow[]; total?: number }> {
  let base = selectDealViews(db).where('d.workspace_id', '=', workspaceId);
  if (q.pipelineId) base = base.where('d.pipeline_id', '=', validId('pipelineId', q.pipelineId));
  if (q.stageId) base = base.where('d.stage_id', '=', validId('stageId', q.stageId));
  if (q.status) base = base.where('d.status', '=', q.status);
  base = applyDealFilter(base, q, scope);
  const column = SORT_COLUMNS[q.sort];
  const cursor = decodeCursor(q.cursor, [SORT_PARTS[q.sort], cursorPart.id]);
  let page = base;
  if (cursor) {
    const [value, id] = cursor;
    const op = q.order === 'desc' ? '<' : '>';
    page = page.where((eb) => eb.or([eb(column, op, value), eb.and([eb(column, '=', value), eb('d.id', op, id)])]));
  }
  const rows = (await page
    .orderBy(column, q.order)
    .orderBy('d.id', q.order)
    .limit(q.limit + 1)
    .execute()) as DealViewRow[];
  if (!q.includeTotal) return { rows };
  const total = await base.clearSelect().select(countAll().as('n')).executeTakeFirst();
  return { rows, total: Number(total?.n ?? 0) };
}
