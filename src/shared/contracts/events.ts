import { z } from 'zod';

/**
 * A domain event as the server stores it and streams it (GET /api/realtime, `data:` of each
 * message). Its payload's shape is the one its type declares in the catalog (GET /api/events/catalog).
 */
export const DomainEventEnvelope = z.object({
  id: z.string(),
  workspaceId: z.string(),
  type: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type DomainEventEnvelope = z.infer<typeof DomainEventEnvelope>;

/** One event type of the catalog: what it means, what it is about, and its payload's JSON Schema. */
export const EventCatalogEntry = z.object({
  type: z.string(),
  summary: z.string(),
  entityType: z.string(),
  /** Needed to receive it on the live stream; null when it is never streamed. */
  realtimePermission: z.string().nullable(),
  onTimeline: z.boolean(),
  payloadSchema: z.record(z.string(), z.unknown()),
});
export type EventCatalogEntry = z.infer<typeof EventCatalogEntry>;

export const EventCatalog = z.object({ items: z.array(EventCatalogEntry) });
export type EventCatalog = z.infer<typeof EventCatalog>;
