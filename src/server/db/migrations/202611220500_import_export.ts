import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// Imports (uploaded file, mapping, options, counts, validation report), one row per committed batch
// (what it created and the before-images of what it updated, for undo; its failed rows; the row
// offset a resumed job continues from), header mappings remembered per workspace, and exports.
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await tenantTable(db, ctx, 'imports')
      .addColumn('entity', t.text, (c) => c.notNull())
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('file_name', t.text, (c) => c.notNull())
      .addColumn('file_key', t.text)
      .addColumn('format', t.text, (c) => c.notNull())
      .addColumn('file_size', t.bigint, (c) => c.notNull())
      .addColumn('encoding', t.text, (c) => c.notNull())
      .addColumn('delimiter', t.text)
      .addColumn('sheets', t.json, (c) => c.notNull())
      .addColumn('sheet', t.text)
      .addColumn('preset', t.text)
      .addColumn('headers', t.json, (c) => c.notNull())
      .addColumn('preview', t.json, (c) => c.notNull())
      .addColumn('total_rows', t.integer)
      .addColumn('mapping', t.json, (c) => c.notNull())
      .addColumn('options', t.json, (c) => c.notNull())
      .addColumn('validation', t.json)
      .addColumn('batch_size', t.integer, (c) => c.notNull())
      .addColumn('batches_done', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('rows_done', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('created_count', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('updated_count', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('skipped_count', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('failed_count', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('job_id', t.id)
      .addColumn('error', t.text)
      .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_by_name', t.text)
      .addColumn('started_at', t.timestamp)
      .addColumn('finished_at', t.timestamp)
      .addColumn('undone_at', t.timestamp)
      .execute();
    await db.schema
      .createIndex('imports_ws_created_idx')
      .on('imports')
      .columns(['workspace_id', 'created_at', 'id'])
      .execute();

    await tenantTable(db, ctx, 'import_batches')
      .addColumn('import_id', t.id, (c) => c.notNull().references('imports.id').onDelete('cascade'))
      .addColumn('batch_no', t.integer, (c) => c.notNull())
      .addColumn('first_row', t.integer, (c) => c.notNull())
      .addColumn('row_count', t.integer, (c) => c.notNull())
      .addColumn('created_ids', t.json, (c) => c.notNull())
      .addColumn('extra_created', t.json, (c) => c.notNull())
      .addColumn('updated', t.json, (c) => c.notNull())
      .addColumn('failures', t.json, (c) => c.notNull())
      .addColumn('created_count', t.integer, (c) => c.notNull())
      .addColumn('updated_count', t.integer, (c) => c.notNull())
      .addColumn('skipped_count', t.integer, (c) => c.notNull())
      .addColumn('failed_count', t.integer, (c) => c.notNull())
      .addColumn('undone_at', t.timestamp)
      .addUniqueConstraint('import_batches_import_batch_uq', ['import_id', 'batch_no'])
      .execute();

    await db.schema
      .createTable('import_header_memory')
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('entity', t.text, (c) => c.notNull())
      .addColumn('header_key', t.text, (c) => c.notNull())
      .addColumn('field', t.text, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('import_header_memory_pk', ['workspace_id', 'entity', 'header_key'])
      .execute();

    await tenantTable(db, ctx, 'exports')
      .addColumn('entity', t.text, (c) => c.notNull())
      .addColumn('format', t.text, (c) => c.notNull())
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('columns', t.json, (c) => c.notNull())
      .addColumn('filter', t.json, (c) => c.notNull())
      .addColumn('includes_phones', t.boolean, (c) => c.notNull())
      .addColumn('row_count', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('total_rows', t.integer)
      .addColumn('file_key', t.text)
      .addColumn('file_size', t.bigint)
      .addColumn('job_id', t.id)
      .addColumn('error', t.text)
      .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_by_name', t.text)
      .addColumn('finished_at', t.timestamp)
      .addColumn('expires_at', t.timestamp)
      .execute();
    await db.schema
      .createIndex('exports_ws_created_idx')
      .on('exports')
      .columns(['workspace_id', 'created_at', 'id'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['exports', 'import_header_memory', 'import_batches', 'imports'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
