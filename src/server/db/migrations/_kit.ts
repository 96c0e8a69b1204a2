// Frozen helpers for migrations. Like the migrations themselves, this file never imports
// application code and never changes meaning once released: add new helpers, don't alter these.
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export type MigrationDialect = 'sqlite' | 'postgres';
export interface MigrationContext {
  dialect: MigrationDialect;
}
export interface Migration {
  up(db: Kysely<any>, ctx: MigrationContext): Promise<void>;
  down(db: Kysely<any>, ctx: MigrationContext): Promise<void>;
}

export function types(dialect: MigrationDialect) {
  const pgsql = dialect === 'postgres';
  return {
    id: pgsql ? sql`uuid` : sql`text`,
    timestamp: pgsql ? sql`timestamptz` : sql`text`,
    date: pgsql ? sql`date` : sql`text`,
    json: pgsql ? sql`jsonb` : sql`json`,
    boolean: sql`boolean`,
    text: sql`text`,
    integer: sql`integer`,
    bigint: sql`bigint`,
  };
}

/** id primary key, workspace_id foreign key (cascade), created_at, updated_at. */
export function tenantTable<TB extends string>(
  db: Kysely<any>,
  ctx: MigrationContext,
  name: TB,
  opts: { versioned?: boolean } = {},
): CreateTableBuilder<TB, 'id' | 'workspace_id' | 'created_at' | 'updated_at'> {
  const t = types(ctx.dialect);
  let tb = db.schema
    .createTable(name)
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('workspace_id', t.id, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull());
  if (opts.versioned) tb = tb.addColumn('version', t.integer, (c) => c.notNull().defaultTo(1));
  return tb as CreateTableBuilder<TB, any>;
}

export type ColumnBuilder = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
