import type { z } from 'zod';
import type { ContactSearchHit } from '../../../shared/contracts/contacts.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { documentPrefixRange, searchTokens } from '../../db/search.js';
import { sql } from 'kysely';
import { ownerScope, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { companyNames } from './contacts.repository.js';

type Hit = z.infer<typeof ContactSearchHit>;
const CANDIDATES = 200;

const CANDIDATE_COLUMNS = [
  'c.id',
  'c.full_name',
  'c.primary_email',
  'c.primary_phone',
  'c.type_key',
  'c.company_id',
  'c.updated_at',
] as const;
type CandidateRow = Pick<
  DB['contacts'],
  'id' | 'full_name' | 'primary_email' | 'primary_phone' | 'type_key' | 'company_id' | 'updated_at'
>;

/** How well a name answers the typed words: each word that starts one of its words, and the first word first. */
function scorer(q: string) {
  const terms = searchTokens(q);
  return {
    best: terms.length * 2 + 1,
    score(name: string) {
      const tokens = searchTokens(name);
      return (
        terms.filter((t) => tokens.some((n) => n.startsWith(t))).length * 2 +
        (tokens[0]?.startsWith(terms[0] ?? '\u0000') ? 1 : 0)
      );
    },
  };
}

export interface SearchScope {
  db: Db;
  workspaceId: string;
  /** Only this owner's contacts (a member who sees only their own), or null. */
  ownerId: string | null;
}

/**
 * Live, visible contacts whose search document (first word, or second word on) begins with the
 * typed words: up to 200, in document order, from a range of a name-prefix index. Null when the
 * words cannot start a name (a phone number).
 */
export async function contactsStartingWith(
  s: SearchScope,
  q: string,
  from: 'first' | 'second' = 'first',
): Promise<CandidateRow[] | null> {
  const range = documentPrefixRange(q);
  if (!range) return null;
  let query = s.db
    .selectFrom('contact_search as s')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .select(CANDIDATE_COLUMNS)
    .where('s.workspace_id', '=', s.workspaceId)
    .where(dialectOf(s.db).documentPrefix('s.document', from), '>=', range.from)
    .where(dialectOf(s.db).documentPrefix('s.document', from), '<', range.to)
    .where('c.deleted_at', 'is', null);
  if (s.ownerId) query = query.where('c.owner_id', '=', s.ownerId);
  return query.limit(CANDIDATES).execute();
}

/**
 * The contacts a search considers, up to 200, live and visible, each with its score. First the names that begin with
 * what was typed (a range of the name-prefix index, which stops at 200 however common the name):
 * when at least `wanted` of them answer every typed word as the start of a name word, first word
 * first, nothing can rank above them. Else, when that range held them all (fewer than 200), the
 * names whose second word begins with it (surnames) join them: when at least `wanted` of the two
 * answer every typed word, only names that begin with it could rank above, and all of those are
 * there. Otherwise the full-text match over names, emails, phones, company and notes.
 */
export async function searchCandidates(
  s: SearchScope,
  q: string,
  wanted: number,
): Promise<Array<{ row: CandidateRow; score: number }>> {
  const { best, score } = scorer(q);
  const scored = (rows: CandidateRow[]) => rows.map((row) => ({ row, score: score(row.full_name) }));
  const first = await contactsStartingWith(s, q);
  if (first) {
    const named = scored(first);
    if (named.filter((x) => x.score === best).length >= wanted) return named;
    if (first.length < CANDIDATES) {
      const seen = new Set(first.map((r) => r.id));
      const both = [
        ...named,
        ...scored(((await contactsStartingWith(s, q, 'second')) ?? []).filter((r) => !seen.has(r.id))),
      ].slice(0, CANDIDATES);
      if (both.filter((x) => x.score >= best - 1).length >= wanted) return both;
    }
  }
  const sub = dialectOf(s.db).contactSearchSubquery(s.workspaceId, q, CANDIDATES);
  if (!sub) return [];
  let query = s.db
    .selectFrom('contacts as c')
    .select(CANDIDATE_COLUMNS)
    .where('c.workspace_id', '=', s.workspaceId)
    .where('c.deleted_at', 'is', null)
    .where(sql<boolean>`c.id in (${sub})`);
  if (s.ownerId) query = query.where('c.owner_id', '=', s.ownerId);
  return scored(await query.limit(CANDIDATES).execute());
}

/**
 * Instant search (typeahead): full-text match over names, emails, phones, company and notes,
 * then ordered so names that start with what was typed come first. Candidates are capped so a
 * very common prefix stays fast.
 */
export async function searchContacts(ctx: AppContext, actor: Actor, q: string, limit: number): Promise<Hit[]> {
  const candidates = await searchCandidates(
    { db: ctx.db, workspaceId: actor.workspaceId, ownerId: ownerScope(actor) },
    q,
    limit,
  );
  const top = candidates
    .sort((a, b) => b.score - a.score || b.row.updated_at.localeCompare(a.row.updated_at))
    .slice(0, limit)
    .map((x) => x.row);
  const companies = await companyNames(
    ctx.db,
    actor.workspaceId,
    top.map((r) => r.company_id).filter((x): x is string => Boolean(x)),
  );
  return top.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    primaryEmail: r.primary_email,
    primaryPhone: r.primary_phone,
    typeKey: r.type_key,
    companyName: r.company_id ? (companies.get(r.company_id) ?? null) : null,
  }));
}
