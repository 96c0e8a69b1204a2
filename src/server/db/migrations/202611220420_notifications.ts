import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// In-app notifications, each user's notification settings, and personal calendar feed tokens.
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await db.schema
      .createTable('notifications')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', t.text, (c) => c.notNull())
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('body', t.text)
      .addColumn('url', t.text)
      .addColumn('entity_type', t.text)
      .addColumn('entity_id', t.text)
      .addColumn('actor_name', t.text)
      .addColumn('read_at', t.timestamp)
      .addColumn('emailed_at', t.timestamp)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('notifications_ws_user_idx')
      .on('notifications')
      .columns(['workspace_id', 'user_id', 'id'])
      .execute();
    await db.schema
      .createIndex('notifications_ws_user_unread_idx')
      .on('notifications')
      .columns(['workspace_id', 'user_id', 'read_at', 'id'])
      .execute();

    await tenantTable(db, ctx, 'notification_settings')
      .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('email_kinds', t.json, (c) => c.notNull())
      .addColumn('daily_digest', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('digest_hour', t.integer, (c) => c.notNull().defaultTo(7))
      .addColumn('last_digest_on', t.date)
      .addUniqueConstraint('notification_settings_ws_user_uq', ['workspace_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('notification_settings_digest_idx')
      .on('notification_settings')
      .columns(['daily_digest', 'digest_hour'])
      .execute();

    await tenantTable(db, ctx, 'calendar_feeds')
      .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token_hash', t.text, (c) => c.notNull().unique())
      .addColumn('last_used_at', t.timestamp)
      .addUniqueConstraint('calendar_feeds_ws_user_uq', ['workspace_id', 'user_id'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['calendar_feeds', 'notification_settings', 'notifications'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
