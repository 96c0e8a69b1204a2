import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { TaskQuery } from '../../../../shared/contracts/tasks.js';
import type { DB } from '../../../db/schema.js';
import type { Db } from '../../../platform/transaction.js';

export type TaskRow = DB['tasks'];

function selectTasks(db: Db, workspaceId: string) {
  return db
    .selectFrom('tasks as t')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .leftJoin('users as cb', 'cb.id', 't.created_by')
    .leftJoin('contacts as c', 'c.id', 't.contact_id')
    .selectAll('t')
    .select(['a.name as assignee_name', 'cb.name as creator_name', 'c.full_name as contact_name'])
    .where('t.workspace_id', '=', workspaceId);
}
export type TaskListRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

export function findTaskWithRefs(db: Db, workspaceId: string, id: string) {
  return selectTasks(db, workspaceId).where('t.id', '=', id).executeTakeFirst();
}

export function findTask(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface TaskListFilter {
  query: z.output<typeof TaskQuery>;
  /** Only tasks of this assignee. */
  assigneeId: string | null;
  /** Agents: only tasks assigned to or created by this user. */
  ownerOnly: string | null;
  isOpen: boolean | null;
  statuses: string[] | null;
  dueFrom: string | null;
  dueBefore: string | null;
  /** Cursor: [due_at | null, id] of the last row. */
  after: [string | null, string] | null;
}

/** Ordered by due time (undated last), then id; keyset pagination. */
export async function listTasks(db: Db, workspaceId: string, f: TaskListFilter) {
  const q = f.query;
  let query = selectTasks(db, workspaceId);
  if (f.assigneeId) query = query.where('t.assignee_id', '=', f.assigneeId);
  if (f.isOpen !== null) query = query.where('t.is_open', '=', f.isOpen);
  if (f.statuses) query = query.where('t.status', 'in', f.statuses as TaskRow['status'][]);
  if (f.ownerOnly) {
    const me = f.ownerOnly;
    query = query.where((eb) => eb.or([eb('t.assignee_id', '=', me), eb('t.created_by', '=', me)]));
  }
  if (q.contactId) query = query.where('t.contact_id', '=', q.contactId);
  if (q.dealId) query = query.where('t.deal_id', '=', q.dealId);
  if (q.priority) query = query.where('t.priority', '=', q.priority);
  if (q.type) query = query.where('t.type', '=', q.type);
  if (f.dueFrom) query = query.where('t.due_at', '>=', f.dueFrom);
  if (f.dueBefore) query = query.where('t.due_at', '<', f.dueBefore);
  const total = q.includeTotal
    ? await query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    : undefined;
  const dated = Boolean(f.dueFrom || f.dueBefore);
  if (f.after) {
    const [due, id] = f.after;
    query =
      due === null
        ? query.where('t.due_at', 'is', null).where('t.id', '>', id)
        : dated
          ? query.where('t.due_at', '>=', due).where((eb) => eb.or([eb('t.due_at', '>', due), eb('t.id', '>', id)]))
          : query.where((eb) =>
              eb.or([
                eb('t.due_at', '>', due),
                eb.and([eb('t.due_at', '=', due), eb('t.id', '>', id)]),
                eb('t.due_at', 'is', null),
              ]),
            );
  }
  // With a due range there are no undated rows, so the plain order lets both databases walk the index.
  const ordered = dated ? query.orderBy('t.due_at', 'asc') : query.orderBy('t.due_at', (ob) => ob.asc().nullsLast());
  const rows = await ordered
    .orderBy('t.id', 'asc')
    .limit(q.limit + 1)
    .execute();
  return { rows, total: total ? Number(total.n) : undefined };
}

export async function insertTask(db: Db, row: Insertable<DB['tasks']>) {
  await db.insertInto('tasks').values(row).execute();
}

export async function updateTaskRow(db: Db, workspaceId: string, id: string, version: number, patch: Partial<TaskRow>) {
  const res = await db
    .updateTable('tasks')
    .set({ ...patch, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteTaskRow(db: Db, workspaceId: string, id: string) {
  await db.deleteFrom('tasks').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Claims the reminder of a task once: only while it is open, unsent, and still set to `remindAt`. */
export async function claimReminder(
  db: Db,
  workspaceId: string,
  id: string,
  remindAt: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('tasks')
    .set({ reminder_sent_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('is_open', '=', true)
    .where('reminder_at', '=', remindAt)
    .where('reminder_sent_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Same for the "task due" notice. */
export async function claimDueNotice(
  db: Db,
  workspaceId: string,
  id: string,
  dueAt: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('tasks')
    .set({ due_notified_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('is_open', '=', true)
    .where('due_at', '=', dueAt)
    .where('due_notified_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Open, overdue and due-today counts per assignee. */
export function summarizeByAssignee(
  db: Db,
  workspaceId: string,
  now: string,
  dayStart: string,
  dayEnd: string,
  ownerOnly: string | null,
) {
  let q = db
    .selectFrom('tasks as t')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .select((eb) => [
      't.assignee_id',
      'u.name as assignee_name',
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(eb.case().when('t.due_at', '<', now).then(1).else(0).end()).as('overdue'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('t.due_at', '>=', dayStart), eb('t.due_at', '<', dayEnd)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('due_today'),
    ])
    .where('t.workspace_id', '=', workspaceId)
    .where('t.is_open', '=', true);
  if (ownerOnly) q = q.where((eb) => eb.or([eb('t.assignee_id', '=', ownerOnly), eb('t.created_by', '=', ownerOnly)]));
  return q.groupBy(['t.assignee_id', 'u.name']).orderBy('u.name').execute();
}

/** For the daily digest: a user's open tasks due before `before`. */
export function listOpenTasksDueBefore(db: Db, workspaceId: string, userId: string, before: string, limit: number) {
  return db
    .selectFrom('tasks')
    .select(['id', 'title', 'due_at'])
    .where('workspace_id', '=', workspaceId)
    .where('assignee_id', '=', userId)
    .where('is_open', '=', true)
    .where('due_at', '<', before)
    .orderBy('due_at', 'asc')
    .limit(limit)
    .execute();
}
