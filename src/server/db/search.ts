import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from './database.js';

/**
 * Full-text search over the `contact_search` documents, one code path for both databases:
 * SQLite FTS5 (external-content table `contact_search_fts`, with prefix indexes of 1-3 characters)
 * and PostgreSQL tsvector (GIN expression index on crm_search_vector(document): the words plus
 * each word's first 1-5 characters as lexemes marked `~`). Documents and queries are reduced to the
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

/** On PostgreSQL prefixes up to this length have an index entry of their own (`w~`, migration 202612060030). */
const PG_SHORT_PREFIX = 5;

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
    // a term of up to 5 characters is the prefix lexeme the index keeps for it (`sar~`, one posting
    // list); a longer one is a prefix of the words themselves (`nasution:*`, parsed as the documents were)
    const short = terms.filter((t) => t.length <= PG_SHORT_PREFIX);
    const long = terms.filter((t) => t.length > PG_SHORT_PREFIX);
    const parts = [
      ...(long.length ? [sql`to_tsquery('simple', ${long.map((t) => `${t}:*`).join(' & ')})`] : []),
      ...(short.length ? [sql`cast(${short.map((t) => `'${t}~'`).join(' & ')} as tsquery)`] : []),
    ];
    // materialized: with a LIMIT the planner would rather scan the table computing the vector per
    // row than use the GIN index; the CTE keeps the index scan and is read only as far as needed
    return sql`with m as materialized (select s.contact_id from contact_search s where s.workspace_id = ${workspaceId} and crm_search_vector(s.document) @@ (${sql.join(parts, sql` && `)})) select m.contact_id from m${cap}`;
  }
  const match = terms.map((t) => `"${t}"*`).join(' ');
  return sql`select s.contact_id from contact_search_fts f join contact_search s on s.seq = f.rowid where contact_search_fts match ${match} and s.workspace_id = ${workspaceId}${cap}`;
}
