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

/** Characters of a search document the name-prefix index keeps (migration 202612061000). */
export const DOCUMENT_PREFIX_CHARS = 64;

/**
 * The documents that begin with the typed words, as a range of the name-prefix index: every
 * document starts with the contact's name, so `lestari har` is the start of Lestari Hartono's.
 * Documents and query are the same plain tokens, compared byte by byte (PostgreSQL's "C"
 * collation, SQLite's BINARY), so the range is exactly the documents starting with the key. Null
 * for a phone number, or when there is no word or too many characters to compare.
 */
export function documentPrefixRange(query: string): { from: string; to: string } | null {
  const terms = searchQueryTerms(query);
  if (!terms.length || PHONE_LIKE.test(query.trim())) return null;
  const from = terms.join(' ');
  if (from.length > DOCUMENT_PREFIX_CHARS) return null;
  // just past every string that starts with `from`: its last character's code point plus one
  const last = from.codePointAt(from.length - 1)!;
  if (last >= 0xd7ff && last < 0xe000) return null;
  return { from, to: from.slice(0, -1) + String.fromCodePoint(last + 1) };
}

/**
 * The name-prefix indexes' expressions, as the migrations wrote them for each database: the
 * document's first 64 characters (202612061000), or the 64 from its second word on (202612061100).
 */
export function documentPrefix(
  dialect: Dialect,
  column: string,
  from: 'first' | 'second' = 'first',
): RawBuilder<string> {
  const ref = sql.ref(column);
  const n = sql.lit(DOCUMENT_PREFIX_CHARS);
  if (dialect === 'postgres')
    return from === 'first'
      ? sql<string>`(left(${ref}, ${n}) collate "C")`
      : sql<string>`(substr(${ref}, strpos(${ref}, ' ') + 1, ${n}) collate "C")`;
  return from === 'first'
    ? sql<string>`substr(${ref}, 1, ${n})`
    : sql<string>`substr(${ref}, instr(${ref}, ' ') + 1, ${n})`;
}

/**
 * SQL for `select contact_id from ... where <matches>` within one workspace, to use as
 * `contacts.id in (...)`. Null when the query has no searchable term.
 */
export function contactSearchSubquery(
  dialect: Dialect,
  workspaceId: string,
  query: string,
  limit?: number,
): RawBuilder<unknown> | null {
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
