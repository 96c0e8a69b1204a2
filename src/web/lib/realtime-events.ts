/**
 * The live events each screen listens to, by exact type (the server's catalog: GET
 * /api/events/catalog, Settings -> Developers -> Events). Keyed by the entity they cover: a test
 * checks that every type here is declared and that each group holds every event of its entity.
 */
export const LIVE_EVENTS = {
  contact: [
    'contact.created',
    'contact.updated',
    'contact.deleted',
    'contact.restored',
    'contact.purged',
    'contact.merged',
    'contact.merged_into',
    'contact.merge_undone',
    'contact.link_added',
    'contact.link_updated',
    'contact.link_removed',
    'contact.relationship_added',
    'contact.relationship_updated',
    'contact.relationship_removed',
    'contact.duplicate_dismissed',
    'contact.tag_added',
    'contact.tag_removed',
    'contact.note_added',
    'contact.note_updated',
    'contact.note_deleted',
    'contact.imported',
    'contact.import_undone',
  ],
  deal: ['deal.created', 'deal.updated', 'deal.deleted', 'deal.moved', 'deal.imported', 'deal.import_undone'],
  task: [
    'task.created',
    'task.updated',
    'task.completed',
    'task.cancelled',
    'task.reopened',
    'task.reassigned',
    'task.deleted',
  ],
  activity: ['activity.created', 'activity.updated', 'activity.completed', 'activity.deleted'],
  notification: ['notification.created', 'notification.read'],
  workspace: ['workspace.created', 'workspace.updated', 'activity_settings.updated'],
  user: ['user.invited', 'user.joined', 'user.updated', 'user.profile_updated', 'user.password_reset'],
} as const satisfies Record<string, readonly string[]>;

export type LiveEventType = (typeof LIVE_EVENTS)[keyof typeof LIVE_EVENTS][number];
