import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Workspace } from '../../src/shared/contracts/workspaces.js';
import type { Dialect } from '../../src/server/db/database.js';
import { seedDemoWorkspace } from '../../src/server/modules/workspaces/demo-seed.js';
import { ManualClock, systemClock, type Clock } from '../../src/server/platform/clock.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { TEST_DATABASE_URL } from './databases.js';
import { newSchemaName, pgAdmin, testRun } from './templates.js';

/**
 * The demo seed, copied instead of run where it can be. The first test of a run that seeds a
 * template (on a database still as migrated) runs the real seed, noting what it depends on: the
 * clock's time (a ManualClock's, or "the system clock") and the config values it read. It then
 * keeps a copy of the rows the seed wrote (a schema on PostgreSQL, a file on SQLite) and publishes
 * it to the run's directory. A later seed with the same template, clock and values, on a database
 * whose tables hold what the first one's held before seeding, gets those rows copied in, exactly as
 * stored (ids, timestamps, password hashes), in one statement per table. Anything else (another
 * clock, a database already changed, rows the copy could not reproduce such as tables with
 * triggers or a sequence that moved) runs the real seed.
 */
type Template = Parameters<typeof seedDemoWorkspace>[1];
type Db = Kysely<any>;

interface Snapshot {
  dialect: Dialect;
  template: Template;
  clock: string;
  /** Config values the seed read. */
  config: Record<string, unknown>;
  /** Row count of every table before seeding. */
  before: Record<string, number>;
  /** The tables the seed filled, parents first, with their stored (not generated) columns. */
  tables: Array<{ name: string; columns: string[] }>;
  /** The schema (PostgreSQL) or file (SQLite) holding the rows. */
  store: string;
  workspace: Workspace;
}

export interface SeedTarget {
  ctx: AppContext;
  /** The PostgreSQL schema of the test's database. */
  schema: string;
}

const loaded = new Map<string, Snapshot>();
/**
 * Snapshots copied into an app that is still open. Two apps open at once (a backup's source and
 * target) must not share ids, as two real seeds would not: the second gets another snapshot, made
 * by a real seed the first time.
 */
const inUse = new Map<string, AppContext>();

/** Called when a test app closes: its snapshot may be copied again. */
export function releaseSeed(ctx: AppContext): void {
  for (const [store, owner] of inUse) if (owner === ctx) inUse.delete(store);
}

export async function seedDemo(t: SeedTarget, template: Template): Promise<{ workspace: Workspace }> {
  const run = testRun();
  const clock = clockKey(t.ctx.clock);
  if (!run || !clock) return seedDemoWorkspace(t.ctx, template);
  const dialect = t.ctx.database.dialect;
  const before = await tableCounts(t.ctx.db, dialect);
  const snapshot = findSnapshot(run.dir, dialect, template, clock, t.ctx, before);
  if (snapshot) {
    inUse.set(snapshot.store, t.ctx);
    await copyIn(t, snapshot);
    return { workspace: structuredClone(snapshot.workspace) };
  }
  const read = new Map<string, unknown>();
  const config = new Proxy(t.ctx.config, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof key === 'string') read.set(key, value);
      return value;
    },
  });
  const result = await seedDemoWorkspace({ ...t.ctx, config }, template);
  const store = await keepSnapshot(
    t,
    run.dir,
    { dialect, template, clock, config: Object.fromEntries(read), before },
    result.workspace,
  );
  if (store) inUse.set(store, t.ctx);
  return result;
}

function clockKey(clock: Clock): string | undefined {
  if (clock === systemClock) return 'system';
  if (clock instanceof ManualClock) return `manual ${clock.now().toISOString()}`;
  return undefined;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function findSnapshot(
  dir: string,
  dialect: Dialect,
  template: Template,
  clock: string,
  ctx: AppContext,
  before: Record<string, number>,
): Snapshot | undefined {
  const matches = (s: Snapshot) =>
    !inUse.has(s.store) &&
    s.dialect === dialect &&
    s.template === template &&
    s.clock === clock &&
    Object.entries(s.config).every(
      ([k, v]) => JSON.stringify((ctx.config as Record<string, unknown>)[k]) === JSON.stringify(v),
    ) &&
    sameCounts(s.before, before);
  for (const s of loaded.values()) if (matches(s)) return s;
  const seeds = path.join(dir, 'seeds');
  for (const file of fs.readdirSync(seeds)) {
    if (!file.endsWith('.json') || loaded.has(file)) continue;
    const s = JSON.parse(fs.readFileSync(path.join(seeds, file), 'utf8')) as Snapshot;
    loaded.set(file, s);
    if (matches(s)) return s;
  }
  return undefined;
}

async function tableNames(db: Db, dialect: Dialect): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)
      : await sql<{
          name: string;
        }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  return rows.map((r) => r.name);
}

async function tableCounts(db: Db, dialect: Dialect): Promise<Record<string, number>> {
  const names = await tableNames(db, dialect);
  const union = sql.join(
    names.map((n) => sql`select ${n} as name, count(*) as n from ${sql.id(n)}`),
    sql` union all `,
  );
  const { rows } = await sql<{ name: string; n: number | string }>`${union}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

async function keepSnapshot(
  t: SeedTarget,
  dir: string,
  key: Omit<Snapshot, 'tables' | 'store' | 'workspace'>,
  workspace: Workspace,
): Promise<string | undefined> {
  const db = t.ctx.db as Db;
  const after = await tableCounts(db, key.dialect);
  const filled = Object.keys(after).filter((n) => after[n] !== key.before[n]);
  // only tables that were empty, and were filled by inserts alone, copy back exactly
  if (filled.some((n) => key.before[n] !== 0 || after[n] === undefined)) return undefined;
  const tables = key.dialect === 'sqlite' ? await sqliteTables(db, filled) : await pgTables(db, filled);
  if (!tables) return undefined;
  const id = crypto.randomBytes(6).toString('hex');
  let store: string;
  if (key.dialect === 'sqlite') {
    store = path.join(dir, 'seeds', `${id}.sqlite`);
    await sql`vacuum into ${sql.lit(store)}`.execute(db);
  } else {
    store = newSchemaName('seed');
    await pgAdmin(TEST_DATABASE_URL).query(
      [
        `create schema ${store}`,
        ...tables.map((tb) => `create table ${store}.${tb.name} as table ${t.schema}.${tb.name}`),
      ].join(';\n'),
    );
  }
  const snapshot: Snapshot = { ...key, tables, store, workspace };
  const file = path.join(dir, 'seeds', `${id}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
  fs.renameSync(`${file}.tmp`, file);
  loaded.set(`${id}.json`, snapshot);
  return store;
}

/** The filled tables' columns; undefined when a trigger would write twice. (Foreign keys are deferred.) */
async function sqliteTables(db: Db, names: string[]): Promise<Snapshot['tables'] | undefined> {
  const triggers = await sql<{ t: string }>`select tbl_name as t from sqlite_master where type = 'trigger'`.execute(db);
  if (triggers.rows.some((r) => names.includes(r.t))) return undefined;
  const out: Snapshot['tables'] = [];
  for (const name of names) {
    const cols = await sql<{
      name: string;
      hidden: number;
    }>`select name, hidden from pragma_table_xinfo(${name})`.execute(db);
    out.push({ name, columns: cols.rows.filter((c) => c.hidden === 0).map((c) => c.name) });
  }
  return out;
}

/**
 * The filled tables parents first, with their stored columns; undefined when a trigger would write
 * twice, a sequence moved (copied rows would not move it) or the foreign keys form a cycle.
 */
async function pgTables(db: Db, names: string[]): Promise<Snapshot['tables'] | undefined> {
  const triggers = await sql<{ t: string }>`
    select c.relname as t from pg_trigger g join pg_class c on c.oid = g.tgrelid
    where not g.tgisinternal and c.relnamespace = current_schema()::regnamespace`.execute(db);
  if (triggers.rows.some((r) => names.includes(r.t))) return undefined;
  const moved = await sql<{ n: number }>`
    select count(*)::int as n from pg_sequences where schemaname = current_schema() and last_value is not null`.execute(
    db,
  );
  if (moved.rows[0]?.n) return undefined;
  const fks = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace`.execute(db);
  const cols = await sql<{ t: string; c: string }>`
    select table_name as t, column_name as c from information_schema.columns
    where table_schema = current_schema() and is_generated = 'NEVER' order by table_name, ordinal_position`.execute(db);
  const ordered: string[] = [];
  const pending = new Set(names);
  while (pending.size) {
    const ready = [...pending].filter((n) =>
      fks.rows.every((fk) => fk.child !== n || fk.parent === n || !pending.has(fk.parent)),
    );
    if (!ready.length) return undefined;
    for (const n of ready.sort()) {
      ordered.push(n);
      pending.delete(n);
    }
  }
  return ordered.map((name) => ({ name, columns: cols.rows.filter((c) => c.t === name).map((c) => c.c) }));
}

async function copyIn(t: SeedTarget, s: Snapshot): Promise<void> {
  const list = (cols: string[]) => cols.map((c) => `"${c}"`).join(', ');
  if (s.dialect === 'postgres') {
    await pgAdmin(TEST_DATABASE_URL).query(
      s.tables
        .map(
          (tb) =>
            `insert into ${t.schema}.${tb.name} (${list(tb.columns)}) select ${list(tb.columns)} from ${s.store}.${tb.name}`,
        )
        .join(';\n'),
    );
    return;
  }
  await (t.ctx.db as Db).connection().execute(async (conn) => {
    await sql`attach database ${s.store} as crm_seed`.execute(conn);
    try {
      await sql`begin`.execute(conn);
      try {
        await sql`pragma defer_foreign_keys = on`.execute(conn);
        for (const tb of s.tables)
          await sql
            .raw(
              `insert into main."${tb.name}" (${list(tb.columns)}) select ${list(tb.columns)} from crm_seed."${tb.name}"`,
            )
            .execute(conn);
        await sql`commit`.execute(conn);
      } catch (err) {
        await sql`rollback`.execute(conn);
        throw err;
      }
    } finally {
      await sql`detach database crm_seed`.execute(conn);
    }
  });
}
