import {
  CalendarClock,
  CheckSquare,
  GitCommitHorizontal,
  Mail,
  MessageCircle,
  MessageSquare,
  Pencil,
  Phone,
  StickyNote,
  Target,
  UserRoundCog,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { TimelineKind } from '../api/timeline';

export const OUTCOMES = ['successful', 'no_answer', 'follow_up_required', 'custom'] as const;
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
export const TIMELINE_KINDS: TimelineKind[] = [
  'activity',
  'note',
  'stage_change',
  'task',
  'message',
  'score',
  'owner',
  'edit',
];

/** The quick-log buttons: each logs the workspace's activity type with that key (hidden when it has none). */
export const QUICK_LOG: Array<{ key: string; icon: LucideIcon }> = [
  { key: 'call', icon: Phone },
  { key: 'whatsapp', icon: MessageCircle },
  { key: 'email', icon: Mail },
  { key: 'meeting', icon: Users },
  { key: 'note', icon: StickyNote },
];

export const KIND_ICONS: Record<TimelineKind, LucideIcon> = {
  activity: CalendarClock,
  note: StickyNote,
  stage_change: GitCommitHorizontal,
  task: CheckSquare,
  message: MessageSquare,
  score: Target,
  owner: UserRoundCog,
  edit: Pencil,
};

export const PRIORITY_COLORS = { low: 'gray', medium: 'blue', high: 'amber', urgent: 'red' } as const;
export const OUTCOME_COLORS = {
  successful: 'green',
  no_answer: 'gray',
  follow_up_required: 'amber',
  custom: 'purple',
} as const;

/** 'YYYY-MM-DDTHH:mm' for a datetime-local input, in the browser's zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an ISO instant (undefined when empty or invalid). */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
