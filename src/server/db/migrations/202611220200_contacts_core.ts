import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// People and organizations: the core tables other modules reference (deals, activities, tasks).
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await tenantTable(db, ctx, 'companies', { versioned: true })
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('domain', t.text)
      .addColumn('industry', t.text)
      .addColumn('size', t.text)
      .addColumn('address', t.json)
      .addColumn('owner_id', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('custom', t.json, (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('deleted_at', t.timestamp)
      .execute();
    await db.schema.createIndex('companies_ws_name_idx').on('companies').columns(['workspace_id', 'name']).execute();

    await tenantTable(db, ctx, 'contacts', { versioned: true })
      .addColumn('first_name', t.text, (c) => c.notNull())
      .addColumn('last_name', t.text)
      .addColumn('full_name', t.text, (c) => c.notNull())
      .addColumn('type_key', t.text)
      .addColumn('source_key', t.text)
      .addColumn('owner_id', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('team', t.text)
      .addColumn('company_id', t.id, (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('primary_email', t.text)
      .addColumn('primary_phone', t.text)
      .addColumn('address', t.json)
      .addColumn('birthday', t.date)
      .addColumn('gender', t.text)
      .addColumn('preferred_language', t.text)
      .addColumn('do_not_contact', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('custom', t.json, (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('deleted_at', t.timestamp)
      .execute();
    await db.schema
      .createIndex('contacts_ws_created_idx')
      .on('contacts')
      .columns(['workspace_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('contacts_ws_name_idx')
      .on('contacts')
      .columns(['workspace_id', 'full_name', 'id'])
      .execute();
    await db.schema
      .createIndex('contacts_ws_owner_idx')
      .on('contacts')
      .columns(['workspace_id', 'owner_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('contacts_ws_type_idx')
      .on('contacts')
      .columns(['workspace_id', 'type_key', 'created_at'])
      .execute();
    await db.schema.createIndex('contacts_company_idx').on('contacts').column('company_id').execute();

    await tenantTable(db, ctx, 'contact_emails')
      .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('email', t.text, (c) => c.notNull())
      .addColumn('label', t.text)
      .addColumn('is_primary', t.boolean, (c) => c.notNull().defaultTo(false))
      .execute();
    await db.schema
      .createIndex('contact_emails_ws_email_idx')
      .on('contact_emails')
      .columns(['workspace_id', 'email'])
      .execute();
    await db.schema.createIndex('contact_emails_contact_idx').on('contact_emails').column('contact_id').execute();

    await tenantTable(db, ctx, 'contact_phones')
      .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('e164', t.text, (c) => c.notNull())
      .addColumn('raw', t.text)
      .addColumn('label', t.text)
      .addColumn('is_primary', t.boolean, (c) => c.notNull().defaultTo(false))
      .execute();
    await db.schema
      .createIndex('contact_phones_ws_e164_idx')
      .on('contact_phones')
      .columns(['workspace_id', 'e164'])
      .execute();
    await db.schema.createIndex('contact_phones_contact_idx').on('contact_phones').column('contact_id').execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['contact_phones', 'contact_emails', 'contacts', 'companies'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
