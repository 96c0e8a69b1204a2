import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../src/server/db/database.js';
import { migrateToLatest, migrationStatus } from '../../src/server/db/migrator.js';

const MIGRATIONS_DIR = path.resolve('src/server/db/migrations');

/** Each migration file's content hash, by migration name. */
export function migrationHashes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((x) => /^\d{12}_.+\.ts$/.test(x))
    .sort()) {
    out[f.replace(/\.ts$/, '')] = crypto
      .createHash('sha1')
      .update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)))
      .digest('hex')
      .slice(0, 12);
  }
  return out;
}

/**
 * Whether a cached dataset can still be used, and if so brings it up to date: every migration it
 * has must still exist unchanged (migrations are edited while a feature is young), and new ones must
 * sort after its last (the migrator refuses others). New ones are applied here, backfills included,
 * and recorded. Returns a reason when the dataset must be generated again.
 */
export async function refreshDataset(
  database: Database,
  recorded: Record<string, string> | string[],
): Promise<{ stale: string | null; hashes: Record<string, string> }> {
  const current = migrationHashes();
  const applied = (await migrationStatus(database)).filter((m) => m.executedAt).map((m) => m.name);
  const known = Array.isArray(recorded) ? null : recorded;
  for (const name of applied) {
    if (!current[name]) return { stale: `migration ${name} it has was removed`, hashes: current };
    if (known && known[name] && known[name] !== current[name])
      return { stale: `migration ${name} changed since`, hashes: current };
  }
  const last = applied[applied.length - 1] ?? '';
  const early = Object.keys(current).filter((n) => !applied.includes(n) && n < last);
  if (early.length) return { stale: `migration(s) ${early.join(', ')} sort before its last one`, hashes: current };
  await migrateToLatest(database);
  return { stale: null, hashes: current };
}

export async function saveManifest(database: Database, manifest: object): Promise<void> {
  await sql`create table if not exists bench_dataset (key text primary key, value text not null)`.execute(database.db);
  await sql`delete from bench_dataset where key = 'manifest'`.execute(database.db);
  await sql`insert into bench_dataset (key, value) values ('manifest', ${JSON.stringify(manifest)})`.execute(
    database.db,
  );
}
