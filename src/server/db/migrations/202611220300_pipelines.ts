import type { Kysely } from 'kysely';
import { tenantTable, types, type Migration, type MigrationContext } from './_kit.js';

// Pipelines (funnels), their stages, the items moving through them (deals), stage history, and a
// per-stage counters table kept in step with every deal write so the board never aggregates 1M rows,
// and forecast totals kept the same way.
export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);

    await tenantTable(db, ctx, 'pipelines', { versioned: true })
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('category', t.text, (c) => c.notNull())
      .addColumn('item_label', t.text, (c) => c.notNull())
      .addColumn('currency', t.text, (c) => c.notNull())
      .addColumn('rules', t.json, (c) => c.notNull())
      .addColumn('won_contact_type', t.text)
      .addColumn('position', t.integer, (c) => c.notNull())
      .addColumn('is_archived', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('created_by', t.id)
      .execute();
    await db.schema
      .createIndex('pipelines_ws_position_idx')
      .on('pipelines')
      .columns(['workspace_id', 'position'])
      .execute();

    await tenantTable(db, ctx, 'pipeline_stages')
      .addColumn('pipeline_id', t.id, (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('color', t.text, (c) => c.notNull())
      .addColumn('position', t.integer, (c) => c.notNull())
      .addColumn('kind', t.text, (c) => c.notNull()) // open | won | lost
      .addColumn('probability', t.integer, (c) => c.notNull())
      .addColumn('stale_days', t.integer)
      .addColumn('required_fields', t.json, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('pipeline_stages_pipeline_idx')
      .on('pipeline_stages')
      .columns(['workspace_id', 'pipeline_id', 'position'])
      .execute();

    await tenantTable(db, ctx, 'deals', { versioned: true })
      .addColumn('pipeline_id', t.id, (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
      .addColumn('stage_id', t.id, (c) => c.notNull().references('pipeline_stages.id'))
      .addColumn('status', t.text, (c) => c.notNull()) // the stage's kind, kept here so forecasts need no join
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('value_minor', t.bigint, (c) => c.notNull())
      .addColumn('probability', t.integer) // null: the stage's default
      .addColumn('expected_close_date', t.date)
      .addColumn('contact_id', t.id, (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('company_id', t.id, (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('owner_id', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('source', t.text)
      .addColumn('tags', t.json, (c) => c.notNull())
      .addColumn('custom', t.json, (c) => c.notNull())
      .addColumn('close_reason', t.text)
      .addColumn('closed_at', t.timestamp)
      .addColumn('closed_on', t.date) // closing day in the workspace's time zone, for periods
      .addColumn('stage_entered_at', t.timestamp, (c) => c.notNull())
      .addColumn('created_by', t.id)
      .execute();
    // A board column: newest arrivals first, keyset-paged.
    await db.schema
      .createIndex('deals_board_idx')
      .on('deals')
      .columns(['workspace_id', 'pipeline_id', 'stage_id', 'stage_entered_at', 'id'])
      .execute();
    // Owner-scoped boards (agents) and the owner filter aggregate from this index alone.
    await db.schema
      .createIndex('deals_owner_idx')
      .on('deals')
      .columns(['workspace_id', 'pipeline_id', 'owner_id', 'stage_id', 'value_minor', 'probability'])
      .execute();
    // Forecast of open items by expected close month, and closed items by period: covering indexes.
    await db.schema
      .createIndex('deals_forecast_idx')
      .on('deals')
      .columns([
        'workspace_id',
        'pipeline_id',
        'status',
        'expected_close_date',
        'stage_id',
        'value_minor',
        'probability',
      ])
      .execute();
    await db.schema
      .createIndex('deals_closed_idx')
      .on('deals')
      .columns(['workspace_id', 'pipeline_id', 'status', 'closed_on', 'value_minor'])
      .execute();
    await db.schema
      .createIndex('deals_list_idx')
      .on('deals')
      .columns(['workspace_id', 'pipeline_id', 'created_at', 'id'])
      .execute();
    await db.schema.createIndex('deals_contact_idx').on('deals').columns(['workspace_id', 'contact_id']).execute();
    await db.schema.createIndex('deals_company_idx').on('deals').column('company_id').execute();

    await tenantTable(db, ctx, 'deal_stage_history')
      .addColumn('deal_id', t.id, (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('pipeline_id', t.id, (c) => c.notNull())
      .addColumn('from_stage_id', t.id)
      .addColumn('to_stage_id', t.id, (c) => c.notNull())
      .addColumn('actor_id', t.text)
      .addColumn('actor_name', t.text)
      .addColumn('reason', t.text)
      .addColumn('seconds_in_previous', t.bigint)
      .execute();
    await db.schema
      .createIndex('deal_stage_history_deal_idx')
      .on('deal_stage_history')
      .columns(['workspace_id', 'deal_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('deal_stage_history_to_idx')
      .on('deal_stage_history')
      .columns(['workspace_id', 'pipeline_id', 'to_stage_id', 'created_at'])
      .execute();

    // Running totals per stage, changed in the same transaction as the deal write that moves them.
    await db.schema
      .createTable('pipeline_stage_stats')
      .addColumn('stage_id', t.id, (c) => c.primaryKey().references('pipeline_stages.id').onDelete('cascade'))
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('pipeline_id', t.id, (c) => c.notNull())
      .addColumn('deal_count', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('value_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      // value of items without their own probability: weighted by the stage's current default on read
      .addColumn('default_prob_value_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      // sum of value * own probability / 100 for items that set one
      .addColumn('own_weighted_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('entered_seconds_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('entered_total', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('advanced_total', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('exited_total', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('exited_seconds_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('pipeline_stage_stats_pipeline_idx')
      .on('pipeline_stage_stats')
      .columns(['workspace_id', 'pipeline_id'])
      .execute();

    // Forecast totals, kept the same way: open items by stage and expected-close month ('' = no date);
    // closed items by outcome, closing month and reason. A forecast over a million items reads a few hundred rows.
    await db.schema
      .createTable('pipeline_open_month_stats')
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('pipeline_id', t.id, (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
      .addColumn('stage_id', t.id, (c) => c.notNull().references('pipeline_stages.id').onDelete('cascade'))
      .addColumn('month', t.text, (c) => c.notNull())
      .addColumn('deal_count', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('value_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('default_prob_value_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('own_weighted_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('pipeline_open_month_stats_pk', ['stage_id', 'month'])
      .execute();
    await db.schema
      .createIndex('pipeline_open_month_stats_idx')
      .on('pipeline_open_month_stats')
      .columns(['workspace_id', 'pipeline_id', 'month'])
      .execute();

    await db.schema
      .createTable('pipeline_closed_month_stats')
      .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('pipeline_id', t.id, (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('month', t.text, (c) => c.notNull())
      .addColumn('reason', t.text, (c) => c.notNull())
      .addColumn('deal_count', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('value_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('pipeline_closed_month_stats_pk', ['pipeline_id', 'status', 'month', 'reason'])
      .execute();
    await db.schema
      .createIndex('pipeline_closed_month_stats_idx')
      .on('pipeline_closed_month_stats')
      .columns(['workspace_id', 'pipeline_id', 'month'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of [
      'pipeline_closed_month_stats',
      'pipeline_open_month_stats',
      'pipeline_stage_stats',
      'deal_stage_history',
      'deals',
      'pipeline_stages',
      'pipelines',
    ])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
