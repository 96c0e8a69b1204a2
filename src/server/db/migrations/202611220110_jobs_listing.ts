import type { Kysely } from 'kysely';
import type { Migration } from './_kit.js';

// The dead-letter desk lists a workspace's jobs newest first; without this it scans the queue.
export const migration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('jobs_ws_created_idx').on('jobs').columns(['workspace_id', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('jobs_ws_created_idx').ifExists().execute();
  },
};
