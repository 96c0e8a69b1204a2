import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/database.js';
import type { DB } from '../src/server/db/schema.js';
import { openSqlite, wrapSqlite } from '../src/server/db/sqlite-driver.js';
import type { Actor } from '../src/server/platform/actor.js';
import { createContext } from '../src/server/platform/create-context.js';
import { createLogger } from '../src/server/platform/logger.js';
import { parseArgs, selected } from './cli.js';
import { DEFAULT_PG_URL, ensureDataset } from './generate/dataset.js';
import { SCENARIOS } from './scenarios/index.js';
import type { BenchContext } from './scenarios/types.js';

/**
 * `tsx bench/explain.ts -- --scale 100k --db sqlite --only contacts.list`: runs each scenario's
 * raw floor once with every statement captured, then prints each statement with its plan
 * (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN (ANALYZE, BUFFERS)) and its time. This is how a
 * missed target is traced to a query and an index.
 */
const opts = parseArgs(process.argv.slice(2));
const pgUrl = opts.pgUrl ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
const dataset = await ensureDataset({ scale: opts.scale, dialect: opts.db, pgUrl, cacheDir: opts.cacheDir });
const captured: Array<{ sql: string; params: readonly unknown[]; ms: number }> = [];
const log = (e: LogEvent) => {
  if (e.level === 'query') captured.push({ sql: e.query.sql, params: e.query.parameters, ms: e.queryDurationMillis });
};

let database: Database;
let explain: (sql: string, params: readonly unknown[]) => Promise<string[]>;
if (dataset.sqliteFile) {
  const raw = openSqlite(dataset.sqliteFile);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: wrapSqlite(raw) }), log });
  database = { db, dialect: 'sqlite', sqliteFile: dataset.sqliteFile, close: () => db.destroy() };
  explain = async (sql, params) =>
    (
      raw
        .prepare(`explain query plan ${sql}`)
        .all(...(params as unknown[]).map((p) => (p === true ? 1 : p === false ? 0 : p))) as Array<{ detail: string }>
    ).map((r) => r.detail);
} else {
  const pool = new pg.Pool({ connectionString: dataset.databaseUrl, max: 2 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  database = { db, dialect: 'postgres', close: () => db.destroy() };
  explain = async (sql, params) =>
    (await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params as unknown[])).rows.map(
      (r) => r['QUERY PLAN'],
    );
}

const { manifest } = dataset;
const ctx = createContext({
  config: loadConfig({ LOG_LEVEL: 'warn', RUN_WORKER: 'false', SEED_DEMO: 'false', SERVE_WEB: 'false' }),
  database,
  log: createLogger('warn'),
});
const actor: Actor = {
  kind: 'user',
  id: manifest.benchUser.id,
  name: 'Ayu Admin',
  workspaceId: manifest.workspaceId,
  role: 'admin',
  agentsSeeAll: false,
};
const b = { dataset, manifest, database, ctx, actor } as BenchContext;
for (const s of SCENARIOS) {
  if (!selected(s.name, opts.only)) continue;
  const prepared = await s.prepare(b);
  if (!prepared.raw) continue;
  for (let i = 0; i < 3; i++) {
    captured.length = 0;
    await prepared.raw(i);
    console.log(`\n=== ${s.name} (call ${i + 1}) ===`);
    for (const q of [...captured]) {
      console.log(`\n-- ${q.ms.toFixed(2)} ms: ${q.sql}\n   params: ${JSON.stringify(q.params).slice(0, 300)}`);
      if (/^\s*(select|with)/i.test(q.sql))
        for (const line of await explain(q.sql, q.params)) console.log(`   ${line}`);
    }
  }
  await prepared.cleanup?.();
}
await database.close();
