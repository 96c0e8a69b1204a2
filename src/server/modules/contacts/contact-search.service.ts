import type { z } from 'zod';
import type { ContactSearchHit } from '../../../shared/contracts/contacts.js';
import { contactSearchSubquery, searchTokens } from '../../db/search.js';
import { sql } from 'kysely';
import { ownerScope, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { companyNames } from './contacts.repository.js';

type Hit = z.infer<typeof ContactSearchHit>;
const CANDIDATES = 200;

/**
 * Instant search (typeahead): full-text match over names, emails, phones, company and notes,
 * then ordered so names that start with what was typed come first. Candidates are capped so a
 * very common prefix stays fast.
 */
export async function searchContacts(ctx: AppContext, actor: Actor, q: string, limit: number): Promise<Hit[]> {
  const sub = contactSearchSubquery(ctx.dialect, actor.workspaceId, q, CANDIDATES);
  if (!sub) return [];
  let query = ctx.db
    .selectFrom('contacts as c')
    .select(['c.id', 'c.full_name', 'c.primary_email', 'c.primary_phone', 'c.type_key', 'c.company_id', 'c.updated_at'])
    .where('c.workspace_id', '=', actor.workspaceId)
    .where('c.deleted_at', 'is', null)
    .where(sql<boolean>`c.id in (${sub})`);
  const scope = ownerScope(actor);
  if (scope) query = query.where('c.owner_id', '=', scope);
  const rows = await query.limit(CANDIDATES).execute();
  const terms = searchTokens(q);
  const score = (name: string) => {
    const tokens = searchTokens(name);
    return terms.filter((t) => tokens.some((n) => n.startsWith(t))).length * 2 + (tokens[0]?.startsWith(terms[0] ?? '\u0000') ? 1 : 0);
  };
  const top = rows.sort((a, b) => score(b.full_name) - score(a.full_name) || b.updated_at.localeCompare(a.updated_at)).slice(0, limit);
  const companies = await companyNames(ctx.db, actor.workspaceId, top.map((r) => r.company_id).filter((x): x is string => Boolean(x)));
  return top.map((r) => ({ id: r.id, fullName: r.full_name, primaryEmail: r.primary_email, primaryPhone: r.primary_phone, typeKey: r.type_key, companyName: r.company_id ? companies.get(r.company_id) ?? null : null }));
}
