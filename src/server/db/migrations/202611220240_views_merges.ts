import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// Saved list views, merge records (with the data to undo them) and dismissed duplicate pairs.
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await tenantTable(db, ctx, 'saved_views', { versioned: true })
      .addColumn('entity', t.text, (c) => c.notNull()) // contacts | companies
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('owner_id', t.id, (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('is_shared', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('filter', t.json, (c) => c.notNull())
      .addColumn('columns', t.json, (c) => c.notNull())
      .addColumn('sort', t.json, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('saved_views_ws_entity_idx')
      .on('saved_views')
      .columns(['workspace_id', 'entity', 'owner_id'])
      .execute();

    await tenantTable(db, ctx, 'contact_merges')
      .addColumn('survivor_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('merged_ids', t.json, (c) => c.notNull())
      .addColumn('undo', t.json, (c) => c.notNull())
      .addColumn('merged_by', t.text)
      .addColumn('merged_by_name', t.text)
      .addColumn('undoable_until', t.timestamp, (c) => c.notNull())
      .addColumn('undone_at', t.timestamp)
      .execute();
    await db.schema
      .createIndex('contact_merges_ws_created_idx')
      .on('contact_merges')
      .columns(['workspace_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('duplicate_dismissals')
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('contact_a', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('contact_b', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('dismissed_by', t.text)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('duplicate_dismissals_pk', ['workspace_id', 'contact_a', 'contact_b'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['duplicate_dismissals', 'contact_merges', 'saved_views'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
