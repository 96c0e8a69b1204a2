import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type Dialect } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrator.js';

/**
 * One test run's templates, made once by the global setup (global-setup.ts) and cloned by every
 * test: a migrated SQLite image, opened in memory per test, and a script that recreates the migrated
 * PostgreSQL template schema (pg_dump of it) under a new name. Everything a run creates carries the
 * run's id: its directory under the system temp dir, and PostgreSQL schemas named
 * `crm_tpl_<run>`, `crm_seed_<run>_*` (demo-seed snapshots) and `crm_t_<run>_*` (one per test app).
 * The setup holds an advisory lock named after its run for as long as the run lives, so the next
 * run can tell a killed run's leftovers from a live neighbour's and drop only the former.
 */
export interface TestRun {
  id: string;
  dir: string;
  /** The migrated SQLite image (a file written by VACUUM INTO). */
  sqliteImage?: string;
  /** A script that makes a migrated schema named SCHEMA_TOKEN (PostgreSQL). */
  pgScript?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    crmTestRun: TestRun | null;
  }
}

export const SCHEMA_TOKEN = '__crm_test_schema__';
const RUNS_DIR = path.join(os.tmpdir(), 'crm-test-runs');
const SCHEMA_NAME = /^crm_(tpl|seed|t)_([a-z0-9]+)(?:_|$)/;

export function lockName(runId: string): string {
  return `crm-test-run:${runId}`;
}

let current: TestRun | null | undefined;

/** The run's templates, or null outside a run prepared by the global setup (tests then migrate and seed). */
export function testRun(): TestRun | null {
  if (current === undefined) {
    try {
      current = inject('crmTestRun') ?? null;
    } catch {
      current = null;
    }
  }
  return current;
}

let sqliteImage: Buffer | undefined;

/** The migrated SQLite image, read once per process. */
export function migratedSqliteImage(): Buffer | undefined {
  const file = testRun()?.sqliteImage;
  if (!file) return undefined;
  return (sqliteImage ??= fs.readFileSync(file));
}

let adminPool: pg.Pool | undefined;

/** One small pool per process for creating and dropping test schemas (it lets the process exit when idle). */
export function pgAdmin(url: string): pg.Pool {
  if (!adminPool) {
    adminPool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 2000, allowExitOnIdle: true });
    adminPool.on('error', () => undefined);
  }
  return adminPool;
}

export function newSchemaName(kind: 't' | 'seed'): string {
  const run = testRun();
  const suffix = crypto.randomBytes(6).toString('hex');
  return run ? `crm_${kind}_${run.id}_${suffix}` : `t_${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Global setup side (the main vitest process)

const run = promisify(execFile);

/**
 * Makes the run's directory and templates for the dialects it covers; `claim` takes the run's lock
 * before any schema of the run exists.
 */
export async function prepareRun(
  dialects: Dialect[],
  pgUrl: string,
  claim: (runId: string) => Promise<void>,
): Promise<TestRun> {
  removeDeadRunDirs();
  const id = `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
  const dir = path.join(RUNS_DIR, id);
  fs.mkdirSync(path.join(dir, 'seeds'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
  const out: TestRun = { id, dir };
  if (dialects.includes('sqlite')) out.sqliteImage = await buildSqliteImage(dir);
  if (dialects.includes('postgres')) {
    await claim(id);
    out.pgScript = await buildPgScript(id, pgUrl);
  }
  return out;
}

async function buildSqliteImage(dir: string): Promise<string> {
  const database = createDatabase({ sqliteFile: ':memory:' });
  const file = path.join(dir, 'migrated.sqlite');
  try {
    await migrateToLatest(database);
    await sql`vacuum into ${sql.lit(file)}`.execute(database.db);
  } finally {
    await database.close();
  }
  return file;
}

/**
 * Migrates the template schema and dumps it (tables, indexes, functions, rows and sequences) as a
 * script with the schema's name replaced by SCHEMA_TOKEN. Without a usable pg_dump there is no
 * script, and each test migrates its own schema as before.
 */
async function buildPgScript(runId: string, url: string): Promise<string | undefined> {
  const schema = `crm_tpl_${runId}`;
  const admin = pgAdmin(url);
  await admin.query(`create schema ${schema}`);
  const database = createDatabase({ url, pgSchema: schema, poolSize: 2 });
  try {
    await migrateToLatest(database);
  } finally {
    await database.close();
  }
  try {
    const { stdout } = await run(
      'pg_dump',
      ['--dbname', url, '--schema', schema, '--inserts', '--no-owner', '--no-privileges', '--no-comments'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout
      .split('\n')
      .filter((line) => !line.startsWith('\\') && !line.startsWith('--'))
      .join('\n')
      .replaceAll(schema, SCHEMA_TOKEN);
  } catch (err) {
    console.log(`pg_dump unavailable (${(err as Error).message.split('\n')[0]}): each test migrates its own schema`);
    return undefined;
  }
}

/** Drops everything the run made. */
export async function finishRun(testRunInfo: TestRun, url: string | undefined): Promise<void> {
  if (url) await dropRunSchemas(url, (runId) => runId === testRunInfo.id);
  fs.rmSync(testRunInfo.dir, { recursive: true, force: true });
  await adminPool?.end().catch(() => undefined);
  adminPool = undefined;
}

/** Drops the schemas of the runs `whose` says, or (by default) of every run whose lock nobody holds. */
export async function dropRunSchemas(url: string, whose?: (runId: string) => boolean): Promise<void> {
  const admin = pgAdmin(url);
  const { rows } = await admin.query<{ name: string }>(
    `select nspname as name from pg_namespace where nspname ~ '^crm_(tpl|seed|t)_'`,
  );
  const byRun = new Map<string, string[]>();
  for (const { name } of rows) {
    const runId = SCHEMA_NAME.exec(name)?.[2];
    if (runId) byRun.set(runId, [...(byRun.get(runId) ?? []), name]);
  }
  for (const [runId, schemas] of byRun) {
    const client = await admin.connect();
    try {
      if (whose) {
        if (!whose(runId)) continue;
      } else {
        const free = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
          lockName(runId),
        ]);
        if (!free.rows[0]?.ok) continue; // a live run
      }
      for (const s of schemas) await client.query(`drop schema if exists ${s} cascade`);
      if (!whose) await client.query('select pg_advisory_unlock(hashtext($1))', [lockName(runId)]);
    } finally {
      client.release();
    }
  }
}

/** Directories of runs whose process is gone (or that are a day old). */
function removeDeadRunDirs(): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(RUNS_DIR);
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = path.join(RUNS_DIR, name);
    try {
      const age = Date.now() - fs.statSync(dir).mtimeMs;
      const pid = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
      if (age > 24 * 3600_000 || (age > 60_000 && !alive(pid))) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // a directory being written or removed by someone else
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
