import ical from 'ical-generator';
import type { z } from 'zod';
import type { CalendarItem, CalendarQuery } from '../../../../shared/contracts/activities-calendar.js';
import { AppError, fieldError } from '../../../http/errors.js';
import { can, ownerScope, type Actor } from '../../../platform/actor.js';
import { nowIso } from '../../../platform/clock.js';
import type { AppContext } from '../../../platform/context.js';
import { hashToken, newToken } from '../../../platform/secrets.js';
import { withTransaction } from '../../../platform/transaction.js';
import { recordAudit } from '../../audit/audit.service.js';
import { findMember } from '../../auth/members.service.js';
import { getWorkspace } from '../../workspaces/workspaces.service.js';
import {
  deleteFeed,
  findFeed,
  findFeedByTokenHash,
  listScheduledActivitiesInRange,
  listTasksInRange,
  replaceFeed,
  touchFeed,
  type CalendarScope,
} from './calendar.repository.js';

const MAX_RANGE_DAYS = 92;
const DAY = 86_400_000;

function scopeFor(actor: Actor, userId: string | undefined): CalendarScope {
  const all = userId === 'all';
  if (all && !can(actor, 'activities.manage'))
    throw fieldError('userId', "Seeing everyone's calendar needs the activities.manage permission");
  return {
    userId: all ? null : (userId ?? actor.id),
    ownerOnly: ownerScope(actor),
    viewerId: can(actor, 'activities.manage') ? null : actor.id,
  };
}

async function itemsBetween(
  ctx: AppContext,
  workspaceId: string,
  from: string,
  to: string,
  scope: CalendarScope,
): Promise<CalendarItem[]> {
  const now = nowIso(ctx.clock);
  const tasks = await listTasksInRange(ctx.db, workspaceId, from, to, scope);
  const activities = await listScheduledActivitiesInRange(ctx.db, workspaceId, from, to, scope);
  const items: CalendarItem[] = [
    ...tasks.map((t) => ({
      id: t.id,
      kind: 'task' as const,
      title: t.title,
      start: t.due_at!,
      end: null,
      status: t.status,
      isOverdue: t.is_open && t.due_at! < now,
      color: null,
      icon: null,
      contactId: t.contact_id,
      contactName: t.contact_name,
      userId: t.assignee_id,
    })),
    ...activities.map((a) => ({
      id: a.id,
      kind: 'activity' as const,
      title: a.title,
      start: a.occurred_at,
      end: a.duration_minutes
        ? new Date(new Date(a.occurred_at).getTime() + a.duration_minutes * 60_000).toISOString()
        : null,
      status: a.status,
      isOverdue: a.occurred_at < now,
      color: a.color,
      icon: a.icon,
      contactId: a.contact_id,
      contactName: a.contact_name,
      userId: a.created_by,
    })),
  ];
  return items.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Tasks at their due time and scheduled activities, between two instants (at most ~3 months). */
export async function calendarItems(ctx: AppContext, actor: Actor, q: z.output<typeof CalendarQuery>) {
  if (q.to <= q.from) throw fieldError('to', 'The end must be after the start');
  if (new Date(q.to).getTime() - new Date(q.from).getTime() > MAX_RANGE_DAYS * DAY)
    throw fieldError('to', `At most ${MAX_RANGE_DAYS} days at a time`);
  return { items: await itemsBetween(ctx, actor.workspaceId, q.from, q.to, scopeFor(actor, q.userId)) };
}

export async function feedStatus(ctx: AppContext, actor: Actor) {
  const row = await findFeed(ctx.db, actor.workspaceId, actor.id);
  return { active: Boolean(row), createdAt: row?.created_at ?? null, lastUsedAt: row?.last_used_at ?? null };
}

/** A new secret feed URL for the actor (any earlier one stops working); shown once. */
export async function createFeed(ctx: AppContext, actor: Actor, baseUrl: string) {
  const token = newToken(24);
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    await replaceFeed(trx, actor.workspaceId, actor.id, hashToken(token), now);
    await recordAudit(trx, actor, { action: 'calendar_feed.created', entityType: 'user', entityId: actor.id }, now);
  });
  return { url: `${baseUrl}/api/calendar/feed/${token}.ics`, createdAt: now };
}

export async function revokeFeed(ctx: AppContext, actor: Actor) {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    await deleteFeed(trx, actor.workspaceId, actor.id);
    await recordAudit(trx, actor, { action: 'calendar_feed.revoked', entityType: 'user', entityId: actor.id }, now);
  });
}

/** The iCalendar text of a feed token: the owner's tasks and scheduled activities, a month back to half a year ahead. */
export async function feedCalendar(ctx: AppContext, token: string, baseUrl: string): Promise<string> {
  const feed = await findFeedByTokenHash(ctx.db, hashToken(token));
  const member = feed && (await findMember(ctx.db, feed.workspace_id, feed.user_id));
  if (!feed || !member?.isActive) throw new AppError('CALENDAR_FEED_INVALID');
  const workspace = await getWorkspace(ctx, feed.workspace_id);
  const now = ctx.clock.now();
  const actor: Actor = {
    kind: 'user',
    id: feed.user_id,
    name: member.name,
    workspaceId: feed.workspace_id,
    role: member.role,
    agentsSeeAll: workspace.settings.agentsSeeAll,
  };
  const from = new Date(now.getTime() - 30 * DAY).toISOString();
  const to = new Date(now.getTime() + 180 * DAY).toISOString();
  const items = await itemsBetween(ctx, feed.workspace_id, from, to, {
    ...scopeFor(actor, undefined),
    viewerId: actor.id,
  });
  if (!feed.last_used_at || now.getTime() - new Date(feed.last_used_at).getTime() > 3_600_000)
    await touchFeed(ctx.db, feed.id, now.toISOString());
  const cal = ical({
    name: `${workspace.name}: ${member.name}`,
    prodId: { company: 'crm', product: 'tasks' },
    ttl: 15 * 60,
  });
  for (const item of items) {
    const start = new Date(item.start);
    cal.createEvent({
      id: `${item.kind}-${item.id}@crm`,
      start,
      end: item.end ? new Date(item.end) : new Date(start.getTime() + 30 * 60_000),
      summary:
        `${item.kind === 'task' ? (item.status === 'completed' ? '✓ ' : '☐ ') : (item.icon ?? '') + ' '}${item.title}`.trim(),
      description: item.contactName ? `Contact: ${item.contactName}` : undefined,
      url:
        item.kind === 'task'
          ? `${baseUrl}/activities/tasks?task=${item.id}`
          : item.contactId
            ? `${baseUrl}/contacts/${item.contactId}`
            : undefined,
    });
  }
  return cal.toString();
}
