import type { z } from 'zod';
import type { TaskQuery } from '../../../../shared/contracts/tasks.js';
import { cursorPart, decodeCursor, pageOf } from '../../../http/pagination.js';
import { ownerScope, type Actor } from '../../../platform/actor.js';
import { nowIso } from '../../../platform/clock.js';
import type { AppContext } from '../../../platform/context.js';
import { findWorkspaceTimezone } from '../refs.repository.js';
import { localDayRange } from '../zoned-time.js';
import { toTask } from './task-mapper.js';
import { listTasks, summarizeByAssignee, type TaskListFilter } from './tasks.repository.js';

const later = (a: string | null, b: string | undefined) => (b && (!a || b > a) ? b : a);
const earlier = (a: string | null, b: string | undefined) => (b && (!a || b < a) ? b : a);

async function todayRange(ctx: AppContext, actor: Actor) {
  const { timezone } = await findWorkspaceTimezone(ctx.db, actor.workspaceId);
  return localDayRange(ctx.clock.now(), timezone);
}

/**
 * The task views: mine (assigned to me, or to `assigneeId`), today (due today in the workspace's
 * zone), overdue (open and past due), all. Open tasks unless `status` says otherwise. Agents only
 * ever see tasks assigned to or created by them (unless the workspace lets them see all).
 */
export async function listTasksFor(ctx: AppContext, actor: Actor, q: z.output<typeof TaskQuery>) {
  const now = nowIso(ctx.clock);
  const me = actor.kind === 'user' ? actor.id : null;
  const status = q.view === 'overdue' ? 'open' : (q.status ?? 'open');
  const f: TaskListFilter = {
    query: q,
    assigneeId: q.view === 'all' ? (q.assigneeId ?? null) : (q.assigneeId ?? me),
    ownerOnly: null,
    isOpen: status === 'open' ? true : null,
    statuses: status === 'open' || status === 'any' ? null : [status],
    dueFrom: null,
    dueBefore: null,
    after: decodeCursor(q.cursor, [cursorPart.instant.nullable(), cursorPart.id]),
  };
  if (q.view === 'today') ({ start: f.dueFrom, end: f.dueBefore } = await todayRange(ctx, actor));
  if (q.view === 'overdue') f.dueBefore = now;
  f.dueFrom = later(f.dueFrom, q.dueFrom);
  f.dueBefore = earlier(f.dueBefore, q.dueTo);
  const scope = ownerScope(actor);
  if (scope && f.assigneeId !== scope) f.ownerOnly = scope;
  const { rows, total } = await listTasks(ctx.db, actor.workspaceId, f);
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.due_at, r.id]);
  return { items: items.map((r) => toTask(r, now)), nextCursor, ...(total !== undefined ? { total } : {}) };
}

/** Open, overdue and due-today counts per assignee (the "by assignee" view). */
export async function taskSummary(ctx: AppContext, actor: Actor) {
  const { start, end } = await todayRange(ctx, actor);
  const rows = await summarizeByAssignee(ctx.db, actor.workspaceId, nowIso(ctx.clock), start, end, ownerScope(actor));
  return {
    items: rows.map((r) => ({
      assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
      open: Number(r.open),
      overdue: Number(r.overdue ?? 0),
      dueToday: Number(r.due_today ?? 0),
    })),
  };
}
