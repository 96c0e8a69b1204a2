import type { Activity } from '../../../shared/contracts/activities.js';
import type { ActivityListRow } from './activities.repository.js';

export function toActivity(r: ActivityListRow, opts: { showIp: boolean; taskId?: string | null }): Activity {
  return {
    id: r.id,
    typeId: r.type_id,
    type: { key: r.type_key, name: r.type_name, icon: r.type_icon, color: r.type_color },
    contactId: r.contact_id,
    contact: r.contact_name !== null ? { id: r.contact_id, name: r.contact_name } : null,
    dealId: r.deal_id,
    title: r.title,
    description: r.description,
    status: r.status,
    occurredAt: r.occurred_at,
    durationMinutes: r.duration_minutes,
    outcome: r.outcome as Activity['outcome'],
    outcomeNote: r.outcome_note,
    nextAction: r.next_action,
    nextActionAt: r.next_action_at,
    isConfidential: r.is_confidential,
    createdBy: r.created_by ? { id: r.created_by, name: r.author_name ?? '' } : null,
    ip: opts.showIp ? r.ip : null,
    completedAt: r.completed_at,
    ...(opts.taskId !== undefined ? { taskId: opts.taskId } : {}),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What the timeline and live listeners get: the activity without the author's IP. */
export function activitySnapshot(a: Activity): Omit<Activity, 'ip'> {
  const { ip: _ip, ...rest } = a;
  return rest;
}
