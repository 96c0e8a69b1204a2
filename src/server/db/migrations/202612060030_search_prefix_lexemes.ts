import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationContext } from './_kit.js';

// PostgreSQL's counterpart of SQLite's FTS5 prefix indexes (202611220800). Search matches every
// word as a prefix, and GIN answers a prefix (`sar:*`) by reading the posting list of every word
// that starts with it and merging them into a bitmap: "hadi sar" spent 17 ms in the index at
// 1,000,000 contacts, a single common name 18 ms, nearly all of it CPU. The index now also holds
// each word's first 1 to 5 characters as lexemes of their own, marked with a trailing `~` (`sar~`),
// so a prefix of up to 5 characters is one posting list that GIN intersects with the others without
// a bitmap (1.4 ms for "hadi sar"). Up to 3 characters was not enough: "hadi", "sari" and "maya"
// still merged dozens of names each (9-16 ms). Longer prefixes start with few enough words.
// The function is immutable (the index calls it) and takes the `simple` configuration explicitly.
const FUNCTION = sql`create or replace function crm_search_vector(doc text) returns tsvector language sql immutable parallel safe as $$
  select v || coalesce((select array_to_tsvector(array_agg(distinct left(w, n) || '~')) from unnest(tsvector_to_array(v)) as w, generate_series(1, least(5, length(w))) as n), ''::tsvector)
  from to_tsvector('simple', doc) as v
$$`;

export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    if (ctx.dialect !== 'postgres') return;
    await FUNCTION.execute(db);
    await sql`create index contact_search_vector_idx on contact_search using gin (crm_search_vector(document))`.execute(
      db,
    );
    await sql`drop index if exists contact_search_tsv_idx`.execute(db);
  },

  async down(db: Kysely<any>, ctx: MigrationContext) {
    if (ctx.dialect !== 'postgres') return;
    await sql`create index if not exists contact_search_tsv_idx on contact_search using gin (to_tsvector('simple', document))`.execute(
      db,
    );
    await sql`drop index if exists contact_search_vector_idx`.execute(db);
    await sql`drop function if exists crm_search_vector(text)`.execute(db);
  },
};
