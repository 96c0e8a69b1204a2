import type { TimelineKind } from '../../../../shared/contracts/activities-timeline.js';
import type { DomainEvent } from '../../events/events.service.js';

/**
 * How domain events become timeline entries. Any module's event shows on the timeline of the
 * contact, deal or company it is about (its entity, or `contactId` / `dealId` / `companyId` in its
 * payload); its kind comes from its type. Modules need not know the timeline exists.
 */

export const SUBJECT_TYPES = ['contact', 'deal', 'company'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
const PAYLOAD_KEYS: Record<SubjectType, string> = { contact: 'contactId', deal: 'dealId', company: 'companyId' };

/** Events that are about settings, people or plumbing, never about a customer. */
const NOT_ON_TIMELINE =
  /^(notification|activity_type|activity_settings|workspace|user|auth|job|api_key|pipeline|stage|tag_definition|contact_type|source|custom_field|saved_view)\./;
/** Edits of a task are noise; its creation, completion, reassignment and so on are not. */
const SILENT_TYPES = new Set(['task.updated']);

export function isSubjectType(type: string): type is SubjectType {
  return (SUBJECT_TYPES as readonly string[]).includes(type);
}

export function kindOf(event: Pick<DomainEvent, 'type' | 'entityType'>): TimelineKind {
  const { type, entityType } = event;
  if (entityType === 'activity' || type.startsWith('activity.')) return 'activity';
  if (entityType === 'note' || /(^|[._])note/.test(type)) return 'note';
  if (entityType === 'task' || type.startsWith('task.')) return 'task';
  if (entityType === 'message' || /^(message|whatsapp|email|sms|conversation)\./.test(type)) return 'message';
  if (/stage|moved|\.won$|\.lost$/.test(type)) return 'stage_change';
  if (/score/.test(type)) return 'score';
  if (/owner|assign/.test(type)) return 'owner';
  return 'edit';
}

export function subjectsOf(event: DomainEvent): Array<{ type: SubjectType; id: string }> {
  const out = new Map<string, { type: SubjectType; id: string }>();
  if (isSubjectType(event.entityType) && event.entityId)
    out.set(`${event.entityType}:${event.entityId}`, { type: event.entityType, id: event.entityId });
  for (const type of SUBJECT_TYPES) {
    const id = event.payload[PAYLOAD_KEYS[type]];
    if (typeof id === 'string' && id) out.set(`${type}:${id}`, { type, id });
  }
  return [...out.values()];
}

/**
 * The record an entry stands for: the event's entity, or a record on a contact named in the
 * payload (`contact.note_added` with `noteId` is about that note).
 */
export function sourceOf(event: DomainEvent): { type: string; id: string | null } {
  const noteId = event.payload.noteId;
  if (typeof noteId === 'string' && noteId) return { type: 'note', id: noteId };
  return { type: event.entityType, id: event.entityId };
}

export type Projection = 'skip' | 'add' | 'replace' | 'remove';

/**
 * add: a new entry. replace: the record's entries now show this event (an edited activity or note
 * appears once, as it is now). remove: the record is gone, so are its entries. Changes to a
 * contact, deal or company themselves are history, so each adds an entry.
 */
export function projectionOf(event: DomainEvent): Projection {
  if (NOT_ON_TIMELINE.test(event.type) || SILENT_TYPES.has(event.type)) return 'skip';
  if (event.payload.recipientUserId !== undefined || event.payload.timeline === false) return 'skip';
  const source = sourceOf(event);
  if (isSubjectType(source.type)) return 'add';
  if (/[._](deleted|removed)$/.test(event.type)) return 'remove';
  if (/[._]updated$/.test(event.type) || event.type === 'activity.completed') return 'replace';
  return 'add';
}
