import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// Person-to-person and company-to-company relationships (one row per direction, sharing a pair id)
// and links to records in other systems (student app, payment app, ticketing app, ...).
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await tenantTable(db, ctx, 'contact_relationships')
      .addColumn('pair_id', t.id, (c) => c.notNull())
      .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('related_contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('kind', t.text, (c) => c.notNull())
      .addColumn('custom_label', t.text)
      .addColumn('strength', t.integer, (c) => c.notNull())
      .addColumn('note', t.text)
      .addColumn('created_by', t.text)
      .execute();
    await db.schema
      .createIndex('contact_rel_ws_contact_idx')
      .on('contact_relationships')
      .columns(['workspace_id', 'contact_id', 'kind'])
      .execute();
    await db.schema
      .createIndex('contact_rel_related_idx')
      .on('contact_relationships')
      .columns(['related_contact_id'])
      .execute();
    await db.schema.createIndex('contact_rel_pair_idx').on('contact_relationships').columns(['pair_id']).execute();

    await tenantTable(db, ctx, 'company_relationships')
      .addColumn('pair_id', t.id, (c) => c.notNull())
      .addColumn('company_id', t.id, (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('related_company_id', t.id, (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('kind', t.text, (c) => c.notNull())
      .addColumn('strength', t.integer, (c) => c.notNull())
      .addColumn('note', t.text)
      .addColumn('created_by', t.text)
      .execute();
    await db.schema
      .createIndex('company_rel_ws_company_idx')
      .on('company_relationships')
      .columns(['workspace_id', 'company_id'])
      .execute();
    await db.schema
      .createIndex('company_rel_related_idx')
      .on('company_relationships')
      .columns(['related_company_id'])
      .execute();
    await db.schema.createIndex('company_rel_pair_idx').on('company_relationships').columns(['pair_id']).execute();

    await tenantTable(db, ctx, 'external_links')
      .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('system', t.text, (c) => c.notNull())
      .addColumn('external_id', t.text, (c) => c.notNull())
      .addColumn('url', t.text)
      .addColumn('label', t.text)
      .addColumn('display', t.json, (c) => c.notNull())
      .addColumn('last_synced_at', t.timestamp)
      .addUniqueConstraint('external_links_contact_uq', ['contact_id', 'system', 'external_id'])
      .execute();
    await db.schema
      .createIndex('external_links_ws_lookup_idx')
      .on('external_links')
      .columns(['workspace_id', 'system', 'external_id'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['external_links', 'company_relationships', 'contact_relationships'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
