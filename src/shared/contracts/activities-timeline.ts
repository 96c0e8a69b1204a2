import { z } from 'zod';
import { PageQuery, page } from './common.js';
import { Id, UserRef } from './activities.js';

/** What a timeline entry is about; the filter chips of the timeline. */
export const TIMELINE_KINDS = [
  'activity',
  'note',
  'stage_change',
  'task',
  'message',
  'score',
  'owner',
  'edit',
] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TIMELINE_SUBJECTS = ['contact', 'deal', 'company'] as const;
export const TimelineSubject = z.enum(TIMELINE_SUBJECTS);

/** One entry: the domain event behind it, as it was written (type + payload). */
export const TimelineItem = z.object({
  id: z.string(),
  kind: TimelineKind,
  occurredAt: z.string(),
  eventType: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actor: UserRef.nullable(),
  payload: z.record(z.string(), z.unknown()),
  isPrivate: z.boolean(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelineParams = z.object({ subjectType: TimelineSubject, subjectId: Id });
export const TimelineQuery = PageQuery.extend({
  /** Comma-separated kinds, e.g. `activity,note`. */
  kinds: z
    .string()
    .max(200)
    .transform((v, ctx) => {
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const k of list)
        if (!(TIMELINE_KINDS as readonly string[]).includes(k))
          ctx.addIssue({ code: 'custom', message: `Unknown kind ${k}; use ${TIMELINE_KINDS.join(', ')}` });
      return list as TimelineKind[];
    })
    .optional(),
});
export const TimelinePage = page(TimelineItem);
