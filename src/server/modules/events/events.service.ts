import type { Compilable } from 'kysely';
import { z } from 'zod';
import { newId } from '../../db/ids.js';
import { dialectOf } from '../../db/dialect.js';
import { toJson } from '../../db/sql-helpers.js';
import type { Actor } from '../../platform/actor.js';
import { onCommit, type Db } from '../../platform/transaction.js';
import type { AnyDomainEvent, DomainEvent, EventCatalog, EventType, PayloadInputOf } from './event-catalog.js';
import type { RealtimeHub } from './realtime.js';

export type { AnyDomainEvent, DomainEvent, EventType } from './event-catalog.js';

/** What an emitter gives: a declared type, its entity and its payload (a type error otherwise). */
export type EventInput<T extends EventType> = {
  type: T;
  entityType: string;
  entityId?: string | null;
} & (Record<string, never> extends PayloadInputOf<T>
  ? { payload?: PayloadInputOf<T> }
  : { payload: PayloadInputOf<T> });

/** The catalog and who listens to what, built once per context from the modules (see AppModule). */
export interface EventBus {
  catalog: EventCatalog;
  /** In-transaction handlers of one type: modules' `on`, then the timeline and notice opt-ins. */
  handlersOf(type: string): ReadonlyArray<(db: Db, actor: Actor, event: AnyDomainEvent) => Promise<void>>;
  /** Checks every payload against its schema (tests and development: a mismatch fails loudly). */
  validates: boolean;
}

export interface EventDeps {
  realtime: RealtimeHub;
  events: EventBus;
}

/** Thrown for an event the catalog does not declare, or whose payload breaks its schema. */
export class EventContractError extends Error {}

function checked(bus: EventBus, type: string, entityType: string, payload: unknown): void {
  const def = bus.catalog.get(type);
  if (!def) throw new EventContractError(`Event ${type} is not declared in any module's *.events.ts`);
  if (!bus.validates) return;
  if (def.entity !== entityType)
    throw new EventContractError(`Event ${type} is about a ${def.entity}, not a ${entityType}`);
  const result = def.payload.safeParse(payload);
  if (!result.success)
    throw new EventContractError(`Event ${type} has a payload its schema refuses: ${z.prettifyError(result.error)}`);
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
export async function appendEvent<T extends EventType>(
  deps: EventDeps,
  db: Db,
  actor: Actor,
  input: EventInput<T>,
  at: string,
  together: ReadonlyArray<TogetherWrite> = [],
): Promise<DomainEvent<T>> {
  const payload = (input.payload ?? {}) as Record<string, unknown>;
  checked(deps.events, input.type, input.entityType, payload);
  const event: AnyDomainEvent = {
    id: newId(),
    workspaceId: actor.workspaceId,
    type: input.type,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    actorId: actor.kind === 'system' ? null : actor.id,
    payload,
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
  for (const handle of deps.events.handlersOf(event.type)) await handle(db, actor, event);
  return event as DomainEvent<T>;
}
