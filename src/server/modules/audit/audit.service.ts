import { newId } from '../../db/ids.js';
import { toJson } from '../../db/sql-helpers.js';
import type { Actor } from '../../platform/actor.js';
import type { Db } from '../../platform/transaction.js';
import type { AuditChanges } from './audit.tables.js';

const SENSITIVE = /pass(word)?|secret|token|key_hash|api_?key|csrf|authorization|cookie/i;
const MASK = '••••••';

/** Masks secrets anywhere in a record before it is written to the audit log. */
export function maskSensitive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSensitive);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SENSITIVE.test(k) ? (v == null ? v : MASK) : maskSensitive(v)]),
    );
  }
  return value;
}

export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
) {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    const a = before?.[k];
    const b = after?.[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) diff[k] = { from: a ?? null, to: b ?? null };
  }
  return diff;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  meta?: Record<string, unknown>;
}

/** Writes one audit row in the caller's transaction: who, what, when, from where, and the diff. */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry, at: string): Promise<void> {
  await auditInsert(db, actor, entry, at).execute();
}

/** The audit row's insert, not yet run (to go with other writes: see appendEvent's `together`). */
export function auditInsert(db: Db, actor: Actor, entry: AuditEntry, at: string) {
  const before = entry.before ? (maskSensitive(entry.before) as Record<string, unknown>) : null;
  const after = entry.after ? (maskSensitive(entry.after) as Record<string, unknown>) : null;
  const changes: AuditChanges = {
    before,
    after,
    diff: diffRecords(before, after),
    ...(entry.meta ? { meta: maskSensitive(entry.meta) } : {}),
  };
  return db.insertInto('audit_log').values({
    id: newId(),
    workspace_id: actor.workspaceId,
    actor_type: actor.kind,
    actor_id: actor.kind === 'system' ? null : actor.id,
    actor_name: actor.name,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    changes: toJson(changes),
    ip: actor.ip ?? null,
    user_agent: actor.userAgent ?? null,
    created_at: at,
  });
}
