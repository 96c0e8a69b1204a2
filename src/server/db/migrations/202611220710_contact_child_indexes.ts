import type { Kysely } from 'kysely';
import type { Migration } from './_kit.js';

// Deleting a contact for good (the trash purge) makes the database look up the rows that reference
// it by contact_id alone: cascades and SET NULL on activities, tasks, items, relationships and links.
// Indexes that led with workspace_id could not serve that lookup, so each purged contact read the
// whole table (10 million activities at 1,000,000 contacts). The same columns with contact_id first
// serve the workspace's own lookups (equality on both) exactly as before.
const REORDERED: Array<[old: string, oldColumns: string[], name: string, table: string, columns: string[]]> = [
  [
    'activities_ws_contact_idx',
    ['workspace_id', 'contact_id', 'occurred_at', 'id'],
    'activities_contact_idx',
    'activities',
    ['contact_id', 'workspace_id', 'occurred_at', 'id'],
  ],
  [
    'tasks_ws_contact_idx',
    ['workspace_id', 'contact_id', 'due_at'],
    'tasks_contact_idx',
    'tasks',
    ['contact_id', 'workspace_id', 'due_at'],
  ],
  [
    'deals_contact_idx',
    ['workspace_id', 'contact_id'],
    'deals_contact_ws_idx',
    'deals',
    ['contact_id', 'workspace_id'],
  ],
  [
    'contact_rel_ws_contact_idx',
    ['workspace_id', 'contact_id', 'kind'],
    'contact_rel_contact_idx',
    'contact_relationships',
    ['contact_id', 'workspace_id', 'kind'],
  ],
];

export const migration: Migration = {
  async up(db: Kysely<any>) {
    for (const [old, , name, table, columns] of REORDERED) {
      await db.schema.createIndex(name).on(table).columns(columns).execute();
      await db.schema.dropIndex(old).ifExists().execute();
    }
    await db.schema.createIndex('external_links_contact_idx').on('external_links').column('contact_id').execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropIndex('external_links_contact_idx').ifExists().execute();
    for (const [old, oldColumns, name, table] of REORDERED) {
      await db.schema.createIndex(old).on(table).columns(oldColumns).execute();
      await db.schema.dropIndex(name).ifExists().execute();
    }
  },
};
