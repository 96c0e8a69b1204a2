import type { DateOnly, Timestamp } from '../../db/schema.js';

export type ActivityStatus = 'done' | 'scheduled';
export type TaskStatus = 'pending' | 'in_progress' | 'completed' | 'cancelled';

declare module '../../db/schema.js' {
  interface DB {
    activity_types: {
      id: string;
      workspace_id: string;
      key: string;
      name: string;
      icon: string | null;
      color: string;
      has_duration: boolean;
      has_outcome: boolean;
      position: number;
      is_archived: boolean;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    activities: {
      id: string;
      workspace_id: string;
      type_id: string;
      contact_id: string;
      deal_id: string | null;
      title: string;
      description: string | null;
      status: ActivityStatus;
      occurred_at: Timestamp;
      duration_minutes: number | null;
      outcome: string | null;
      outcome_note: string | null;
      next_action: string | null;
      next_action_at: Timestamp | null;
      is_confidential: boolean;
      created_by: string | null;
      ip: string | null;
      completed_at: Timestamp | null;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    activity_settings: {
      id: string;
      workspace_id: string;
      next_action_creates_task: boolean;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    tasks: {
      id: string;
      workspace_id: string;
      title: string;
      description: string | null;
      type: string;
      priority: string;
      status: TaskStatus;
      is_open: boolean;
      due_at: Timestamp | null;
      reminder_at: Timestamp | null;
      reminder_sent_at: Timestamp | null;
      due_notified_at: Timestamp | null;
      assignee_id: string | null;
      created_by: string | null;
      contact_id: string | null;
      deal_id: string | null;
      activity_id: string | null;
      completed_at: Timestamp | null;
      completed_by: string | null;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    notifications: {
      id: string;
      workspace_id: string;
      user_id: string;
      kind: string;
      title: string;
      body: string | null;
      url: string | null;
      entity_type: string | null;
      entity_id: string | null;
      actor_name: string | null;
      read_at: Timestamp | null;
      emailed_at: Timestamp | null;
      created_at: Timestamp;
    };
    notification_settings: {
      id: string;
      workspace_id: string;
      user_id: string;
      email_kinds: string[] | string;
      daily_digest: boolean;
      digest_hour: number;
      last_digest_on: DateOnly | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    calendar_feeds: {
      id: string;
      workspace_id: string;
      user_id: string;
      token_hash: string;
      last_used_at: Timestamp | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    timeline_entries: {
      id: string;
      workspace_id: string;
      subject_type: string;
      subject_id: string;
      kind: string;
      event_id: string;
      source_type: string;
      source_id: string | null;
      private_to: string | null;
      occurred_at: Timestamp;
    };
  }
}
export {};
