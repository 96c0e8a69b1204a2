import { z } from 'zod';
import { DateTimeInput, Id } from './activities.js';

export const CalendarQuery = z.object({
  from: DateTimeInput,
  to: DateTimeInput,
  /** Whose calendar; defaults to the signed-in user. `all` needs activities.manage. */
  userId: z.union([Id, z.literal('all')]).optional(),
});

/** A task (at its due time) or a scheduled/logged activity, on a calendar. */
export const CalendarItem = z.object({
  id: z.string(),
  kind: z.enum(['task', 'activity']),
  title: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  status: z.string(),
  isOverdue: z.boolean(),
  color: z.string().nullable(),
  icon: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  userId: z.string().nullable(),
});
export type CalendarItem = z.infer<typeof CalendarItem>;
export const CalendarResult = z.object({ items: z.array(CalendarItem) });

export const CalendarFeed = z.object({ url: z.string(), createdAt: z.string() });
export const CalendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
