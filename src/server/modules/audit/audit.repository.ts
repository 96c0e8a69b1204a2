import type { z } from 'zod';
import type { AuditEntry, AuditQuery } from '../../../shared/contracts/audit.js';
import { fromJson } from '../../db/sql-helpers.js';
import { cursorPart, decodeCursor, pageOf } from '../../http/pagination.js';
import type { Db } from '../../platform/transaction.js';
import { countAll } from '../../db/sql-helpers.js';

export async function listAudit(db: Db, workspaceId: string, q: z.output<typeof AuditQuery>) {
  let query = db.selectFrom('audit_log').where('workspace_id', '=', workspaceId);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('created_at', '>=', new Date(q.from).toISOString());
  if (q.to) query = query.where('created_at', '<', new Date(q.to).toISOString());
  const total = q.includeTotal
    ? Number((await query.select(countAll().as('n')).executeTakeFirst())?.n ?? 0)
    : undefined;
  const after = decodeCursor(q.cursor, [cursorPart.instant, cursorPart.id]);
  let pageQuery = query.selectAll();
  if (after) {
    const [ts, id] = after as [string, string];
    pageQuery = pageQuery.where((eb) =>
      eb.or([eb('created_at', '<', ts), eb.and([eb('created_at', '=', ts), eb('id', '<', id)])]),
    );
  }
  const rows = await pageQuery
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.created_at, r.id]);
  return {
    items: items.map((r): AuditEntry => ({
      id: r.id,
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      changes: fromJson<Record<string, unknown> | null>(r.changes, null),
      ip: r.ip,
      userAgent: r.user_agent,
      createdAt: r.created_at,
    })),
    nextCursor,
    ...(total !== undefined ? { total } : {}),
  };
}

/** Deletes entries older than each workspace's retention; returns how many went. */
export async function purgeAudit(db: Db, workspaceId: string, olderThan: string): Promise<number> {
  const res = await db
    .deleteFrom('audit_log')
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '<', olderThan)
    .executeTakeFirst();
  return Number(res.numDeletedRows ?? 0);
}
