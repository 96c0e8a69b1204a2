import type { Task } from '../../../../shared/contracts/tasks.js';
import type { TaskListRow } from './tasks.repository.js';

export function toTask(r: TaskListRow, now: string): Task {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    type: r.type as Task['type'],
    priority: r.priority as Task['priority'],
    status: r.status,
    isOverdue: r.is_open && r.due_at !== null && r.due_at < now,
    dueAt: r.due_at,
    reminderAt: r.reminder_at,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? '' } : null,
    contact: r.contact_id ? { id: r.contact_id, name: r.contact_name ?? '' } : null,
    dealId: r.deal_id,
    activityId: r.activity_id,
    completedAt: r.completed_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
