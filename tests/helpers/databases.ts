import crypto from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database, type Dialect } from '../../src/server/db/database.js';

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
  drop(): Promise<void>;
}

/** A fresh, empty database: a private schema on PostgreSQL, an in-memory (or temp file) SQLite. */
export async function createTestDatabase(
  dialect: Dialect,
  opts: { sqliteFile?: string; poolSize?: number } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const database = createDatabase({ sqliteFile: opts.sqliteFile ?? ':memory:' });
    return { database, name: opts.sqliteFile ?? ':memory:', drop: () => database.close() };
  }
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = createDatabase({ url: TEST_DATABASE_URL, pgSchema: schema, poolSize: opts.poolSize ?? 5 });
  return {
    database,
    name: schema,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
