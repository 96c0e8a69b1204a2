import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { types, type Migration, type MigrationContext } from './_kit.js';

// The running totals (per stage, per stage and close month, per outcome, month and reason) were one
// row per key, so every write to a key waited for the row lock of any other open transaction that
// had written it: two people moving cards between the same two stages took turns until the first
// committed. Each key now has up to 16 rows, one per slot; a writer adds to the slot of its database
// connection, a reader sums the slots. Existing totals become slot 0.
const TABLES = ['pipeline_stage_stats', 'pipeline_open_month_stats', 'pipeline_closed_month_stats'] as const;

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
      .addPrimaryKeyConstraint('pipeline_closed_month_stats_slot_pk', ['pipeline_id', 'status', 'month', 'reason', 'slot'])
      .execute();

    for (const table of TABLES) {
      const columns = await copiedColumns(db, table);
      await sql`insert into ${sql.table(`${table}_slots`)} (${sql.join(columns.map((c) => sql.ref(c)))}) select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}`.execute(db);
      await db.schema.dropTable(table).execute();
      await db.schema.alterTable(`${table}_slots`).renameTo(table).execute();
    }
    await db.schema.createIndex('pipeline_stage_stats_pipeline_idx').on('pipeline_stage_stats').columns(['workspace_id', 'pipeline_id']).execute();
    await db.schema.createIndex('pipeline_open_month_stats_idx').on('pipeline_open_month_stats').columns(['workspace_id', 'pipeline_id', 'month']).execute();
    await db.schema.createIndex('pipeline_closed_month_stats_idx').on('pipeline_closed_month_stats').columns(['workspace_id', 'pipeline_id', 'month']).execute();
  },

  async down(db: Kysely<any>, ctx: MigrationContext) {
    // folds the slots back into one row per key, which is unique again (the slot column stays, 0)
    const keys = { pipeline_stage_stats: ['stage_id'], pipeline_open_month_stats: ['stage_id', 'month'], pipeline_closed_month_stats: ['pipeline_id', 'status', 'month', 'reason'] };
    for (const table of TABLES) {
      const columns = (await copiedColumns(db, table)).filter((c) => c !== 'slot');
      const kept = columns.filter((c) => !/_(count|sum|total)$/.test(c));
      const sums = columns.filter((c) => !kept.includes(c));
      const folded = `${table}_folded`;
      await sql`create table ${sql.table(folded)} as select ${sql.join([...kept.map((c) => sql.ref(c)), ...sums.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`)])} from ${sql.table(table)} group by ${sql.join(kept.map((c) => sql.ref(c)))}`.execute(db);
      await sql`delete from ${sql.table(table)}`.execute(db);
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(folded)}`.execute(db);
      await db.schema.dropTable(folded).execute();
      await db.schema.createIndex(`${table}_key_idx`).unique().on(table).columns(keys[table]).execute();
      // PostgreSQL's constraint names are per schema: free this one for the up migration's new table
      if (ctx.dialect === 'postgres') await sql`alter table ${sql.table(table)} rename constraint ${sql.ref(`${table}_slot_pk`)} to ${sql.ref(`${table}_folded_pk`)}`.execute(db);
    }
  },
};

/** The columns of a totals table as it is now (the slot tables hold the same ones, plus slot). */
async function copiedColumns(db: Kysely<any>, table: string): Promise<string[]> {
  const meta = await db.introspection.getTables();
  const found = meta.find((m) => m.name === table);
  if (!found) throw new Error(`table ${table} not found`);
  return found.columns.map((c) => c.name);
}
