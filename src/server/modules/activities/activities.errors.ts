import type { ErrorCatalog, UniqueKeyCatalog } from '../../http/error-types.js';

export const activityErrors = {
  ACTIVITY_TYPE_IN_USE: { status: 409, title: 'Activities use this type; archive it instead of deleting it' },
  ACTIVITY_TYPE_KEY_TAKEN: { status: 409, title: 'Another activity type already has this key' },
  ACTIVITY_NOT_SCHEDULED: { status: 409, title: 'Only a scheduled activity can be marked done' },
  NOT_YOUR_RECORD: { status: 403, title: 'Only its author or a manager can change this' },
  CALENDAR_FEED_INVALID: { status: 404, title: 'This calendar link is invalid or was reset' },
} as const satisfies ErrorCatalog;

/** Unique keys of the module's tables: a violation (two creates racing) is the same 409 as the service's check. */
export const activityUniqueKeys = {
  activity_types: { code: 'ACTIVITY_TYPE_KEY_TAKEN', field: 'key' },
} as const satisfies UniqueKeyCatalog<keyof typeof activityErrors>;
