import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  Migrator,
  sql,
  type DatabaseIntrospector,
  type Kysely,
  type MigrationResultSet,
  type Migration as KyselyMigration,
} from 'kysely';
import type { Database } from './database.js';
import { dialectOf } from './dialect.js';
import type { Migration } from './migrations/_kit.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
export const MIGRATION_TABLE = 'schema_migrations';

/**
 * Migrations are files in ./migrations named `YYYYMMDDHHMM_name.ts`, applied in name order and
 * recorded in `schema_migrations`. On PostgreSQL Kysely holds an advisory lock while migrating, so
 * nodes starting together migrate once. The migration tables are pinned to the current schema:
 * otherwise the same tables in another schema of the database would count as ours.
 */
export async function createMigrator(database: Database): Promise<Migrator> {
  const schema = await dialectOf(database.db).currentSchema(database.db);
  return new Migrator({
    db: schema ? withIntrospectionOf(database.db, schema) : database.db,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
    migrationTableSchema: schema,
    provider: {
      async getMigrations() {
        const files = (await fs.readdir(MIGRATIONS_DIR))
          .filter((f) => /^\d{12}_.+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
          .sort();
        const out: Record<string, KyselyMigration> = {};
        const ctx = { dialect: database.dialect };
        for (const file of files) {
          const mod = (await import(pathToFileURL(path.join(MIGRATIONS_DIR, file)).href)) as { migration: Migration };
          out[file.replace(/\.(ts|js)$/, '')] = {
            up: (db) => mod.migration.up(db, ctx),
            down: (db) => mod.migration.down(db, ctx),
          };
        }
        return out;
      },
    },
  });
}

function check(result: MigrationResultSet, action: string): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = new Error(
      `${action} failed${failed ? ` at ${failed.migrationName}` : ''}: ${(result.error as Error).message ?? result.error}`,
    );
    (err as Error & { cause: unknown }).cause = result.error;
    throw err;
  }
  return result;
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const res = check(await (await createMigrator(database)).migrateToLatest(), 'Migration');
  return (res.results ?? []).map((r) => r.migrationName);
}

export async function rollbackOne(database: Database): Promise<string[]> {
  const res = check(await (await createMigrator(database)).migrateDown(), 'Rollback');
  return (res.results ?? []).map((r) => r.migrationName);
}

export async function migrationStatus(database: Database): Promise<Array<{ name: string; executedAt: string | null }>> {
  const list = await (await createMigrator(database)).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}

export async function hasPendingMigrations(database: Database): Promise<boolean> {
  return (await migrationStatus(database)).some((m) => !m.executedAt);
}

/**
 * The migrator looks for its own tables by asking the introspector for every table of the database.
 * On PostgreSQL that reads each column of every schema through functions that fail when another
 * schema is dropped meanwhile (and costs more the more schemas the database holds), so it is shown
 * only the tables of its own schema.
 */
function withIntrospectionOf(db: Kysely<any>, schema: string): Kysely<any> {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      const { rows } = await sql<{
        name: string;
      }>`select nspname as name from pg_namespace where nspname = ${schema}`.execute(db);
      return rows;
    },
    async getTables() {
      const { rows } = await sql<{ name: string }>`
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'v', 'p')`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: false, columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'introspection') return introspection;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
