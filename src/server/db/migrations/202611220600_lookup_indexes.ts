import type { Kysely } from 'kysely';
import type { Migration } from './_kit.js';

// Indexes the benchmark showed missing (see bench/, `tsx bench/explain.ts`). SQLite plans without
// table statistics, and with only (workspace_id, deleted_at) to go on it scanned every live contact
// for a duplicate check by name or a search hit list; these give each lookup an index of its own.
const INDEXES: Array<[name: string, table: string, columns: string[]]> = [
  // duplicate check by similar name: equality on all three columns beats (workspace_id, deleted_at)
  ['contacts_ws_skeleton_live_idx', 'contacts', ['workspace_id', 'name_skeleton', 'deleted_at']],
  // search: the full-text hits (at most 200 ids) are looked up one by one among live contacts
  ['contacts_ws_live_id_idx', 'contacts', ['workspace_id', 'deleted_at', 'id']],
  // the tags of a page of contacts (the existing index leads with tag_id, so it was read whole)
  ['contact_tags_ws_contact_idx', 'contact_tags', ['workspace_id', 'contact_id', 'tag_id']],
];

export const migration: Migration = {
  async up(db: Kysely<any>) {
    for (const [name, table, columns] of INDEXES)
      await db.schema.createIndex(name).on(table).columns(columns).execute();
  },

  async down(db: Kysely<any>) {
    for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
  },
};
