import type { Insertable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Db } from '../../../platform/transaction.js';

export async function insertTimelineEntries(db: Db, rows: Insertable<DB['timeline_entries']>[]) {
  if (rows.length) await db.insertInto('timeline_entries').values(rows).execute();
}

export function findEntriesOfSource(db: Db, workspaceId: string, sourceType: string, sourceId: string) {
  return db
    .selectFrom('timeline_entries')
    .select(['id', 'subject_type', 'subject_id', 'occurred_at'])
    .where('workspace_id', '=', workspaceId)
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .execute();
}

export async function deleteEntriesOfSource(db: Db, workspaceId: string, sourceType: string, sourceId: string) {
  await db
    .deleteFrom('timeline_entries')
    .where('workspace_id', '=', workspaceId)
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .execute();
}

export interface TimelinePageQuery {
  subjectType: string;
  subjectId: string;
  kinds: string[] | null;
  /** Entries private to someone else are left out unless this is null (a manager). */
  viewerId: string | null;
  /** An agent's id on a shared record's timeline: only entries about the record itself or by this agent. */
  ownOrSubjectOnly?: string | null;
  after: [string, string] | null;
  limit: number;
}

/** Newest first by (occurred_at, id): one range of the subject index however long the history is. */
export function listTimeline(db: Db, workspaceId: string, q: TimelinePageQuery) {
  let query = db
    .selectFrom('timeline_entries as te')
    .innerJoin('events as e', 'e.id', 'te.event_id')
    .select([
      'te.id',
      'te.kind',
      'te.occurred_at',
      'te.private_to',
      'e.type',
      'e.entity_type',
      'e.entity_id',
      'e.actor_id',
      'e.payload',
    ])
    .where('te.workspace_id', '=', workspaceId)
    .where('te.subject_type', '=', q.subjectType)
    .where('te.subject_id', '=', q.subjectId);
  if (q.kinds?.length === 1) query = query.where('te.kind', '=', q.kinds[0]);
  else if (q.kinds?.length) query = query.where('te.kind', 'in', q.kinds);
  if (q.viewerId) {
    const me = q.viewerId;
    query = query.where((eb) => eb.or([eb('te.private_to', 'is', null), eb('te.private_to', '=', me)]));
  }
  if (q.ownOrSubjectOnly) {
    const me = q.ownOrSubjectOnly;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('e.entity_type', '=', q.subjectType), eb('e.entity_id', '=', q.subjectId)]),
        eb('e.actor_id', '=', me),
      ]),
    );
  }
  if (q.after) {
    const [at, id] = q.after;
    // `<=` first so both databases walk the index from the cursor instead of filtering from the top.
    query = query
      .where('te.occurred_at', '<=', at)
      .where((eb) => eb.or([eb('te.occurred_at', '<', at), eb('te.id', '<', id)]));
  }
  return query
    .orderBy('te.occurred_at', 'desc')
    .orderBy('te.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}
