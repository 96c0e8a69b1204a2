import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from './database.js';

/**
 * Full-text search over the `contact_search` documents, one code path for both databases:
 * SQLite FTS5 (external-content table `contact_search_fts`) and PostgreSQL tsvector (GIN
 * expression index on to_tsvector('simple', document)). Documents and queries are reduced to the
 * same plain tokens here, so both engines see the same words.
 */

/** Lower-case, accent-free letter/digit tokens of a text. */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const PHONE_LIKE = /^[\d\s+().\-/]+$/;

/**
 * The prefix terms a user's query stands for. A query of only digits and phone punctuation
 * (`0812 3456`, `+62 812-...`) is one number; documents index every phone as its E.164 digits,
 * its national form with the trunk 0 and its bare national number, so any of them matches.
 */
export function searchQueryTerms(query: string): string[] {
  const trimmed = query.trim();
  if (PHONE_LIKE.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits.length >= 3) return [digits];
  }
  return searchTokens(trimmed).slice(0, 8);
}

/**
 * SQL for `select contact_id from ... where <matches>` within one workspace, to use as
 * `contacts.id in (...)`. Null when the query has no searchable term.
 */
export function contactSearchSubquery(dialect: Dialect, workspaceId: string, query: string, limit?: number): RawBuilder<unknown> | null {
  const terms = searchQueryTerms(query);
  if (!terms.length) return null;
  const cap = limit ? sql` limit ${limit}` : sql``;
  if (dialect === 'postgres') {
    const tsquery = terms.map((t) => `${t}:*`).join(' & ');
    // materialized: with a LIMIT the planner would rather scan the table computing to_tsvector per
    // row than use the GIN index; the CTE keeps the index scan and is read only as far as needed
    return sql`with m as materialized (select s.contact_id from contact_search s where s.workspace_id = ${workspaceId} and to_tsvector('simple', s.document) @@ to_tsquery('simple', ${tsquery})) select m.contact_id from m${cap}`;
  }
  const match = terms.map((t) => `"${t}"*`).join(' ');
  return sql`select s.contact_id from contact_search_fts f join contact_search s on s.seq = f.rowid where contact_search_fts match ${match} and s.workspace_id = ${workspaceId}${cap}`;
}
