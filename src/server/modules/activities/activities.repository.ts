import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { ActivityQuery } from '../../../shared/contracts/activities.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/transaction.js';

export type ActivityRow = DB['activities'];

/** Who may see what: agents their own records (unless the workspace allows all); confidential rows only to their author and managers. */
export interface ActivityVisibility {
  userId: string;
  ownerOnly: boolean;
  seesConfidential: boolean;
}

function selectActivities(db: Db, workspaceId: string) {
  return db
    .selectFrom('activities as a')
    .innerJoin('activity_types as t', 't.id', 'a.type_id')
    .leftJoin('contacts as c', 'c.id', 'a.contact_id')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .selectAll('a')
    .select([
      't.key as type_key',
      't.name as type_name',
      't.icon as type_icon',
      't.color as type_color',
      'c.full_name as contact_name',
      'c.owner_id as contact_owner_id',
      'u.name as author_name',
    ])
    .where('a.workspace_id', '=', workspaceId);
}
export type ActivityListRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>;

function visible<QB extends ReturnType<typeof selectActivities>>(qb: QB, v: ActivityVisibility): QB {
  let q = qb;
  if (v.ownerOnly)
    q = q.where((eb) => eb.or([eb('a.created_by', '=', v.userId), eb('c.owner_id', '=', v.userId)])) as QB;
  if (!v.seesConfidential)
    q = q.where((eb) => eb.or([eb('a.is_confidential', '=', false), eb('a.created_by', '=', v.userId)])) as QB;
  return q;
}

export function findActivity(db: Db, workspaceId: string, id: string) {
  return selectActivities(db, workspaceId).where('a.id', '=', id).executeTakeFirst();
}

export function findVisibleActivity(db: Db, workspaceId: string, id: string, v: ActivityVisibility) {
  return visible(selectActivities(db, workspaceId).where('a.id', '=', id), v).executeTakeFirst();
}

export async function listActivities(
  db: Db,
  workspaceId: string,
  q: z.output<typeof ActivityQuery>,
  typeIds: string[] | null,
  v: ActivityVisibility,
  after: [string, string] | null,
) {
  let query = visible(selectActivities(db, workspaceId), v);
  if (q.contactId) query = query.where('a.contact_id', '=', q.contactId);
  if (q.dealId) query = query.where('a.deal_id', '=', q.dealId);
  if (typeIds) query = query.where('a.type_id', 'in', typeIds);
  if (q.userId) query = query.where('a.created_by', '=', q.userId);
  if (q.outcome) query = query.where('a.outcome', '=', q.outcome);
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.from) query = query.where('a.occurred_at', '>=', q.from);
  if (q.to) query = query.where('a.occurred_at', '<', q.to);
  const total = q.includeTotal
    ? await query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    : undefined;
  if (after) {
    const [at, id] = after;
    query = query
      .where('a.occurred_at', '<=', at)
      .where((eb) => eb.or([eb('a.occurred_at', '<', at), eb('a.id', '<', id)]));
  }
  const rows = await query
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return { rows, total: total ? Number(total.n) : undefined };
}

export async function insertActivities(db: Db, rows: Insertable<DB['activities']>[]) {
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('activities')
      .values(rows.slice(i, i + 100))
      .execute();
}

export async function updateActivityRow(
  db: Db,
  workspaceId: string,
  id: string,
  version: number,
  patch: Partial<ActivityRow>,
) {
  const res = await db
    .updateTable('activities')
    .set({ ...patch, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteActivityRow(db: Db, workspaceId: string, id: string) {
  await db.deleteFrom('activities').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function findActivitySettings(db: Db, workspaceId: string) {
  return db.selectFrom('activity_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
}

export async function insertActivitySettings(db: Db, workspaceId: string, nextActionCreatesTask: boolean, now: string) {
  await db
    .insertInto('activity_settings')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      next_action_creates_task: nextActionCreatesTask,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({ next_action_creates_task: nextActionCreatesTask, updated_at: now }),
    )
    .execute();
}
