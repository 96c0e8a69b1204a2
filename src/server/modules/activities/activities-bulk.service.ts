import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Activity, ActivityQuery } from '../../../shared/contracts/activities.js';
import type { Task, TaskQuery } from '../../../shared/contracts/tasks.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { pagesReadAhead } from '../../http/pagination.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { activitySnapshot, toActivity } from './activity-mapper.js';
import { assertActivityTiming } from './activity-rules.js';
import { listActivityTypes } from './activity-types.repository.js';
import { deleteActivityRow, findActivity, insertActivities, type ActivityRow } from './activities.repository.js';
import { listActivitiesFor } from './activities.service.js';
import { findContactRefs } from '../contacts/contact-refs.service.js';
import { listTasksFor } from './tasks/task-views.service.js';

/**
 * Activities many at a time (imports) with the rules of activities.service.ts: a known, live type,
 * a contact of the workspace, a logged activity not in the future, a next action not before it.
 * Rows are inserted together; each still gets its `activity.created` event, because the contact's
 * timeline is projected from those events. One audit entry per batch.
 */

export interface ActivityDraft {
  /** Type key or name. */
  type?: string;
  contactId?: string;
  title?: string;
  description?: string;
  status?: 'done' | 'scheduled';
  occurredAt?: string;
  durationMinutes?: number;
  outcome?: string;
  outcomeNote?: string;
  nextAction?: string;
  nextActionAt?: string;
}

export interface ActivityProblem {
  field: string;
  message: string;
}

export interface ActivityImportContext {
  types: Map<string, { id: string }>;
  typeNames: string[];
}

const OUTCOMES = new Set(['successful', 'no_answer', 'follow_up_required', 'custom']);
const loose = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

export async function loadActivityImportContext(db: Db, workspaceId: string): Promise<ActivityImportContext> {
  const rows = await listActivityTypes(db, workspaceId, false);
  const types = new Map<string, { id: string }>();
  for (const t of rows) {
    types.set(loose(t.name), { id: t.id });
    types.set(loose(t.key), { id: t.id });
  }
  return { types, typeNames: rows.map((t) => t.name) };
}

/** Validates one activity row and builds its record; writes nothing. `now` decides what "the future" is. */
export function prepareActivity(
  actx: ActivityImportContext,
  actor: Actor,
  d: ActivityDraft,
  now: Date,
): ActivityRow | ActivityProblem[] {
  const problems: ActivityProblem[] = [];
  const type = d.type ? actx.types.get(loose(d.type)) : undefined;
  if (!type)
    problems.push({
      field: 'type',
      message: d.type
        ? `Unknown activity type "${d.type}" (types: ${actx.typeNames.join(', ')})`
        : 'Choose an activity type',
    });
  if (!d.contactId) problems.push({ field: 'contact', message: 'No contact of this workspace matches this row' });
  const title = d.title?.trim();
  if (!title) problems.push({ field: 'title', message: 'Give the activity a title' });
  if (d.outcome !== undefined && !OUTCOMES.has(d.outcome))
    problems.push({ field: 'outcome', message: `Outcome must be one of ${[...OUTCOMES].join(', ')}` });
  if (
    d.durationMinutes !== undefined &&
    !(Number.isInteger(d.durationMinutes) && d.durationMinutes >= 0 && d.durationMinutes <= 1440)
  )
    problems.push({ field: 'durationMinutes', message: 'Duration is whole minutes, at most 1440' });
  const status = d.status ?? 'done';
  const occurredAt = d.occurredAt ?? now.toISOString();
  try {
    assertActivityTiming({ status, occurredAt, nextActionAt: d.nextActionAt ?? null }, now);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problems.push({ field: err.extra.field ?? 'occurredAt', message: err.extra.errors?.[0]?.message ?? err.message });
  }
  if (problems.length) return problems;
  const iso = now.toISOString();
  return {
    id: newId(),
    workspace_id: actor.workspaceId,
    type_id: type!.id,
    contact_id: d.contactId!,
    deal_id: null,
    title: title!.slice(0, 255),
    description: d.description ?? null,
    status,
    occurred_at: occurredAt,
    duration_minutes: d.durationMinutes ?? null,
    outcome: d.outcome ?? null,
    outcome_note: d.outcomeNote?.slice(0, 255) ?? null,
    next_action: d.nextAction?.slice(0, 500) ?? null,
    next_action_at: d.nextActionAt ?? null,
    is_confidential: false,
    created_by: actor.kind === 'user' ? actor.id : null,
    ip: actor.ip ?? null,
    completed_at: status === 'done' ? iso : null,
    version: 1,
    created_at: iso,
    updated_at: iso,
  };
}

/** Which of these contact ids exist in the workspace (rows naming others fail). */
export async function existingContactIds(db: Db, workspaceId: string, ids: string[]): Promise<Set<string>> {
  return new Set((await findContactRefs(db, workspaceId, [...new Set(ids)])).map((c) => c.id));
}

/** Inserts prepared activities and emits each one's event (their timeline entries come from it). */
export async function insertActivityBatch(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  rows: ActivityRow[],
  now: string,
): Promise<string[]> {
  await insertActivities(trx, rows);
  const companies = new Map(
    (await findContactRefs(trx, actor.workspaceId, [...new Set(rows.map((r) => r.contact_id))])).map((c) => [
      c.id,
      c.companyId,
    ]),
  );
  for (const row of rows) {
    const view = toActivity((await findActivity(trx, actor.workspaceId, row.id))!, { showIp: false });
    const payload = {
      contactId: row.contact_id,
      dealId: row.deal_id,
      companyId: companies.get(row.contact_id) ?? null,
      occurredAt: row.occurred_at,
      activity: activitySnapshot(view),
      imported: true as const,
    };
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'activity.created', entityType: 'activity', entityId: row.id, payload },
      now,
    );
  }
  return rows.map((r) => r.id);
}

export async function recordActivityBatch(
  trx: Transaction<DB>,
  actor: Actor,
  ref: { importId: string; batchNo: number },
  created: number,
  now: string,
): Promise<void> {
  await recordAudit(
    trx,
    actor,
    {
      action: 'activity.imported',
      entityType: 'import',
      entityId: ref.importId,
      meta: { importId: ref.importId, batch: ref.batchNo, created },
    },
    now,
  );
}

/** Deletes the activities a batch created; each deletion's event removes its timeline entries. */
export async function undoActivityBatch(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  ref: { importId: string; batchNo: number },
  ids: string[],
  now: string,
): Promise<{ removed: number }> {
  let removed = 0;
  for (const id of ids) {
    const row = await findActivity(trx, actor.workspaceId, id);
    if (!row) continue;
    await deleteActivityRow(trx, actor.workspaceId, id);
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'activity.deleted',
        entityType: 'activity',
        entityId: id,
        payload: { contactId: row.contact_id, imported: true },
      },
      now,
    );
    removed++;
  }
  await recordAudit(
    trx,
    actor,
    {
      action: 'activity.import_undone',
      entityType: 'import',
      entityId: ref.importId,
      meta: { importId: ref.importId, batch: ref.batchNo, removed },
    },
    now,
  );
  return { removed };
}

/** Activities the actor may see matching a list query, a page at a time, for exports. */
export async function* activityExportPages(
  ctx: AppContext,
  actor: Actor,
  query: Omit<z.output<typeof ActivityQuery>, 'limit' | 'cursor'>,
  pageSize = 500,
): AsyncGenerator<Activity[]> {
  yield* pagesReadAhead(async (cursor: string | undefined) => {
    const page = await listActivitiesFor(ctx, actor, { ...query, limit: pageSize, cursor });
    return { items: page.items, next: page.nextCursor };
  });
}

/** Tasks the actor may see matching a list query, a page at a time, for exports. */
export async function* taskExportPages(
  ctx: AppContext,
  actor: Actor,
  query: Omit<z.output<typeof TaskQuery>, 'limit' | 'cursor'>,
  pageSize = 500,
): AsyncGenerator<Task[]> {
  yield* pagesReadAhead(async (cursor: string | undefined) => {
    const page = await listTasksFor(ctx, actor, { ...query, limit: pageSize, cursor });
    return { items: page.items, next: page.nextCursor };
  });
}
