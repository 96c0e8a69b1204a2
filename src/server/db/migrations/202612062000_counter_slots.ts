import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { types, type Migration, type MigrationContext } from './_kit.js';

// The running totals (per stage, per stage and close month, per outcome, month and reason) were one
// row per key, so every write to a key waited for the row lock of any other open transaction that
// had written it: two people moving cards between the same two stages took turns until the first
// committed. Each key now has up to 16 rows, one per slot; a writer adds to the slot of its database
// connection, a reader sums the slots. Existing totals become slot 0.
const TABLES = ['pipeline_stage_stats', 'pipeline_open_month_stats', 'pipeline_closed_month_stats'] as const;
/** Each table's columns before this migration: its key, then its totals. */
const COLUMNS: Record<(typeof TABLES)[number], { key: string[]; other: string[]; totals: string[] }> = {
  pipeline_stage_stats: {
    key: ['stage_id'],
    other: ['workspace_id', 'pipeline_id'],
    totals: [
      'deal_count',
      'value_sum',
      'default_prob_value_sum',
      'own_weighted_sum',
      'entered_seconds_sum',
      'entered_total',
      'advanced_total',
      'exited_total',
      'exited_seconds_sum',
    ],
  },
  pipeline_open_month_stats: {
    key: ['stage_id', 'month'],
    other: ['workspace_id', 'pipeline_id'],
    totals: ['deal_count', 'value_sum', 'default_prob_value_sum', 'own_weighted_sum'],
  },
  pipeline_closed_month_stats: {
    key: ['pipeline_id', 'status', 'month', 'reason'],
    other: ['workspace_id'],
    totals: ['deal_count', 'value_sum'],
  },
};
const columnsOf = (table: (typeof TABLES)[number]) => [
  ...COLUMNS[table].key,
  ...COLUMNS[table].other,
  ...COLUMNS[table].totals,
];
const refs = (columns: string[]) => sql.join(columns.map((c) => sql.ref(c)));

export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    const t = types(ctx.dialect);
    const money = (tb: CreateTableBuilder<string, any>): CreateTableBuilder<string, any> =>
      tb
        .addColumn('deal_count', t.bigint, (c) => c.notNull().defaultTo(0))
        .addColumn('value_sum', t.bigint, (c) => c.notNull().defaultTo(0));
    const weighted = (tb: CreateTableBuilder<string, any>): CreateTableBuilder<string, any> =>
      tb
        // value of items without their own probability: weighted by the stage's current default on read
        .addColumn('default_prob_value_sum', t.bigint, (c) => c.notNull().defaultTo(0))
        // sum of value * own probability / 100 for items that set one
        .addColumn('own_weighted_sum', t.bigint, (c) => c.notNull().defaultTo(0));

    await weighted(
      money(
        db.schema
          .createTable('pipeline_stage_stats_slots')
          .addColumn('stage_id', t.id, (c) => c.notNull().references('pipeline_stages.id').onDelete('cascade'))
          .addColumn('slot', t.integer, (c) => c.notNull().defaultTo(0))
          .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
          .addColumn('pipeline_id', t.id, (c) => c.notNull()),
      ),
    )
      .addColumn('entered_seconds_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('entered_total', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('advanced_total', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('exited_total', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('exited_seconds_sum', t.bigint, (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('pipeline_stage_stats_slot_pk', ['stage_id', 'slot'])
      .execute();

    await weighted(
      money(
        db.schema
          .createTable('pipeline_open_month_stats_slots')
          .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
          .addColumn('pipeline_id', t.id, (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
          .addColumn('stage_id', t.id, (c) => c.notNull().references('pipeline_stages.id').onDelete('cascade'))
          .addColumn('month', t.text, (c) => c.notNull())
          .addColumn('slot', t.integer, (c) => c.notNull().defaultTo(0)),
      ),
    )
      .addPrimaryKeyConstraint('pipeline_open_month_stats_slot_pk', ['stage_id', 'month', 'slot'])
      .execute();

    await money(
      db.schema
        .createTable('pipeline_closed_month_stats_slots')
        .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('pipeline_id', t.id, (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
        .addColumn('status', t.text, (c) => c.notNull())
        .addColumn('month', t.text, (c) => c.notNull())
        .addColumn('reason', t.text, (c) => c.notNull())
        .addColumn('slot', t.integer, (c) => c.notNull().defaultTo(0)),
    )
      .addPrimaryKeyConstraint('pipeline_closed_month_stats_slot_pk', [
        'pipeline_id',
        'status',
        'month',
        'reason',
        'slot',
      ])
      .execute();

    for (const table of TABLES) {
      const columns = columnsOf(table);
      await sql`insert into ${sql.table(`${table}_slots`)} (${refs(columns)}) select ${refs(columns)} from ${sql.table(table)}`.execute(
        db,
      );
      await db.schema.dropTable(table).execute();
      await db.schema.alterTable(`${table}_slots`).renameTo(table).execute();
    }
    await db.schema
      .createIndex('pipeline_stage_stats_pipeline_idx')
      .on('pipeline_stage_stats')
      .columns(['workspace_id', 'pipeline_id'])
      .execute();
    await db.schema
      .createIndex('pipeline_open_month_stats_idx')
      .on('pipeline_open_month_stats')
      .columns(['workspace_id', 'pipeline_id', 'month'])
      .execute();
    await db.schema
      .createIndex('pipeline_closed_month_stats_idx')
      .on('pipeline_closed_month_stats')
      .columns(['workspace_id', 'pipeline_id', 'month'])
      .execute();
  },

  async down(db: Kysely<any>, ctx: MigrationContext) {
    // folds the slots back into one row per key, which is unique again (the slot column stays, 0)
    for (const table of TABLES) {
      const { key, other, totals } = COLUMNS[table];
      const kept = [...key, ...other];
      const folded = `${table}_folded`;
      await sql`create table ${sql.table(folded)} as select ${refs(kept)}, ${sql.join(totals.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`))} from ${sql.table(table)} group by ${refs(kept)}`.execute(
        db,
      );
      await sql`delete from ${sql.table(table)}`.execute(db);
      await sql`insert into ${sql.table(table)} (${refs(columnsOf(table))}) select ${refs(columnsOf(table))} from ${sql.table(folded)}`.execute(
        db,
      );
      await db.schema.dropTable(folded).execute();
      await db.schema.createIndex(`${table}_key_idx`).unique().on(table).columns(key).execute();
      // PostgreSQL's constraint names are per schema: free this one for the up migration's new table
      if (ctx.dialect === 'postgres')
        await sql`alter table ${sql.table(table)} rename constraint ${sql.ref(`${table}_slot_pk`)} to ${sql.ref(`${table}_folded_pk`)}`.execute(
          db,
        );
    }
  },
};
