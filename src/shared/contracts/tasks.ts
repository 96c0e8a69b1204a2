import { z } from 'zod';
import { PageQuery, Version, page } from './common.js';
import { ContactRef, DateTimeInput, Id, UserRef } from './activities.js';

export const TASK_TYPES = [
  'follow_up_call',
  'follow_up_email',
  'follow_up_visit',
  'appointment_scheduling',
  'document_collection',
  'feedback_collection',
  'payment_reminder',
  'custom',
] as const;
export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const TASK_STATUSES = ['pending', 'in_progress', 'completed', 'cancelled'] as const;
export const TaskType = z.enum(TASK_TYPES);
export const TaskPriority = z.enum(TASK_PRIORITIES);
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const Task = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  type: TaskType,
  priority: TaskPriority,
  status: TaskStatus,
  /** Open and past its due time. */
  isOverdue: z.boolean(),
  dueAt: z.string().nullable(),
  reminderAt: z.string().nullable(),
  assignee: UserRef.nullable(),
  createdBy: UserRef.nullable(),
  contact: ContactRef.nullable(),
  dealId: z.string().nullable(),
  activityId: z.string().nullable(),
  completedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof Task>;

const taskFields = {
  title: z.string().trim().min(1, 'Give the task a title').max(255, 'At most 255 characters'),
  description: z.string().max(10_000).nullable().optional(),
  type: TaskType.default('custom'),
  priority: TaskPriority.default('medium'),
  status: TaskStatus.default('pending'),
  dueAt: DateTimeInput.nullable().optional(),
  reminderAt: DateTimeInput.nullable().optional(),
  /** Defaults to the creator. */
  assigneeId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  dealId: Id.nullable().optional(),
};
export const CreateTaskBody = z.strictObject(taskFields);
export type CreateTaskBody = z.input<typeof CreateTaskBody>;
export const UpdateTaskBody = z.strictObject({
  title: taskFields.title.optional(),
  description: taskFields.description,
  type: TaskType.optional(),
  priority: TaskPriority.optional(),
  status: TaskStatus.optional(),
  dueAt: taskFields.dueAt,
  reminderAt: taskFields.reminderAt,
  assigneeId: taskFields.assigneeId,
  contactId: taskFields.contactId,
  dealId: taskFields.dealId,
  version: Version,
});
export type UpdateTaskBody = z.input<typeof UpdateTaskBody>;

export const TASK_VIEWS = ['mine', 'today', 'overdue', 'all'] as const;
export const TaskView = z.enum(TASK_VIEWS);
export type TaskView = z.infer<typeof TaskView>;
export const TaskStatusFilter = z.enum(['open', 'any', ...TASK_STATUSES]);
export const TaskQuery = PageQuery.extend({
  /** mine: assigned to me; today: due today (workspace time zone); overdue; all (agents: theirs only). */
  view: TaskView.default('mine'),
  assigneeId: Id.optional(),
  status: TaskStatusFilter.optional(),
  contactId: Id.optional(),
  dealId: Id.optional(),
  priority: TaskPriority.optional(),
  type: TaskType.optional(),
  dueFrom: DateTimeInput.optional(),
  dueTo: DateTimeInput.optional(),
});
export const TaskPage = page(Task);

export const BULK_TASK_ACTIONS = ['complete', 'reopen', 'reassign', 'cancel', 'delete'] as const;
export const BulkTaskBody = z
  .strictObject({ ids: z.array(Id).min(1).max(500), action: z.enum(BULK_TASK_ACTIONS), assigneeId: Id.optional() })
  .refine((b) => b.action !== 'reassign' || Boolean(b.assigneeId), {
    path: ['assigneeId'],
    message: 'Choose who gets the tasks',
  });
export const BulkTaskResult = z.object({
  results: z.array(
    z.object({ id: z.string(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() }),
  ),
});

/** Open, overdue and due-today counts per assignee (the "by assignee" view). */
export const TaskSummary = z.object({
  items: z.array(
    z.object({
      assignee: UserRef.nullable(),
      open: z.number().int(),
      overdue: z.number().int(),
      dueToday: z.number().int(),
    }),
  ),
});
