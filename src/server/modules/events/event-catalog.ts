import { z } from 'zod';
import type { TimelineKind } from '../../../shared/contracts/activities-timeline.js';
import type { Permission } from '../../../shared/permissions.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';

/**
 * Every domain event type and its definition. Each module adds its own in its `*.events.ts`
 * (`declare module '../events/event-catalog.js' { interface DomainEventMap extends EventsOf<typeof x> {} }`),
 * as tables merge into `DB`, and lists the same definitions in its AppModule's `events`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type EventType = keyof DomainEventMap & string;
type DefinitionOf<T extends EventType> = DomainEventMap[T] extends EventDefinition ? DomainEventMap[T] : never;
/** The payload as readers get it. */
export type PayloadOf<T extends EventType> = z.output<DefinitionOf<T>['payload']>;
/** The payload as emitters give it (defaults may be left out). */
export type PayloadInputOf<T extends EventType> = z.input<DefinitionOf<T>['payload']>;

/** A domain event as stored and streamed; `DomainEvent<'deal.moved'>` has that event's payload. */
export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  workspaceId: string;
  type: T;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  payload: PayloadOf<T>;
  createdAt: string;
}
/** One of several types, told apart by `type` (`DomainEventOf<'contact.created' | 'contact.updated'>`). */
export type DomainEventOf<T extends EventType> = T extends EventType ? DomainEvent<T> : never;
/** Any event, its type unknown to the reader (the outbox, the hub). */
export interface AnyDomainEvent {
  id: string;
  workspaceId: string;
  type: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Who may receive an event on the live stream (`GET /api/realtime`). */
export interface RealtimeRule {
  /** Needed to receive it at all ('authenticated': every member). */
  permission: Permission | 'authenticated';
  /**
   * Whether this actor may see the record the event is about (agents who see only their own
   * records, private activities, personal notifications). Absent: everyone with the permission.
   */
  visibility?: (ctx: AppContext, actor: Actor, event: AnyDomainEvent) => boolean | Promise<boolean>;
}

export type TimelineSubjectType = 'contact' | 'deal' | 'company';

/** How an event shows on the timelines of the records it is about. */
export interface TimelineRule<P> {
  kind: TimelineKind;
  /** add (default): a new entry; replace: the source's entries now show this event; remove: they go. */
  action?: 'add' | 'replace' | 'remove';
  /** The timelines it shows on besides its entity's: ids named in the payload. */
  subjects?: (p: P) => Partial<Record<TimelineSubjectType, string | null>>;
  /** The record an entry stands for when it is not the event's entity (a note on a contact). */
  source?: (p: P) => { type: string; id: string };
  /** When it happened, when that is not when it was written (an activity's date). */
  occurredAt?: (p: P) => string;
  /** Shown only to this user (and managers): a confidential activity. */
  privateTo?: (p: P) => string | null;
}

/** A notice an event calls for, told in the notifying module's terms by the emitting module. */
export type EventNotice =
  | { kind: 'assignment'; userId: string; previousUserId?: string | null; label: string }
  | { kind: 'stage_change'; userId: string; label: string; stageName: string; reason: string | null }
  | { kind: 'mention'; text: string | null; contactId: string | null; noteId: string };

export interface EventDefinition<P extends z.ZodType = z.ZodType> {
  /** One line for the catalog page and webhook consumers. */
  summary: string;
  /** `entityType` of every event of this type. */
  entity: string;
  payload: P;
  /** false: never streamed live. */
  realtime: RealtimeRule | false;
  timeline?: TimelineRule<z.output<P>>;
  /** The notices the event calls for (none when null). */
  notify?: (e: { entityId: string | null; payload: z.output<P> }) => EventNotice | null;
}

/** Declares one event type (payload first, so the rules after it are typed by it). */
export function defineEvent<P extends z.ZodType>(def: EventDefinition<P>): EventDefinition<P> {
  return def;
}

/** The event map a module's definitions add (for `interface DomainEventMap extends EventsOf<...>`). */
export type EventsOf<D> = { [K in keyof D & string]: D[K] };

/** One definition per type, from every module; built once per context. */
export type EventCatalog = ReadonlyMap<string, EventDefinition>;

export function buildCatalog(parts: ReadonlyArray<Record<string, EventDefinition>>): EventCatalog {
  const catalog = new Map<string, EventDefinition>();
  for (const part of parts)
    for (const [type, def] of Object.entries(part)) {
      if (catalog.has(type)) throw new Error(`Event ${type} is declared twice`);
      catalog.set(type, def);
    }
  return catalog;
}

/** Handlers run inside the writer's transaction for events of exactly their type; they only write. */
export type EventHandler<T extends EventType = EventType> = (
  ctx: AppContext,
  db: Db,
  actor: Actor,
  event: DomainEventOf<T>,
) => Promise<void>;
export type EventHandlers = { [T in EventType]?: EventHandler<T> };

/** A handler for every event whose definition opts in to `timeline` or `notify`. */
export type OptInHandler = (
  ctx: AppContext,
  db: Db,
  actor: Actor,
  event: AnyDomainEvent,
  def: EventDefinition,
) => Promise<void>;

/** The catalog as published (GET /api/events/catalog, the OpenAPI components, the settings page). */
export function describeCatalog(catalog: EventCatalog) {
  return [...catalog.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([type, def]) => ({
      type,
      summary: def.summary,
      entityType: def.entity,
      realtimePermission: def.realtime ? def.realtime.permission : null,
      onTimeline: Boolean(def.timeline),
      payloadSchema: z.toJSONSchema(def.payload, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    }));
}

/** The payload schemas as OpenAPI components, one per type (`Event.deal.moved`). */
export function eventPayloadSchemas(catalog: EventCatalog): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    describeCatalog(catalog).map(({ type, summary, payloadSchema: { $schema: _s, ...schema } }) => [
      `Event.${type}`,
      { ...schema, description: summary },
    ]),
  );
}
