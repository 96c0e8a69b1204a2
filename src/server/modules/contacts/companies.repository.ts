import { sql } from 'kysely';
import type { z } from 'zod';
import type { CompanyListQuery } from '../../../shared/contracts/companies.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { countAll, likeEscape } from '../../db/sql-helpers.js';
import { cursorPart, decodeCursor, encodeCursor } from '../../http/pagination.js';
import type { Db } from '../../platform/transaction.js';

export type CompanyRow = DB['companies'];

export function findCompanyRow(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('companies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function peopleCounts(db: Db, workspaceId: string, companyIds: string[]): Promise<Map<string, number>> {
  if (!companyIds.length) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .select(['company_id', countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('company_id', 'in', companyIds)
    .where('deleted_at', 'is', null)
    .groupBy('company_id')
    .execute();
  return new Map(rows.map((r) => [r.company_id!, Number(r.n)]));
}

const SORT_COLUMN = { name: 'c.name', createdAt: 'c.created_at', updatedAt: 'c.updated_at' } as const;

/** Companies with filters and a (sort value, id) keyset. */
export async function listCompanyRows(db: Db, workspaceId: string, q: z.output<typeof CompanyListQuery>) {
  let base = db.selectFrom('companies as c').where('c.workspace_id', '=', workspaceId);
  base = q.deleted ? base.where('c.deleted_at', 'is not', null) : base.where('c.deleted_at', 'is', null);
  if (q.q) {
    const pattern = `%${likeEscape(q.q)}%`;
    const d = dialectOf(db);
    base = base.where(sql<boolean>`(${d.ilike('c.name', pattern)} or ${d.ilike('c.domain', pattern)})`);
  }
  if (q.industry) base = base.where('c.industry', '=', q.industry);
  if (q.owner)
    base = q.owner === 'none' ? base.where('c.owner_id', 'is', null) : base.where('c.owner_id', '=', q.owner);
  const total = q.includeTotal ? Number((await base.select(countAll().as('n')).executeTakeFirst())?.n ?? 0) : undefined;
  const col = sql.ref(SORT_COLUMN[q.sort]);
  const cmp = sql.raw(q.dir === 'asc' ? '>' : '<');
  const after = decodeCursor(q.cursor, [q.sort === 'name' ? cursorPart.text : cursorPart.instant, cursorPart.id]);
  let page = base.selectAll('c');
  if (after)
    page = page.where(sql<boolean>`(${col} ${cmp} ${after[0]} or (${col} = ${after[0]} and c.id ${cmp} ${after[1]}))`);
  const rows = await page
    .orderBy(col, q.dir)
    .orderBy('c.id', q.dir)
    .limit(q.limit + 1)
    .execute();
  const hasMore = rows.length > q.limit;
  const items = hasMore ? rows.slice(0, q.limit) : rows;
  const last = items[items.length - 1];
  const value = (r: CompanyRow) => (q.sort === 'name' ? r.name : q.sort === 'createdAt' ? r.created_at : r.updated_at);
  return { rows: items, nextCursor: hasMore && last ? encodeCursor([value(last), last.id]) : null, total };
}
