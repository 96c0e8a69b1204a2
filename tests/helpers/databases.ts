import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type Database, type Dialect } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrator.js';
import { migratedSqliteImage, newSchemaName, pgAdmin, SCHEMA_TOKEN, testRun } from './templates.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: boolean | undefined;

/** Whether the PostgreSQL test server answers. With REQUIRE_POSTGRES=1 (CI) its absence is an error. */
export async function postgresAvailable(): Promise<boolean> {
  if (pgReachable !== undefined) return pgReachable;
  if (process.env.SKIP_POSTGRES === '1') return (pgReachable = false);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    pgReachable = true;
  } catch (err) {
    if (process.env.REQUIRE_POSTGRES === '1')
      throw new Error(`PostgreSQL is required but unreachable at ${TEST_DATABASE_URL}: ${(err as Error).message}`, {
        cause: err,
      });
    pgReachable = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  return pgReachable;
}

/** The dialects this run covers: SQLite always, PostgreSQL when reachable. */
export async function testDialects(): Promise<Dialect[]> {
  if (process.env.TEST_DIALECT === 'sqlite') return ['sqlite'];
  if (process.env.TEST_DIALECT === 'postgres') return ['postgres'];
  return (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  database: Database;
  /** PostgreSQL schema, or SQLite file, that this test owns. */
  name: string;
  /** Whether it was cloned from the run's migrated template (else it is as `migrated` asked: empty). */
  fromTemplate?: boolean;
  drop(): Promise<void>;
}

/**
 * A fresh database: a private schema on PostgreSQL, an in-memory (or temp file) SQLite. Empty, or with
 * `migrated`, at the latest migration: cloned from the run's template (templates.ts) when there is
 * one, else migrated here.
 */
export async function createTestDatabase(
  dialect: Dialect,
  opts: { sqliteFile?: string; poolSize?: number; migrated?: boolean } = {},
): Promise<TestDatabase> {
  const testDb = opts.migrated ? await cloneTemplate(dialect, opts) : await emptyDatabase(dialect, opts);
  if (opts.migrated && !testDb.fromTemplate) await migrateToLatest(testDb.database);
  return testDb;
}

async function emptyDatabase(
  dialect: Dialect,
  opts: { sqliteFile?: string; poolSize?: number },
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const database = createDatabase({ sqliteFile: opts.sqliteFile ?? ':memory:' });
    return { database, name: opts.sqliteFile ?? ':memory:', drop: () => database.close() };
  }
  const schema = newSchemaName('t');
  await pgAdmin(TEST_DATABASE_URL).query(`create schema ${schema}`);
  return pgTestDatabase(schema, opts.poolSize);
}

async function cloneTemplate(
  dialect: Dialect,
  opts: { sqliteFile?: string; poolSize?: number },
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const image = migratedSqliteImage();
    if (!image) return emptyDatabase(dialect, opts);
    if (opts.sqliteFile) {
      fs.mkdirSync(path.dirname(path.resolve(opts.sqliteFile)), { recursive: true });
      fs.writeFileSync(opts.sqliteFile, image);
      const database = createDatabase({ sqliteFile: opts.sqliteFile });
      return { database, name: opts.sqliteFile, fromTemplate: true, drop: () => database.close() };
    }
    const database = createDatabase({ sqliteFile: ':memory:', sqliteImage: image });
    return { database, name: ':memory:', fromTemplate: true, drop: () => database.close() };
  }
  const script = testRun()?.pgScript;
  if (!script) return emptyDatabase(dialect, opts);
  const schema = newSchemaName('t');
  await pgAdmin(TEST_DATABASE_URL).query(script.replaceAll(SCHEMA_TOKEN, schema));
  return { ...pgTestDatabase(schema, opts.poolSize), fromTemplate: true };
}

function pgTestDatabase(schema: string, poolSize = 5): TestDatabase {
  const database = createDatabase({ url: TEST_DATABASE_URL, pgSchema: schema, poolSize });
  return {
    database,
    name: schema,
    async drop() {
      await database.close();
      await pgAdmin(TEST_DATABASE_URL).query(`drop schema if exists ${schema} cascade`);
    },
  };
}
