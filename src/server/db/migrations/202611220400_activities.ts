import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// Activity types (per workspace), activities logged or scheduled with a contact, and the
// workspace's activity settings. deal_id has no foreign key: deals belong to the pipelines
// module and are validated through its service.
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await tenantTable(db, ctx, 'activity_types', { versioned: true })
      .addColumn('key', t.text, (c) => c.notNull())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('icon', t.text)
      .addColumn('color', t.text, (c) => c.notNull())
      .addColumn('has_duration', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('has_outcome', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('position', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('is_archived', t.boolean, (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint('activity_types_ws_key_uq', ['workspace_id', 'key'])
      .execute();

    await tenantTable(db, ctx, 'activities', { versioned: true })
      .addColumn('type_id', t.id, (c) => c.notNull().references('activity_types.id'))
      .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('deal_id', t.id)
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('description', t.text)
      .addColumn('status', t.text, (c) => c.notNull()) // done | scheduled
      .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
      .addColumn('duration_minutes', t.integer)
      .addColumn('outcome', t.text)
      .addColumn('outcome_note', t.text)
      .addColumn('next_action', t.text)
      .addColumn('next_action_at', t.timestamp)
      .addColumn('is_confidential', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('ip', t.text)
      .addColumn('completed_at', t.timestamp)
      .execute();
    for (const [name, cols] of [
      ['activities_ws_date_idx', ['workspace_id', 'occurred_at', 'id']],
      ['activities_ws_contact_idx', ['workspace_id', 'contact_id', 'occurred_at', 'id']],
      ['activities_ws_deal_idx', ['workspace_id', 'deal_id', 'occurred_at', 'id']],
      ['activities_ws_type_idx', ['workspace_id', 'type_id', 'occurred_at', 'id']],
      ['activities_ws_author_idx', ['workspace_id', 'created_by', 'occurred_at', 'id']],
      ['activities_ws_status_idx', ['workspace_id', 'status', 'occurred_at', 'id']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .on('activities')
        .columns([...cols])
        .execute();
    }

    await tenantTable(db, ctx, 'activity_settings')
      .addColumn('next_action_creates_task', t.boolean, (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint('activity_settings_ws_uq', ['workspace_id'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['activity_settings', 'activities', 'activity_types'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
