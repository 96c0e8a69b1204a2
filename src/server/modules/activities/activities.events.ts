import { z } from 'zod';
import { Activity, ActivitySettings, ActivityType } from '../../../shared/contracts/activities.js';
import { Notification } from '../../../shared/contracts/notifications.js';
import { Task } from '../../../shared/contracts/tasks.js';
import type { Permission } from '../../../shared/permissions.js';
import { can } from '../../platform/actor.js';
import { isContactVisible } from '../contacts/contacts.service.js';
import { defineEvent, type EventsOf, type RealtimeRule, type TimelineRule } from '../events/event-catalog.js';

const id = z.string();
/**
 * Activities and tasks are about a contact: an agent who sees only their own contacts hears of
 * those on their contacts; a confidential activity reaches its author and holders of the named
 * permission only.
 */
const onContact: RealtimeRule = {
  permission: 'activities.view',
  visibility: async (ctx, actor, event) => {
    const p = event.payload as { contactId?: string | null; privateTo?: string; privateToPermission?: Permission };
    if (p.privateTo && p.privateTo !== actor.id && !(p.privateToPermission && can(actor, p.privateToPermission)))
      return false;
    return !p.contactId || isContactVisible(ctx.db, actor, p.contactId);
  },
};
/** Notifications reach their recipient only. */
const toRecipient: RealtimeRule = {
  permission: 'authenticated',
  visibility: (_ctx, actor, event) => event.payload.recipientUserId === actor.id,
};

const activityPayload = z.strictObject({
  contactId: id,
  dealId: id.nullable(),
  companyId: id.nullable(),
  occurredAt: z.string(),
  activity: Activity.omit({ ip: true }),
  privateTo: id.optional().describe('Set on a confidential activity: its author'),
  privateToPermission: z.literal('activities.manage').optional(),
  imported: z.literal(true).optional(),
});
type ActivityPayload = z.output<typeof activityPayload>;
const activityTimeline = (action: 'add' | 'replace'): TimelineRule<ActivityPayload> => ({
  kind: 'activity',
  action,
  subjects: (p) => ({ contact: p.contactId, deal: p.dealId, company: p.companyId }),
  occurredAt: (p) => p.occurredAt,
  privateTo: (p) => p.privateTo ?? null,
});

const taskPayload = z.strictObject({
  contactId: id.nullable(),
  dealId: id.nullable(),
  companyId: id.nullable(),
  assigneeId: id.nullable(),
  occurredAt: z.string(),
  task: Task,
  previousAssigneeId: id.nullable().optional(),
});
const taskTimeline: TimelineRule<z.output<typeof taskPayload>> = {
  kind: 'task',
  subjects: (p) => ({ contact: p.contactId, deal: p.dealId, company: p.companyId }),
  occurredAt: (p) => p.occurredAt,
};
const taskEvent = (summary: string, onTimeline = true) =>
  defineEvent({
    summary,
    entity: 'task',
    payload: taskPayload,
    realtime: onContact,
    ...(onTimeline ? { timeline: taskTimeline } : {}),
  });

/** The activities module's events: activities, tasks, notifications, activity types and settings. */
export const activityEvents = {
  'activity.created': defineEvent({
    summary: 'An activity (call, visit, meeting, ...) was logged or scheduled',
    entity: 'activity',
    payload: activityPayload,
    realtime: onContact,
    timeline: activityTimeline('add'),
  }),
  'activity.updated': defineEvent({
    summary: 'An activity was edited',
    entity: 'activity',
    payload: activityPayload,
    realtime: onContact,
    timeline: activityTimeline('replace'),
  }),
  'activity.completed': defineEvent({
    summary: 'A scheduled activity was done',
    entity: 'activity',
    payload: activityPayload,
    realtime: onContact,
    timeline: activityTimeline('replace'),
  }),
  'activity.deleted': defineEvent({
    summary: 'An activity was deleted (the full snapshot unless an import undo removed it)',
    entity: 'activity',
    payload: activityPayload.partial().required({ contactId: true }),
    realtime: onContact,
    timeline: { kind: 'activity', action: 'remove' },
  }),
  'task.created': taskEvent('A task was created'),
  'task.updated': taskEvent('A task was edited', false),
  'task.completed': taskEvent('A task was completed'),
  'task.cancelled': taskEvent('A task was cancelled'),
  'task.reopened': taskEvent('A completed or cancelled task was reopened'),
  'task.reassigned': taskEvent('A task got another assignee'),
  'task.deleted': defineEvent({
    summary: 'A task was deleted',
    entity: 'task',
    payload: z.strictObject({ contactId: id.nullable(), dealId: id.nullable() }),
    realtime: onContact,
    timeline: { kind: 'task', action: 'remove' },
  }),
  'notification.created': defineEvent({
    summary: 'A member was notified (only they receive it)',
    entity: 'notification',
    payload: z.strictObject({ recipientUserId: id, notification: Notification }),
    realtime: toRecipient,
  }),
  'notification.read': defineEvent({
    summary: 'A member read notifications (only they receive it: their unread count)',
    entity: 'notification',
    payload: z.strictObject({ recipientUserId: id, unreadCount: z.number().int() }),
    realtime: toRecipient,
  }),
  'activity_type.created': defineEvent({
    summary: 'An activity type was created',
    entity: 'activity_type',
    payload: z.strictObject({ activityType: ActivityType }),
    realtime: { permission: 'activities.view' },
  }),
  'activity_type.updated': defineEvent({
    summary: 'An activity type was changed',
    entity: 'activity_type',
    payload: z.strictObject({ activityType: ActivityType }),
    realtime: { permission: 'activities.view' },
  }),
  'activity_type.deleted': defineEvent({
    summary: 'An activity type was deleted',
    entity: 'activity_type',
    payload: z.strictObject({}),
    realtime: { permission: 'activities.view' },
  }),
  'activity_settings.updated': defineEvent({
    summary: "The workspace's activity settings changed",
    entity: 'workspace',
    payload: z.strictObject({ settings: ActivitySettings }),
    realtime: { permission: 'settings.manage' },
  }),
};

declare module '../events/event-catalog.js' {
  interface DomainEventMap extends EventsOf<typeof activityEvents> {}
}
