import { z } from 'zod';
import { PageQuery, Uuid, Version, page } from './common.js';

/** Record ids are UUIDs; anything else is refused up front, naming the field. */
export const Id = Uuid;

/** An ISO date-time with any offset, normalized to UTC (`2026-01-31T09:00:00.000Z`). */
export const DateTimeInput = z.iso
  .datetime({ offset: true, message: 'Use an ISO date-time such as 2026-01-31T09:00:00Z' })
  .transform((v) => new Date(v).toISOString());

export const ACTIVITY_OUTCOMES = ['successful', 'no_answer', 'follow_up_required', 'custom'] as const;
export const ActivityOutcome = z.enum(ACTIVITY_OUTCOMES);
export type ActivityOutcome = z.infer<typeof ActivityOutcome>;
export const ActivityStatus = z.enum(['done', 'scheduled']);

export const UserRef = z.object({ id: z.string(), name: z.string() });
export const ContactRef = z.object({ id: z.string(), name: z.string() });

export const ActivityType = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  icon: z.string().nullable(),
  color: z.string(),
  hasDuration: z.boolean(),
  hasOutcome: z.boolean(),
  position: z.number().int(),
  isArchived: z.boolean(),
  version: z.number().int(),
});
export type ActivityType = z.infer<typeof ActivityType>;

const typeKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lowercase letters, digits and _ (e.g. school_visit)');
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour such as #6366f1');
export const CreateActivityTypeBody = z.strictObject({
  key: typeKey.optional(),
  name: z.string().trim().min(1, 'Give the type a name').max(60),
  icon: z.string().trim().max(16).nullable().optional(),
  color: color.default('#6366f1'),
  hasDuration: z.boolean().default(false),
  hasOutcome: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const UpdateActivityTypeBody = z.strictObject({
  name: z.string().trim().min(1).max(60).optional(),
  icon: z.string().trim().max(16).nullable().optional(),
  color: color.optional(),
  hasDuration: z.boolean().optional(),
  hasOutcome: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  isArchived: z.boolean().optional(),
  version: Version,
});

export const Activity = z.object({
  id: z.string(),
  typeId: z.string(),
  type: z.object({ key: z.string(), name: z.string(), icon: z.string().nullable(), color: z.string() }),
  contactId: z.string(),
  contact: ContactRef.nullable(),
  dealId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  status: ActivityStatus,
  occurredAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  outcome: ActivityOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  nextAction: z.string().nullable(),
  nextActionAt: z.string().nullable(),
  isConfidential: z.boolean(),
  createdBy: UserRef.nullable(),
  /** Shown to holders of activities.manage only. */
  ip: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The task created from the next action, when the workspace does that. */
  taskId: z.string().nullable().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof Activity>;

const activityFields = {
  /** An activity type id, or its key (e.g. `call`). */
  typeId: z.string().trim().min(1, 'Choose an activity type').max(64),
  contactId: Id,
  dealId: Id.nullable().optional(),
  title: z.string().trim().min(1, 'Give the activity a title').max(255, 'At most 255 characters'),
  description: z.string().max(10_000).nullable().optional(),
  status: ActivityStatus.default('done'),
  occurredAt: DateTimeInput.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable()
    .optional(),
  outcome: ActivityOutcome.nullable().optional(),
  outcomeNote: z.string().trim().max(255).nullable().optional(),
  nextAction: z.string().trim().max(500).nullable().optional(),
  nextActionAt: DateTimeInput.nullable().optional(),
  isConfidential: z.boolean().default(false),
};
export const CreateActivityBody = z.strictObject(activityFields);
export type CreateActivityBody = z.input<typeof CreateActivityBody>;

export const UpdateActivityBody = z.strictObject({
  typeId: activityFields.typeId.optional(),
  contactId: Id.optional(),
  dealId: activityFields.dealId,
  title: activityFields.title.optional(),
  description: activityFields.description,
  status: ActivityStatus.optional(),
  occurredAt: DateTimeInput.optional(),
  durationMinutes: activityFields.durationMinutes,
  outcome: activityFields.outcome,
  outcomeNote: activityFields.outcomeNote,
  nextAction: activityFields.nextAction,
  nextActionAt: activityFields.nextActionAt,
  isConfidential: z.boolean().optional(),
  version: Version,
});
export type UpdateActivityBody = z.input<typeof UpdateActivityBody>;

/** Marks a scheduled activity done (at `occurredAt`, default now). */
export const CompleteActivityBody = z.strictObject({
  occurredAt: DateTimeInput.optional(),
  outcome: ActivityOutcome.nullable().optional(),
  outcomeNote: activityFields.outcomeNote,
  durationMinutes: activityFields.durationMinutes,
  version: Version.optional(),
});

export const BulkCreateActivitiesBody = z.strictObject({ items: z.array(CreateActivityBody).min(1).max(500) });

const csv = z
  .string()
  .max(2000)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
export const ActivityQuery = PageQuery.extend({
  contactId: Id.optional(),
  dealId: Id.optional(),
  /** Comma-separated type ids or keys. */
  typeId: csv.optional(),
  userId: Id.optional(),
  outcome: ActivityOutcome.optional(),
  status: ActivityStatus.optional(),
  from: DateTimeInput.optional(),
  to: DateTimeInput.optional(),
});
export const ActivityPage = page(Activity);

export const ActivitySettings = z.object({ nextActionCreatesTask: z.boolean() });
export const UpdateActivitySettingsBody = z.strictObject({ nextActionCreatesTask: z.boolean() });
