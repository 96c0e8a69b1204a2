import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// Tags (with the contact join table) and markdown notes with their edit history.
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await tenantTable(db, ctx, 'tags', { versioned: true })
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('name_key', t.text, (c) => c.notNull())
      .addColumn('color', t.text, (c) => c.notNull())
      .addColumn('description', t.text)
      .addUniqueConstraint('tags_ws_name_uq', ['workspace_id', 'name_key'])
      .execute();

    await db.schema
      .createTable('contact_tags')
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('tag_id', t.id, (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addColumn('tagged_by', t.text)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('contact_tags_pk', ['contact_id', 'tag_id'])
      .execute();
    await db.schema
      .createIndex('contact_tags_ws_tag_idx')
      .on('contact_tags')
      .columns(['workspace_id', 'tag_id', 'contact_id'])
      .execute();

    await tenantTable(db, ctx, 'notes', { versioned: true })
      .addColumn('entity_type', t.text, (c) => c.notNull()) // contact | company
      .addColumn('entity_id', t.id, (c) => c.notNull())
      .addColumn('body', t.text, (c) => c.notNull())
      .addColumn('body_html', t.text, (c) => c.notNull())
      .addColumn('is_pinned', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('author_id', t.text)
      .addColumn('author_name', t.text)
      .addColumn('deleted_at', t.timestamp)
      .execute();
    await db.schema
      .createIndex('notes_ws_entity_idx')
      .on('notes')
      .columns(['workspace_id', 'entity_type', 'entity_id', 'created_at'])
      .execute();

    await tenantTable(db, ctx, 'note_revisions')
      .addColumn('note_id', t.id, (c) => c.notNull().references('notes.id').onDelete('cascade'))
      .addColumn('body', t.text, (c) => c.notNull())
      .addColumn('edited_by', t.text)
      .addColumn('edited_by_name', t.text)
      .execute();
    await db.schema
      .createIndex('note_revisions_note_idx')
      .on('note_revisions')
      .columns(['note_id', 'created_at'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['note_revisions', 'notes', 'contact_tags', 'tags'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
