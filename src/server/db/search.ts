/**
 * Full-text search over the `contact_search` documents, one code path for both databases:
 * SQLite FTS5 (external-content table `contact_search_fts`, with prefix indexes of 1-3 characters)
 * and PostgreSQL tsvector (GIN expression index on crm_search_vector(document): the words plus
 * each word's first 1-5 characters as lexemes marked `~`). Documents and queries are reduced to the
 * same plain tokens here, so both engines see the same words. The SQL for each engine is its
 * dialect's `documentPrefix` and `contactSearchSubquery` (dialect-sqlite.ts, dialect-postgres.ts).
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
