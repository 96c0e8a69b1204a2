import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// Tasks. `is_open` mirrors status in (pending, in_progress) so "my open/overdue tasks" is one
// index range ordered by due date, instead of a merge of two status ranges.
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await tenantTable(db, ctx, 'tasks', { versioned: true })
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('description', t.text)
      .addColumn('type', t.text, (c) => c.notNull())
      .addColumn('priority', t.text, (c) => c.notNull())
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('is_open', t.boolean, (c) => c.notNull())
      .addColumn('due_at', t.timestamp)
      .addColumn('reminder_at', t.timestamp)
      .addColumn('reminder_sent_at', t.timestamp)
      .addColumn('due_notified_at', t.timestamp)
      .addColumn('assignee_id', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('contact_id', t.id, (c) => c.references('contacts.id').onDelete('cascade'))
      .addColumn('deal_id', t.id)
      .addColumn('activity_id', t.id, (c) => c.references('activities.id').onDelete('set null'))
      .addColumn('completed_at', t.timestamp)
      .addColumn('completed_by', t.id)
      .execute();
    for (const [name, cols] of [
      ['tasks_ws_assignee_open_due_idx', ['workspace_id', 'assignee_id', 'is_open', 'due_at', 'id']],
      ['tasks_ws_open_due_idx', ['workspace_id', 'is_open', 'due_at', 'id']],
      ['tasks_ws_due_idx', ['workspace_id', 'due_at', 'id']],
      ['tasks_ws_creator_idx', ['workspace_id', 'created_by', 'is_open', 'due_at']],
      ['tasks_ws_contact_idx', ['workspace_id', 'contact_id', 'due_at']],
      ['tasks_ws_deal_idx', ['workspace_id', 'deal_id', 'due_at']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .on('tasks')
        .columns([...cols])
        .execute();
    }
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('tasks').ifExists().execute();
  },
};
