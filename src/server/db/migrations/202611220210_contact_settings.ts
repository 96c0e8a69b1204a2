import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// Per-workspace contact configuration (types, sources, custom fields, retention) and the
// duplicate-detection keys on contacts.
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await tenantTable(db, ctx, 'contact_types', { versioned: true })
      .addColumn('key', t.text, (c) => c.notNull())
      .addColumn('label', t.text, (c) => c.notNull())
      .addColumn('color', t.text, (c) => c.notNull())
      .addColumn('icon', t.text)
      .addColumn('position', t.integer, (c) => c.notNull())
      .addColumn('rules', t.json, (c) => c.notNull())
      .addColumn('is_archived', t.boolean, (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint('contact_types_ws_key_uq', ['workspace_id', 'key'])
      .execute();

    await tenantTable(db, ctx, 'contact_sources', { versioned: true })
      .addColumn('key', t.text, (c) => c.notNull())
      .addColumn('label', t.text, (c) => c.notNull())
      .addColumn('position', t.integer, (c) => c.notNull())
      .addColumn('is_archived', t.boolean, (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint('contact_sources_ws_key_uq', ['workspace_id', 'key'])
      .execute();

    await tenantTable(db, ctx, 'custom_fields', { versioned: true })
      .addColumn('entity', t.text, (c) => c.notNull()) // contact | company
      .addColumn('key', t.text, (c) => c.notNull())
      .addColumn('label', t.text, (c) => c.notNull())
      .addColumn('type', t.text, (c) => c.notNull())
      .addColumn('options', t.json, (c) => c.notNull())
      .addColumn('is_required', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('is_unique', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('position', t.integer, (c) => c.notNull())
      .addColumn('is_archived', t.boolean, (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint('custom_fields_ws_entity_key_uq', ['workspace_id', 'entity', 'key'])
      .execute();

    await db.schema
      .createTable('contact_settings')
      .addColumn('workspace_id', t.id, (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
      .addColumn('retention_days', t.integer, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();

    // Duplicate detection: normalized name (sorted tokens) and a spelling-tolerant skeleton.
    await db.schema.alterTable('contacts').addColumn('name_key', t.text).execute();
    await db.schema.alterTable('contacts').addColumn('name_skeleton', t.text).execute();
    await db.schema.alterTable('contacts').addColumn('merged_into_id', t.id).execute();
    await db.schema
      .createIndex('contacts_ws_skeleton_idx')
      .on('contacts')
      .columns(['workspace_id', 'name_skeleton'])
      .execute();
    await db.schema
      .createIndex('contacts_ws_source_idx')
      .on('contacts')
      .columns(['workspace_id', 'source_key', 'created_at'])
      .execute();
    await db.schema
      .createIndex('contacts_ws_updated_idx')
      .on('contacts')
      .columns(['workspace_id', 'updated_at', 'id'])
      .execute();
    await db.schema
      .createIndex('contacts_ws_deleted_idx')
      .on('contacts')
      .columns(['workspace_id', 'deleted_at'])
      .execute();
    await db.schema
      .createIndex('companies_ws_created_idx')
      .on('companies')
      .columns(['workspace_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('companies_ws_domain_idx')
      .on('companies')
      .columns(['workspace_id', 'domain'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const idx of [
      'companies_ws_domain_idx',
      'companies_ws_created_idx',
      'contacts_ws_deleted_idx',
      'contacts_ws_updated_idx',
      'contacts_ws_source_idx',
      'contacts_ws_skeleton_idx',
    ]) {
      await db.schema.dropIndex(idx).ifExists().execute();
    }
    for (const col of ['merged_into_id', 'name_skeleton', 'name_key'])
      await db.schema.alterTable('contacts').dropColumn(col).execute();
    for (const table of ['contact_settings', 'custom_fields', 'contact_sources', 'contact_types'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
