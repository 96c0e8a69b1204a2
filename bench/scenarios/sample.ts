import { sql } from 'kysely';
import { dialectOf } from '../../src/server/db/dialect.js';
import { ANCHOR_MS, DAY_MS } from '../generate/plan.js';
import type { BenchContext } from './types.js';

export interface SampledContact {
  id: string;
  first_name: string;
  last_name: string | null;
  full_name: string;
  primary_phone: string | null;
  primary_email: string | null;
}

/** The id that sorts first among ids made at a moment (ids are UUIDv7: time-ordered). */
function idFloorAt(ms: number): string {
  const hex = Math.floor(ms).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * Live contacts spread evenly over the workspace's history, found by index seeks on the id (no
 * scans), the same ones on every run.
 */
export async function sampleContacts(b: BenchContext, count: number): Promise<SampledContact[]> {
  const start = ANCHOR_MS - 3 * 365 * DAY_MS;
  const out = new Map<string, SampledContact>();
  for (let k = 0; k < count; k++) {
    const row = await b.database.db
      .selectFrom('contacts')
      .select(['id', 'first_name', 'last_name', 'full_name', 'primary_phone', 'primary_email'])
      .where('workspace_id', '=', b.manifest.workspaceId)
      .where('deleted_at', 'is', null)
      .where('id', '>=', idFloorAt(start + ((k + 0.5) / count) * 3 * 365 * DAY_MS))
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (row && row.id !== b.manifest.heavyContactId) out.set(row.id, row);
  }
  return [...out.values()];
}

/** Numbers of 200 sampled contacts, for bodies that reuse a known number (the duplicate paths). */
export async function knownPhones(b: BenchContext): Promise<string[]> {
  return (await sampleContacts(b, 200)).map((c) => c.primary_phone).filter((p): p is string => Boolean(p));
}

/**
 * Removes contacts a scenario made, for good, with their addresses, tags, search rows, events,
 * timeline and audit entries, so repeated runs do not grow the cached dataset (an import's undo only
 * soft-deletes). Children go first, explicitly; the database's own foreign-key checks are off for
 * the purge. Rows referencing a contact are found by contact_id alone (every such table has an index
 * leading with it; adding workspace_id would let SQLite, planning without statistics, pick a
 * workspace-wide index instead); rows about it by workspace, type and id, as their indexes lead.
 */
export async function purgeContacts(b: BenchContext, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const { db, dialect } = b.database;
  const refs = (await dialectOf(db).listForeignKeys(db)).filter(
    (f) => f.references === 'contacts' && f.table !== 'contacts',
  );
  // rows about a contact by (entity|subject)_type and _id, under the workspace, as their indexes lead
  const byEntity: Array<[table: string, kind: string, column: string]> = [];
  for (const table of await dialectOf(db).listTables(db)) {
    const columns = await dialectOf(db).listColumns(db, table);
    for (const prefix of ['entity', 'subject'])
      if (columns.includes(`${prefix}_id`) && columns.includes(`${prefix}_type`))
        byEntity.push([table, `${prefix}_type`, `${prefix}_id`]);
  }
  const ws = b.manifest.workspaceId;
  if (dialect === 'sqlite') await sql`pragma foreign_keys = off`.execute(db);
  try {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await db.transaction().execute(async (trx) => {
        if (dialect === 'postgres') await sql`set local session_replication_role = replica`.execute(trx);
        for (const [table, kind, column] of byEntity)
          await sql`delete from ${sql.table(table)} where workspace_id = ${ws} and ${sql.ref(kind)} = 'contact' and ${sql.ref(column)} in (${sql.join(chunk)})`.execute(
            trx,
          );
        for (const f of refs)
          await sql`delete from ${sql.table(f.table)} where ${sql.ref(f.column)} in (${sql.join(chunk)})`.execute(trx);
        await sql`delete from contacts where id in (${sql.join(chunk)})`.execute(trx);
      });
    }
  } finally {
    if (dialect === 'sqlite') await sql`pragma foreign_keys = on`.execute(db);
  }
  // PostgreSQL's autovacuum may be off (it is on the benchmark machine): without this each run
  // left its rows dead in contacts and their tables, and the next run's reads waded through them
  if (dialect === 'postgres')
    await sql`vacuum (analyze) ${sql.join([...new Set(['contacts', ...refs.map((f) => f.table)])].map((t) => sql.table(t)))}`.execute(
      db,
    );
}
