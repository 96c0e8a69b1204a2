import { uuidv7At, type Rng } from './prng.js';
import type { RowSink } from './sink.js';

export type SubjectType = 'contact' | 'deal' | 'company';

export interface GeneratedEvent {
  type: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  payload: Record<string, unknown>;
  at: number;
  /** Timeline kind, as the activities module's projection rules derive it from the type. */
  kind: 'activity' | 'note' | 'task' | 'stage_change' | 'edit';
  subjects: Array<[SubjectType, string | null | undefined]>;
  occurredAt?: number;
  privateTo?: string | null;
}

/**
 * Writes an event and its timeline entries exactly as appendEvent + the timeline projector do:
 * one entry per subject (the entity itself, and contactId/dealId/companyId of the payload).
 */
export async function emitEvent(sink: RowSink, rng: Rng, workspaceId: string, e: GeneratedEvent): Promise<void> {
  const createdAt = new Date(e.at).toISOString();
  const eventId = uuidv7At(e.at, rng);
  await sink.add('events', {
    id: eventId,
    workspace_id: workspaceId,
    type: e.type,
    entity_type: e.entityType,
    entity_id: e.entityId,
    actor_id: e.actorId,
    payload: e.payload,
    created_at: createdAt,
  });
  const occurredAt = new Date(e.occurredAt ?? e.at).toISOString();
  const seen = new Set<string>();
  for (const [type, id] of e.subjects) {
    if (!id || seen.has(`${type}:${id}`)) continue;
    seen.add(`${type}:${id}`);
    await sink.add('timeline_entries', {
      id: uuidv7At(e.at, rng),
      workspace_id: workspaceId,
      subject_type: type,
      subject_id: id,
      kind: e.kind,
      event_id: eventId,
      source_type: e.entityType,
      source_id: e.entityId,
      private_to: e.privateTo ?? null,
      occurred_at: occurredAt,
    });
  }
}
