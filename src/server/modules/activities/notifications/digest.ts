import type { AppContext } from '../../../platform/context.js';
import { getWorkspace } from '../../workspaces/workspaces.service.js';
import { listOpenTasksDueBefore } from '../tasks/tasks.repository.js';
import { localDayRange } from '../zoned-time.js';
import { countUnread, listNotifications } from './notifications.repository.js';

/** The daily summary for one member, or null when there is nothing to say. */
export async function buildDigest(
  ctx: AppContext,
  workspaceId: string,
  userId: string,
): Promise<{ subject: string; text: string } | null> {
  const ws = await getWorkspace(ctx, workspaceId);
  const now = ctx.clock.now();
  const { end } = localDayRange(now, ws.timezone);
  const unread = await countUnread(ctx.db, workspaceId, userId);
  const recent = await listNotifications(ctx.db, workspaceId, userId, { unreadOnly: true, beforeId: null, limit: 10 });
  const tasks = await listOpenTasksDueBefore(ctx.db, workspaceId, userId, end, 20);
  if (!unread && !tasks.length) return null;
  const nowIso = now.toISOString();
  const overdue = tasks.filter((t) => t.due_at && t.due_at < nowIso);
  const lines = [`Your day in ${ws.name}`, ''];
  if (tasks.length) {
    lines.push(`Tasks due today or overdue (${tasks.length}${overdue.length ? `, ${overdue.length} overdue` : ''}):`);
    for (const t of tasks) lines.push(`- ${t.title}${t.due_at && t.due_at < nowIso ? ' (overdue)' : ''}`);
    lines.push('');
  }
  if (unread) {
    lines.push(`Unread notifications (${unread}):`);
    for (const n of recent.slice(0, 10)) lines.push(`- ${n.title}`);
  }
  return { subject: `Daily digest: ${tasks.length} task(s), ${unread} unread`, text: lines.join('\n') };
}
