import type { Kysely } from 'kysely';
import { types, type Migration, type MigrationContext } from './_kit.js';

// The timeline projection: one row per (event, subject) so a contact's, deal's or company's stream
// is one index range, however many events the workspace has. The event itself holds the content.
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);
    await db.schema
      .createTable('timeline_entries')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('subject_type', t.text, (c) => c.notNull())
      .addColumn('subject_id', t.text, (c) => c.notNull())
      .addColumn('kind', t.text, (c) => c.notNull())
      .addColumn('event_id', t.id, (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('source_type', t.text, (c) => c.notNull())
      .addColumn('source_id', t.text)
      .addColumn('private_to', t.text)
      .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('timeline_subject_idx')
      .on('timeline_entries')
      .columns(['workspace_id', 'subject_type', 'subject_id', 'occurred_at', 'id'])
      .execute();
    await db.schema
      .createIndex('timeline_subject_kind_idx')
      .on('timeline_entries')
      .columns(['workspace_id', 'subject_type', 'subject_id', 'kind', 'occurred_at', 'id'])
      .execute();
    await db.schema
      .createIndex('timeline_source_idx')
      .on('timeline_entries')
      .columns(['workspace_id', 'source_type', 'source_id'])
      .execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('timeline_entries').ifExists().execute();
  },
};
