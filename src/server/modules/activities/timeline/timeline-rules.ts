import type { AnyDomainEvent, EventDefinition, TimelineRule } from '../../events/event-catalog.js';

/**
 * How an event that opts in to the timeline (its definition's `timeline`) becomes entries: on
 * the timeline of its entity when that is a contact, deal or company, and of the records its rule
 * names in the payload. Nothing is read from an event its definition does not declare.
 */

export const SUBJECT_TYPES = ['contact', 'deal', 'company'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export function isSubjectType(type: string): type is SubjectType {
  return (SUBJECT_TYPES as readonly string[]).includes(type);
}

type Rule = TimelineRule<Record<string, unknown>>;
export const ruleOf = (def: EventDefinition) => def.timeline as Rule | undefined;

export function subjectsOf(event: AnyDomainEvent, rule: Rule): Array<{ type: SubjectType; id: string }> {
  const out = new Map<string, { type: SubjectType; id: string }>();
  if (isSubjectType(event.entityType) && event.entityId)
    out.set(`${event.entityType}:${event.entityId}`, { type: event.entityType, id: event.entityId });
  for (const [type, id] of Object.entries(rule.subjects?.(event.payload) ?? {}))
    if (id && isSubjectType(type)) out.set(`${type}:${id}`, { type, id });
  return [...out.values()];
}

/** The record an entry stands for: the event's entity, or what its rule names (a note on a contact). */
export function sourceOf(event: AnyDomainEvent, rule: Rule): { type: string; id: string | null } {
  return rule.source?.(event.payload) ?? { type: event.entityType, id: event.entityId };
}
