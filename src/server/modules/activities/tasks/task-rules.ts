import type { TaskStatus } from '../activities.tables.js';
import { fieldError } from '../../../http/errors.js';

export const OPEN_STATUSES: TaskStatus[] = ['pending', 'in_progress'];

export function isOpenStatus(status: TaskStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** A reminder after the due time would arrive too late to help. */
export function assertReminderBeforeDue(reminderAt: string | null, dueAt: string | null, field = 'reminderAt'): void {
  if (reminderAt && dueAt && reminderAt > dueAt)
    throw fieldError(field, 'The reminder must be at or before the due time');
}

/** Which follow-up a next action of an activity type becomes. */
export function taskTypeForActivity(typeKey: string): string {
  if (typeKey === 'call' || typeKey === 'whatsapp' || typeKey === 'sms' || typeKey === 'video_call')
    return 'follow_up_call';
  if (typeKey === 'email') return 'follow_up_email';
  if (typeKey === 'school_visit' || typeKey === 'in_person' || typeKey === 'meeting') return 'follow_up_visit';
  return 'custom';
}

/** Where the web app shows a task. */
export const taskUrl = (id: string) => `/activities/tasks?task=${id}`;
