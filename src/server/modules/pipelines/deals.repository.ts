import type { Insertable, SelectQueryBuilder, Updateable } from 'kysely';
import type { DealFilter } from '../../../shared/contracts/deals.js';
import type { SqlDialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { fieldError } from '../../http/errors.js';
import type { Db } from '../../platform/transaction.js';
import { isId } from './ids.js';
import { reusableQuery } from '../../db/reusable-query.js';
import type { DealPageRow, DealRow } from './pipelines.mappers.js';

/** Deals with the contact's and company's names, for cards and pages. */
function dealsWithNames(db: Db) {
  return db
    .selectFrom('deals as d')
    .leftJoin('contacts as c', 'c.id', 'd.contact_id')
    .leftJoin('companies as co', 'co.id', 'd.company_id')
    .select(['c.full_name as contact_name', 'co.name as company_name']);
}

export function selectDealViews(db: Db) {
  return dealsWithNames(db).selectAll('d');
}

/** The columns a board card shows (not the deal's custom fields or audit columns): a column page reads 50 of them. */
export const CARD_COLUMNS = [
  'd.id',
  'd.stage_id',
  'd.status',
  'd.title',
  'd.value_minor',
  'd.probability',
  'd.expected_close_date',
  'd.contact_id',
  'd.company_id',
  'd.owner_id',
  'd.source',
  'd.tags',
  'd.stage_entered_at',
  'd.version',
] as const;

export function selectDealCards(db: Db) {
  return dealsWithNames(db).select(CARD_COLUMNS);
}

export interface FilterScope {
  /** The database's SQL dialect (dialectOf the handle the filter is for). */
  sql: SqlDialect;
  /** The acting user, for ownerId=me. */
  actorId: string;
  /** Only this owner's items (agents without see-all). */
  ownerOnly: string | null;
}

/** Applies the board/list filters to a query over `deals as d`; bad filter values are 400s naming the field. */
export function applyDealFilter<QB extends SelectQueryBuilder<any, any, any>>(
  qb: QB,
  f: DealFilter,
  scope: FilterScope,
): QB {
  let q = qb;
  if (scope.ownerOnly) q = q.where('d.owner_id', '=', scope.ownerOnly) as QB;
  if (f.ownerId === 'none') q = q.where('d.owner_id', 'is', null) as QB;
  else if (f.ownerId)
    q = q.where('d.owner_id', '=', f.ownerId === 'me' ? scope.actorId : validId('ownerId', f.ownerId)) as QB;
  if (f.source) q = q.where('d.source', '=', f.source) as QB;
  if (f.contactId) q = q.where('d.contact_id', '=', validId('contactId', f.contactId)) as QB;
  for (const tag of f.tags ?? []) q = q.where(scope.sql.jsonArrayHas('d.tags', tag)) as QB;
  for (const pair of f.custom ?? []) {
    const at = pair.indexOf(':');
    const key = at > 0 ? pair.slice(0, at) : '';
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(key))
      throw fieldError('custom', 'Use key:value, e.g. academicYear:2027/28');
    q = q.where(scope.sql.jsonKeyText('d.custom', key), '=', pair.slice(at + 1)) as QB;
  }
  if (f.createdFrom) q = q.where('d.created_at', '>=', `${f.createdFrom}T00:00:00.000Z`) as QB;
  if (f.createdTo) q = q.where('d.created_at', '<', nextDay(f.createdTo)) as QB;
  if (f.q) q = q.where(scope.sql.ilike('d.title', `%${f.q.replace(/[%_\\]/g, '')}%`)) as QB;
  return q;
}

export function validId(field: string, value: string): string {
  if (!isId(value)) throw fieldError(field, 'Not an id');
  return value;
}

export function hasFilter(f: DealFilter): boolean {
  return Boolean(
    f.ownerId || f.source || f.contactId || f.tags?.length || f.custom?.length || f.createdFrom || f.createdTo || f.q,
  );
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** Every column of a deal, named: a statement prepared on a connection must not select `d.*`. */
const DEAL_COLUMNS = [
  'd.id',
  'd.workspace_id',
  'd.pipeline_id',
  'd.stage_id',
  'd.status',
  'd.title',
  'd.value_minor',
  'd.probability',
  'd.expected_close_date',
  'd.contact_id',
  'd.company_id',
  'd.owner_id',
  'd.source',
  'd.tags',
  'd.custom',
  'd.close_reason',
  'd.closed_at',
  'd.closed_on',
  'd.stage_entered_at',
  'd.created_by',
  'd.version',
  'd.created_at',
  'd.updated_at',
] as const;

/** One deal with its contact's, company's and owner's names: reusable, so prepared once on PostgreSQL. */
const dealPageById = reusableQuery((_d, db, workspaceId, id) =>
  dealsWithNames(db)
    .leftJoin('memberships as m', (j) =>
      j.onRef('m.workspace_id', '=', 'd.workspace_id').onRef('m.user_id', '=', 'd.owner_id'),
    )
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([...DEAL_COLUMNS, 'u.name as owner_name'])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.id', '=', id),
);

/** A deal for its page: every column and the names it shows, in one read. */
export async function findDealView(db: Db, workspaceId: string, id: string): Promise<DealPageRow | undefined> {
  return (await dealPageById(db, workspaceId, id)).rows[0] as DealPageRow | undefined;
}

export function findDealRow(db: Db, workspaceId: string, id: string): Promise<DealRow | undefined> {
  return db
    .selectFrom('deals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertDeal(db: Db, row: Insertable<DB['deals']>): Promise<void> {
  await db.insertInto('deals').values(row).execute();
}

/** Writes when the version still matches (then bumps it); false means someone else changed it first. */
export async function updateDealRow(
  db: Db,
  workspaceId: string,
  id: string,
  version: number,
  patch: Updateable<DB['deals']>,
): Promise<boolean> {
  const res = await db
    .updateTable('deals')
    .set({ ...patch, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteDealRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('deals').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertHistory(db: Db, row: Insertable<DB['deal_stage_history']>): Promise<void> {
  await historyInsert(db, row).execute();
}

/** insertHistory's statement, not yet run. */
export function historyInsert(db: Db, row: Insertable<DB['deal_stage_history']>) {
  return db.insertInto('deal_stage_history').values(row);
}

export function listHistory(db: Db, workspaceId: string, dealId: string) {
  return db
    .selectFrom('deal_stage_history as h')
    .leftJoin('pipeline_stages as f', 'f.id', 'h.from_stage_id')
    .leftJoin('pipeline_stages as t', 't.id', 'h.to_stage_id')
    .selectAll('h')
    .select(['f.name as from_name', 't.name as to_name'])
    .where('h.workspace_id', '=', workspaceId)
    .where('h.deal_id', '=', dealId)
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(500)
    .execute();
}

/** Whether a live (not deleted) contact with this id exists in the workspace. */
export async function contactExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Boolean(row);
}

export async function companyExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('companies')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Boolean(row);
}

/** Whether the contact has an open item in a pipeline of the category (contact type rules use this). */
export async function contactHasOpenDealIn(
  db: Db,
  workspaceId: string,
  contactId: string,
  category: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('deals as d')
    .innerJoin('pipelines as p', 'p.id', 'd.pipeline_id')
    .select('d.id')
    .where('d.workspace_id', '=', workspaceId)
    .where('d.contact_id', '=', contactId)
    .where('d.status', '=', 'open')
    .where('p.category', '=', category)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** One page (by id) of a stage's items: what history rows need when they all move at once. */
export function listStageDealsAfter(
  db: Db,
  workspaceId: string,
  stageId: string,
  afterId: string | null,
  limit: number,
) {
  let q = db
    .selectFrom('deals')
    .select(['id', 'stage_entered_at'])
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', '=', stageId);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

export async function insertHistoryRows(db: Db, rows: Insertable<DB['deal_stage_history']>[]): Promise<void> {
  if (rows.length) await db.insertInto('deal_stage_history').values(rows).execute();
}

/** Moves every item of one stage to another in one statement (stage merges and deletions). */
export async function reassignStageDeals(
  db: Db,
  workspaceId: string,
  fromStageId: string,
  to: { id: string; kind: string },
  now: string,
  closedOn: string,
): Promise<number> {
  const closed = to.kind !== 'open';
  const res = await db
    .updateTable('deals')
    .set((eb) => ({
      stage_id: to.id,
      status: to.kind,
      stage_entered_at: now,
      closed_at: closed ? now : null,
      closed_on: closed ? closedOn : null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', '=', fromStageId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Keeps items' status in step when their stage changes kind (open, won, lost). */
export async function setStageDealsStatus(
  db: Db,
  workspaceId: string,
  stageId: string,
  kind: string,
  now: string,
  closedOn: string,
): Promise<void> {
  const closed = kind !== 'open';
  await db
    .updateTable('deals')
    .set((eb) => ({
      status: kind,
      closed_at: closed ? eb.fn.coalesce('closed_at', eb.val(now)) : null,
      closed_on: closed ? eb.fn.coalesce('closed_on', eb.val(closedOn)) : null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', '=', stageId)
    .execute();
}
