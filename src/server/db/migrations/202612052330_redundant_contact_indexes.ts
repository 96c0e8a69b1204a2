import type { Kysely } from 'kysely';
import type { Migration } from './_kit.js';

// Two indexes on contacts were the leading columns of others: (workspace_id, name_skeleton) of
// (workspace_id, name_skeleton, deleted_at), and (workspace_id, deleted_at) of (workspace_id,
// deleted_at, id). Every lookup they served is served as well by the longer one, while every
// contact written, imported, merged or deleted paid for updating them (13 indexes per contact row).
const DROPPED: Array<[name: string, columns: string[]]> = [
  ['contacts_ws_skeleton_idx', ['workspace_id', 'name_skeleton']],
  ['contacts_ws_deleted_idx', ['workspace_id', 'deleted_at']],
];

export const migration: Migration = {
  async up(db: Kysely<any>) {
    for (const [name] of DROPPED) await db.schema.dropIndex(name).ifExists().execute();
  },

  async down(db: Kysely<any>) {
    for (const [name, columns] of DROPPED)
      await db.schema.createIndex(name).ifNotExists().on('contacts').columns(columns).execute();
  },
};
