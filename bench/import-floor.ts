import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { v7 } from 'uuid';
import { createDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { nameColumns } from '../src/server/modules/contacts/contacts-bulk-prepare.js';
import { searchDocument } from '../src/server/modules/contacts/search-document.js';
import { emailFor, generatePerson } from './generate/people.js';
import { generatePhone } from './generate/phones.js';
import { Rng } from './generate/prng.js';
import { DEFAULT_PG_URL, pgDatabaseUrl } from './generate/dataset.js';

/**
 * The import's floor: the rows an import of new contacts writes (contact, email, phone, search
 * document), inserted with plain SQL into a new database built by the app's migrations, with no
 * parsing, validation, duplicate check or bookkeeping. Whatever the import does on top costs more;
 * this is the most rows a second this machine can take into this schema.
 *
 *   npm run bench:import-floor -- --db sqlite|postgres [--rows 100000] [--batch 1000]
 *     [--connections 1] [--preload 0] [--cache-mb 32] [--without fts,search-indexes,contact-indexes,child-indexes]
 *
 * --preload writes that many contacts first, untimed (the floor at a scale); --connections splits
 * the rows between PostgreSQL connections writing at once; --without drops parts of the schema
 * to show what each costs (the app cannot do without them).
 */
const { values: o } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    rows: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '1' },
    preload: { type: 'string', default: '0' },
    'cache-mb': { type: 'string', default: '32' },
    without: { type: 'string', default: '' },
    'pg-url': { type: 'string' },
  },
});
const rowsWanted = Number(o.rows);
const batch = Number(o.batch);
const connections = Number(o.connections);
const preload = Number(o.preload);
const without = new Set(o.without.split(',').filter(Boolean));
const NOW = new Date().toISOString();

interface FloorRow {
  contact: unknown[];
  email: unknown[];
  phone: unknown[];
  search: unknown[];
}

/** Contacts as the benchmark's import file describes them, turned into the values each table gets. */
function* rowsOf(workspaceId: string, count: number, seed: number): Generator<FloorRow> {
  const rng = new Rng(seed);
  for (let i = 0; i < count; i++) {
    const p = generatePerson(rng);
    const phone = generatePhone(rng, p.isExpat);
    const email = emailFor(rng, p, 7 * (200_000_000 + seed * 10_000_000 + i));
    const names = nameColumns(p.firstName, p.lastName);
    const id = v7();
    yield {
      contact: [
        id,
        workspaceId,
        NOW,
        NOW,
        names.first_name,
        names.last_name,
        names.full_name,
        names.name_key,
        names.name_skeleton,
        email,
        phone.e164,
      ],
      email: [v7(), workspaceId, NOW, NOW, id, email],
      phone: [v7(), workspaceId, NOW, NOW, id, phone.e164, phone.raw],
      search: [id, workspaceId, searchDocument(names.full_name, [email], phone.searchForms, null)],
    };
  }
}

/** The statements that take away what --without names; `fullText` drops the full-text index's upkeep. */
function dropStatements(fullText: string, indexesOf: (table: string) => string[]): string[] {
  const out: string[] = [];
  if (without.has('fts')) out.push(fullText);
  if (without.has('search-indexes'))
    out.push('drop index contact_search_ws_prefix_idx', 'drop index contact_search_ws_second_idx');
  if (without.has('contact-indexes')) out.push(...indexesOf('contacts').map((i) => `drop index ${i}`));
  if (without.has('child-indexes'))
    out.push(...['contact_emails', 'contact_phones'].flatMap(indexesOf).map((i) => `drop index ${i}`));
  return out;
}

async function prepareSchema(where: { url?: string; sqliteFile?: string }): Promise<string> {
  const database = createDatabase(where);
  await migrateToLatest(database);
  const workspaceId = v7();
  await database.db
    .insertInto('workspaces')
    .values({
      id: workspaceId,
      slug: `floor-${workspaceId}`,
      name: 'Floor',
      template: 'school',
      timezone: 'Asia/Jakarta',
      phone_region: 'ID',
      currency: 'IDR',
      locale: 'id',
      settings: '{}',
      created_at: NOW,
      updated_at: NOW,
    } as never)
    .execute();
  await database.close();
  return workspaceId;
}

const CONTACT_COLUMNS =
  'id, workspace_id, created_at, updated_at, first_name, last_name, full_name, name_key, name_skeleton, primary_email, primary_phone, version, do_not_contact, custom';

async function sqliteFloor(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-floor-'));
  const file = path.join(dir, 'floor.sqlite');
  try {
    const workspaceId = await prepareSchema({ sqliteFile: file });
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${Number(o['cache-mb']) * 1000}`);
    const indexesOf = (t: string) =>
      (
        db
          .prepare(`select name from sqlite_master where type = 'index' and tbl_name = ? and sql is not null`)
          .all(t) as Array<{ name: string }>
      ).map((r) => r.name);
    for (const s of dropStatements('drop trigger contact_search_ai', indexesOf)) db.exec(s);
    const contact = db.prepare(`insert into contacts (${CONTACT_COLUMNS}) values (?,?,?,?,?,?,?,?,?,?,?,1,0,'{}')`);
    const email = db.prepare(
      'insert into contact_emails (id, workspace_id, created_at, updated_at, contact_id, email, is_primary) values (?,?,?,?,?,?,1)',
    );
    const phone = db.prepare(
      'insert into contact_phones (id, workspace_id, created_at, updated_at, contact_id, e164, raw, is_primary) values (?,?,?,?,?,?,?,1)',
    );
    const search = db.prepare('insert into contact_search (contact_id, workspace_id, document) values (?,?,?)');
    const write = db.transaction((rows: FloorRow[]) => {
      for (const r of rows) {
        contact.run(r.contact);
        email.run(r.email);
        phone.run(r.phone);
        search.run(r.search);
      }
    });
    const run = (count: number, seed: number) => {
      for (const rows of batches(rowsOf(workspaceId, count, seed))) write(rows);
    };
    run(preload, 1);
    const pending = [...batches(rowsOf(workspaceId, rowsWanted, 2))];
    // the app checkpoints on a worker thread, beside the writes: here nothing is copied back while
    // timed (the log of the preload is emptied first), so the floor is the writes' alone
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    const t = performance.now();
    for (const rows of pending) write(rows);
    const seconds = (performance.now() - t) / 1000;
    db.close();
    return seconds;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function* batches(rows: Iterable<FloorRow>): Generator<FloorRow[]> {
  let out: FloorRow[] = [];
  for (const r of rows) {
    out.push(r);
    if (out.length === batch) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

/** One batch a statement per table (arrays unnested), in one transaction. */
async function pgWrite(client: pg.Client, rows: FloorRow[]): Promise<void> {
  const columns = (pick: (r: FloorRow) => unknown[], n: number) =>
    Array.from({ length: n }, (_, k) => rows.map((r) => pick(r)[k]));
  await client.query('begin');
  await client.query(
    `insert into contacts (${CONTACT_COLUMNS}) select * , 1, false, '{}'::jsonb from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
    columns((r) => r.contact, 11),
  );
  await client.query(
    'insert into contact_emails (id, workspace_id, created_at, updated_at, contact_id, email, is_primary) select *, true from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::uuid[], $6::text[])',
    columns((r) => r.email, 6),
  );
  await client.query(
    'insert into contact_phones (id, workspace_id, created_at, updated_at, contact_id, e164, raw, is_primary) select *, true from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[])',
    columns((r) => r.phone, 7),
  );
  await client.query(
    'insert into contact_search (contact_id, workspace_id, document) select * from unnest($1::uuid[], $2::uuid[], $3::text[])',
    columns((r) => r.search, 3),
  );
  await client.query('commit');
}

async function postgresFloor(): Promise<number> {
  const base = o['pg-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
  const name = 'crm_import_floor';
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  const url = pgDatabaseUrl(base, name);
  try {
    const workspaceId = await prepareSchema({ url });
    const clients = await Promise.all(
      Array.from({ length: connections }, async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    const indexesOf = async (t: string) =>
      (
        await clients[0].query(
          `select indexname from pg_indexes where tablename = $1 and indexdef not like '%UNIQUE%'`,
          [t],
        )
      ).rows.map((r) => r.indexname as string);
    const names = new Map<string, string[]>();
    for (const t of ['contacts', 'contact_emails', 'contact_phones']) names.set(t, await indexesOf(t));
    for (const s of dropStatements('drop index contact_search_vector_idx', (t) => names.get(t) ?? []))
      await clients[0].query(s);
    for (const rows of batches(rowsOf(workspaceId, preload, 1))) await pgWrite(clients[0], rows);
    await clients[0].query('checkpoint');
    const pending = [...batches(rowsOf(workspaceId, rowsWanted, 2))];
    const t = performance.now();
    await Promise.all(
      clients.map(async (c) => {
        for (let next = pending.shift(); next; next = pending.shift()) await pgWrite(c, next);
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    await Promise.all(clients.map((c) => c.end()));
    return seconds;
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

const seconds = o.db === 'postgres' ? await postgresFloor() : await sqliteFloor();
const setting = [
  `batch ${batch}`,
  o.db === 'postgres' ? `${connections} connection(s)` : `cache ${o['cache-mb']} MB`,
  preload ? `after ${preload.toLocaleString('en')} contacts` : 'empty workspace',
  without.size ? `without ${[...without].join(', ')}` : 'full schema',
];
console.log(
  `import floor on ${o.db} (${setting.join('; ')}): ${rowsWanted.toLocaleString('en')} contacts in ${seconds.toFixed(1)} s = ${Math.round(rowsWanted / seconds).toLocaleString('en')} rows/s`,
);
