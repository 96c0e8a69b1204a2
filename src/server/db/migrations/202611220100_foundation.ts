import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await db.schema
      .createTable('workspaces')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('slug', t.text, (c) => c.notNull().unique())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('template', t.text, (c) => c.notNull())
      .addColumn('timezone', t.text, (c) => c.notNull())
      .addColumn('phone_region', t.text, (c) => c.notNull())
      .addColumn('currency', t.text, (c) => c.notNull())
      .addColumn('locale', t.text, (c) => c.notNull())
      .addColumn('settings', t.json, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('email', t.text, (c) => c.notNull().unique())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('password_hash', t.text)
      .addColumn('locale', t.text, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();

    await tenantTable(db, ctx, 'memberships')
      .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', t.text, (c) => c.notNull())
      .addColumn('is_active', t.boolean, (c) => c.notNull())
      .addUniqueConstraint('memberships_workspace_user_uq', ['workspace_id', 'user_id'])
      .execute();
    await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('token_hash', t.text, (c) => c.notNull().unique())
      .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('csrf_token', t.text, (c) => c.notNull())
      .addColumn('ip', t.text)
      .addColumn('user_agent', t.text)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    await tenantTable(db, ctx, 'api_keys')
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('role', t.text, (c) => c.notNull())
      .addColumn('prefix', t.text, (c) => c.notNull().unique())
      .addColumn('key_hash', t.text, (c) => c.notNull())
      .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('last_used_at', t.timestamp)
      .addColumn('revoked_at', t.timestamp)
      .execute();

    await tenantTable(db, ctx, 'invitations')
      .addColumn('email', t.text, (c) => c.notNull())
      .addColumn('role', t.text, (c) => c.notNull())
      .addColumn('token_hash', t.text, (c) => c.notNull().unique())
      .addColumn('invited_by', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .addColumn('accepted_at', t.timestamp)
      .execute();

    await db.schema
      .createTable('password_resets')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token_hash', t.text, (c) => c.notNull().unique())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .addColumn('used_at', t.timestamp)
      .execute();

    await db.schema
      .createTable('login_failures')
      .addColumn('key', t.text, (c) => c.primaryKey())
      .addColumn('count', t.integer, (c) => c.notNull())
      .addColumn('first_failed_at', t.timestamp, (c) => c.notNull())
      .addColumn('locked_until', t.timestamp)
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('actor_type', t.text, (c) => c.notNull())
      .addColumn('actor_id', t.text)
      .addColumn('actor_name', t.text)
      .addColumn('action', t.text, (c) => c.notNull())
      .addColumn('entity_type', t.text, (c) => c.notNull())
      .addColumn('entity_id', t.text)
      .addColumn('changes', t.json)
      .addColumn('ip', t.text)
      .addColumn('user_agent', t.text)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_ws_created_idx')
      .on('audit_log')
      .columns(['workspace_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('audit_ws_entity_idx')
      .on('audit_log')
      .columns(['workspace_id', 'entity_type', 'entity_id'])
      .execute();
    await db.schema
      .createIndex('audit_ws_actor_idx')
      .on('audit_log')
      .columns(['workspace_id', 'actor_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('events')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('type', t.text, (c) => c.notNull())
      .addColumn('entity_type', t.text, (c) => c.notNull())
      .addColumn('entity_id', t.text)
      .addColumn('actor_id', t.text)
      .addColumn('payload', t.json, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('events_ws_entity_idx')
      .on('events')
      .columns(['workspace_id', 'entity_type', 'entity_id', 'id'])
      .execute();
    await db.schema.createIndex('events_ws_id_idx').on('events').columns(['workspace_id', 'id']).execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('workspace_id', t.id, (c) => c.references('workspaces.id').onDelete('cascade'))
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('payload', t.json, (c) => c.notNull())
      .addColumn('status', t.text, (c) => c.notNull()) // pending | running | succeeded | dead
      .addColumn('priority', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('run_at', t.timestamp, (c) => c.notNull())
      .addColumn('attempts', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', t.integer, (c) => c.notNull())
      .addColumn('idempotency_key', t.text)
      .addColumn('locked_by', t.text)
      .addColumn('locked_until', t.timestamp)
      .addColumn('last_error', t.text)
      .addColumn('progress', t.json)
      .addColumn('result', t.json)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addColumn('finished_at', t.timestamp)
      .execute();
    await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['status', 'run_at', 'priority']).execute();
    await db.schema.createIndex('jobs_idem_uq').on('jobs').columns(['name', 'idempotency_key']).unique().execute();

    await db.schema
      .createTable('recurring_jobs')
      .addColumn('name', t.text, (c) => c.primaryKey())
      .addColumn('cron', t.text, (c) => c.notNull())
      .addColumn('timezone', t.text, (c) => c.notNull())
      .addColumn('payload', t.json, (c) => c.notNull())
      .addColumn('next_run_at', t.timestamp, (c) => c.notNull())
      .addColumn('last_run_at', t.timestamp)
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of [
      'recurring_jobs',
      'jobs',
      'events',
      'audit_log',
      'login_failures',
      'password_resets',
      'invitations',
      'api_keys',
      'sessions',
      'memberships',
      'users',
      'workspaces',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
