import { sql } from 'kysely';
import { countAll } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

// SQL for notes (on contacts and companies) and their revisions.

export function findNoteRow(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('notes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Pinned first, then newest; keyset over (pinned, created_at, id). */
export async function listNoteRows(
  db: Db,
  workspaceId: string,
  entityType: string,
  entityId: string,
  limit: number,
  after: [number, string, string] | null,
) {
  let q = db
    .selectFrom('notes as n')
    .selectAll('n')
    .where('n.workspace_id', '=', workspaceId)
    .where('n.entity_type', '=', entityType)
    .where('n.entity_id', '=', entityId)
    .where('n.deleted_at', 'is', null);
  if (after) {
    const [pinned, createdAt, id] = after;
    q = q.where(
      sql<boolean>`(case when n.is_pinned then 1 else 0 end < ${pinned} or (case when n.is_pinned then 1 else 0 end = ${pinned} and (n.created_at < ${createdAt} or (n.created_at = ${createdAt} and n.id < ${id}))))`,
    );
  }
  return q
    .orderBy('n.is_pinned', 'desc')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function revisionCounts(db: Db, workspaceId: string, noteIds: string[]): Promise<Map<string, number>> {
  if (!noteIds.length) return new Map();
  const rows = await db
    .selectFrom('note_revisions')
    .select(['note_id', countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('note_id', 'in', noteIds)
    .groupBy('note_id')
    .execute();
  return new Map(rows.map((r) => [r.note_id, Number(r.n)]));
}

export function listRevisionRows(db: Db, workspaceId: string, noteId: string) {
  return db
    .selectFrom('note_revisions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('note_id', '=', noteId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
