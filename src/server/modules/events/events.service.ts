import type { Compilable } from 'kysely';
import { newId } from '../../db/ids.js';
import { dialectOf } from '../../db/dialect.js';
import { toJson } from '../../db/sql-helpers.js';
import type { Actor } from '../../platform/actor.js';
import { onCommit, type Db } from '../../platform/transaction.js';
import type { RealtimeHub } from './realtime.js';

export interface DomainEvent {
  id: string;
  workspaceId: string;
  type: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface EventInput {
  type: string;
  entityType: string;
  entityId?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Runs inside appendEvent, in the caller's transaction, for every event (e.g. the timeline
 * projection). It must only write; a failure rolls the caller's write back.
 */
export type EventProjector = (db: Db, actor: Actor, event: DomainEvent) => Promise<void>;

export interface EventDeps {
  realtime: RealtimeHub;
  /** Projections of events kept in the same transaction (modules contribute them; see AppModule). */
  eventProjectors?: ReadonlyArray<EventProjector>;
}

/** A write that goes with an event (see appendEvent's `together`). */
export type TogetherWrite = Compilable & { execute(): Promise<unknown> };

/**
 * Appends a domain event in the caller's transaction (the outbox that timeline, automations,
 * webhooks and realtime read). Live delivery happens only after commit: PostgreSQL's NOTIFY is
 * transactional; on SQLite the event is handed to the hub by an after-commit callback.
 *
 * `together` are writes that belong with the event (its history and audit rows, counters), none of
 * which reads what another writes or changes the same row: on PostgreSQL they go in the event's
 * own statement as data-modifying CTEs, one round trip for all; on SQLite they run first, in order.
 */
export async function appendEvent(
  deps: EventDeps,
  db: Db,
  actor: Actor,
  input: EventInput,
  at: string,
  together: ReadonlyArray<TogetherWrite> = [],
): Promise<DomainEvent> {
  const event: DomainEvent = {
    id: newId(),
    workspaceId: actor.workspaceId,
    type: input.type,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    actorId: actor.kind === 'system' ? null : actor.id,
    payload: input.payload ?? {},
    createdAt: at,
  };
  const insert = db.insertInto('events').values({
    id: event.id,
    workspace_id: event.workspaceId,
    type: event.type,
    entity_type: event.entityType,
    entity_id: event.entityId,
    actor_id: event.actorId,
    payload: toJson(event.payload),
    created_at: event.createdAt,
  });
  const notified = await dialectOf(db).writeAndNotify(db, [...together, insert], deps.realtime.channel, () =>
    deps.realtime.encode(event),
  );
  if (!notified) onCommit(db, () => deps.realtime.dispatch(event));
  for (const project of deps.eventProjectors ?? []) await project(db, actor, event);
  return event;
}
