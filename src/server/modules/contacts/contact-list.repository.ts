import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { ContactFilter, ContactSort } from '../../../shared/contracts/contacts-query.js';
import type { DB } from '../../db/schema.js';
import { countAll } from '../../db/sql-helpers.js';
import { fieldError } from '../../http/errors.js';
import { cursorPart, decodeCursor, encodeCursor, type CursorValue } from '../../http/pagination.js';
import type { Db } from '../../platform/transaction.js';
import { conditionSql, fieldSpec, type FilterScope } from './contact-filters.js';
import type { ContactRow } from './contacts.repository.js';

// The contacts list: filters, sort by any field, keyset pagination. Query shapes are chosen for
// the indexes (workspace_id, <filter column>, created_at) and (workspace_id, <sort column>, id).

export type FilterInput = z.output<typeof ContactFilter>;
export type SortInput = z.output<typeof ContactSort>;
type ContactQuery = SelectQueryBuilder<DB & { c: DB['contacts'] }, 'c', object>;

export interface ListScope extends FilterScope {
  actorId: string;
  /** Only this owner's contacts (agents), or null for all. */
  ownerScope: string | null;
  /**
   * How an any-of-these-tags filter is asked: `in` collects the tags' contacts first, `exists` asks
   * per contact while reading in sort order (see tagMatchFor). Default `in`.
   */
  tagMatch?: 'in' | 'exists';
}

/**
 * Tagged contacts from which SQLite reads a tag filter per contact (`exists`) rather than
 * collecting them first (`in`). SQLite collects the ids of `c.id in (...)` into a temporary
 * index before reading a single contact: 15 ms for the 70,000 of a tag at 1M contacts, against
 * 2.2 ms to read contacts in sort order and look each up in contact_tags, which finds a page after
 * ~700. For a rare tag the collection is the cheap side. Collecting costs ~0.2 µs an id and each
 * lookup ~3 µs, so they meet at roughly sqrt(500 x contacts) tagged: ~22,000 at 1M.
 */
export const COMMON_TAG_CONTACTS = 20_000;

/** The cheaper way to ask a list's tag filter (where `in` collects first: SQLite; PostgreSQL's planner weighs it). */
async function tagMatchFor(db: Db, scope: ListScope, f: FilterInput): Promise<'in' | 'exists'> {
  if (!scope.sql.collectsSubqueryFirst || !f.tagIds?.length || f.tagMode === 'all') return 'in';
  const tagged = db
    .selectFrom('contact_tags as t')
    .select(sql.lit(1).as('one'))
    .where('t.workspace_id', '=', scope.workspaceId)
    .where('t.tag_id', 'in', f.tagIds)
    .limit(COMMON_TAG_CONTACTS);
  const row = await db.selectFrom(tagged.as('x')).select(countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0) >= COMMON_TAG_CONTACTS ? 'exists' : 'in';
}

/** Applies a filter to a query over `contacts as c`. */
export function applyContactFilter(qb: ContactQuery, scope: ListScope, f: FilterInput): ContactQuery {
  type QB = ContactQuery;
  let q = qb.where('c.workspace_id', '=', scope.workspaceId) as QB;
  q = (
    f.deleted
      ? q.where('c.deleted_at', 'is not', null).where('c.merged_into_id', 'is', null)
      : q.where('c.deleted_at', 'is', null)
  ) as QB;
  if (scope.ownerScope) q = q.where('c.owner_id', '=', scope.ownerScope) as QB;
  if (f.q) {
    const sub = scope.sql.contactSearchSubquery(scope.workspaceId, f.q);
    q = q.where(sub ? sql<boolean>`c.id in (${sub})` : sql<boolean>`1 = 0`) as QB;
  }
  if (f.typeKeys?.length) q = q.where('c.type_key', 'in', f.typeKeys) as QB;
  if (f.sourceKeys?.length) q = q.where('c.source_key', 'in', f.sourceKeys) as QB;
  if (f.companyIds?.length) q = q.where('c.company_id', 'in', f.companyIds) as QB;
  if (f.ownerIds?.length) {
    const ids = f.ownerIds.filter((o) => o !== 'none').map((o) => (o === 'me' ? scope.actorId : o));
    const wantsNone = f.ownerIds.includes('none');
    q = q.where((eb) =>
      eb.or([
        ...(ids.length ? [eb('c.owner_id', 'in', ids)] : []),
        ...(wantsNone ? [eb('c.owner_id', 'is', null)] : []),
      ]),
    ) as QB;
  }
  if (f.tagIds?.length) {
    // the contact holds one of these tags, asked per contact
    const holdsOneOf = (tagIds: string[]) =>
      sql<boolean>`exists (select 1 from contact_tags t where t.workspace_id = ${scope.workspaceId} and t.contact_id = c.id and t.tag_id in (${sql.join(tagIds)}))`;
    if (f.tagMode === 'all') {
      for (const tagId of f.tagIds) q = q.where(holdsOneOf([tagId])) as QB;
    } else {
      q = q.where(
        scope.tagMatch === 'exists'
          ? holdsOneOf(f.tagIds)
          : sql<boolean>`c.id in (select t.contact_id from contact_tags t where t.workspace_id = ${scope.workspaceId} and t.tag_id in (${sql.join(f.tagIds)}))`,
      ) as QB;
    }
  }
  if (f.createdFrom) q = q.where('c.created_at', '>=', new Date(f.createdFrom).toISOString()) as QB;
  if (f.createdTo) q = q.where('c.created_at', '<', new Date(f.createdTo).toISOString()) as QB;
  if (f.updatedFrom) q = q.where('c.updated_at', '>=', new Date(f.updatedFrom).toISOString()) as QB;
  if (f.updatedTo) q = q.where('c.updated_at', '<', new Date(f.updatedTo).toISOString()) as QB;
  if (f.doNotContact !== undefined) q = q.where('c.do_not_contact', '=', f.doNotContact) as QB;
  (f.conditions ?? []).forEach((cond, i) => {
    q = q.where(conditionSql(scope, cond, i)) as QB;
  });
  return q;
}

const NOT_NULL_SORTS = new Set(['createdAt', 'updatedAt', 'fullName', 'firstName']);

interface SortPlan {
  expr: RawBuilder<unknown>;
  nullable: boolean;
  dir: 'asc' | 'desc';
  /** What the cursor's sort value must be for this field. */
  part: z.ZodType;
}

/** The cursor part of a sort value, by the field's kind (custom fields other than numbers sort as text). */
function cursorPartOf(field: string, kind: string, nullable: boolean): z.ZodType {
  const custom = field.startsWith('custom.');
  const part =
    kind === 'number'
      ? cursorPart.number
      : custom
        ? cursorPart.text
        : kind === 'boolean'
          ? z.union([cursorPart.boolean, cursorPart.flag]).transform((v) => v === true || v === 1)
          : kind === 'date'
            ? cursorPart.dateOrInstant
            : field === 'ownerId' || field === 'companyId'
              ? cursorPart.id
              : cursorPart.text;
  return nullable ? part.nullable() : part;
}

function sortPlan(scope: ListScope, sort: SortInput): SortPlan {
  const spec = fieldSpec(scope, sort.field);
  if (!spec || spec.kind === 'multi') throw fieldError('sort.field', `Cannot sort by "${sort.field}"`);
  const nullable = !NOT_NULL_SORTS.has(sort.field);
  return { expr: spec.expr, nullable, dir: sort.dir, part: cursorPartOf(sort.field, spec.kind, nullable) };
}

/** Rows after the cursor, in sort order: (value, id) keyset with NULLs last in both directions. */
function afterCursor(plan: SortPlan, cursor: [unknown, string]): RawBuilder<boolean> {
  const [value, id] = cursor;
  const cmp = sql.raw(plan.dir === 'asc' ? '>' : '<');
  if (value === null) return sql<boolean>`(${plan.expr} is null and c.id ${cmp} ${id})`;
  const nullsAfter = plan.nullable ? sql` or ${plan.expr} is null` : sql``;
  return sql<boolean>`(${plan.expr} ${cmp} ${value} or (${plan.expr} = ${value} and c.id ${cmp} ${id})${nullsAfter})`;
}

export interface ListResult {
  rows: ContactRow[];
  nextCursor: string | null;
  total?: number;
}

export async function listContactRows(
  db: Db,
  listScope: ListScope,
  filter: FilterInput,
  sort: SortInput,
  page: { limit: number; cursor?: string; includeTotal?: boolean },
): Promise<ListResult> {
  const plan = sortPlan(listScope, sort);
  const scope = listScope.tagMatch ? listScope : { ...listScope, tagMatch: await tagMatchFor(db, listScope, filter) };
  const base = applyContactFilter(db.selectFrom('contacts as c'), scope, filter);
  const total = page.includeTotal
    ? Number((await base.select(countAll().as('n')).executeTakeFirst())?.n ?? 0)
    : undefined;
  const cursor = decodeCursor(page.cursor, [plan.part, cursorPart.id]);
  let q = base.selectAll('c').select(sql<unknown>`${plan.expr}`.as('sort_value'));
  if (cursor) q = q.where(afterCursor(plan, cursor));
  const nulls = plan.nullable ? sql` nulls last` : sql``;
  const dir = sql.raw(plan.dir);
  const rows = (await q
    .orderBy(sql`${plan.expr} ${dir}${nulls}`)
    .orderBy(sql`c.id ${dir}`)
    .limit(page.limit + 1)
    .execute()) as Array<ContactRow & { sort_value: unknown }>;
  const hasMore = rows.length > page.limit;
  const items = hasMore ? rows.slice(0, page.limit) : rows;
  const last = items[items.length - 1];
  const nextCursor = hasMore && last ? encodeCursor([(last.sort_value ?? null) as CursorValue, last.id]) : null;
  return {
    rows: items.map(({ sort_value: _s, ...r }) => r as ContactRow),
    nextCursor,
    ...(total !== undefined ? { total } : {}),
  };
}

/** Ids matching a filter (bulk actions), up to `cap` + 1 so callers can tell when it is too many. */
export async function contactIdsMatching(
  db: Db,
  scope: ListScope,
  filter: FilterInput,
  cap: number,
): Promise<string[]> {
  const rows = await applyContactFilter(db.selectFrom('contacts as c'), scope, filter)
    .select('c.id')
    .orderBy('c.id')
    .limit(cap + 1)
    .execute();
  return rows.map((r) => r.id);
}
