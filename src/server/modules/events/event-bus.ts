import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import type { AppModule } from '../module.js';
import { buildCatalog, type AnyDomainEvent, type EventHandler } from './event-catalog.js';
import type { EventBus } from './events.service.js';

type Bound = (db: Db, actor: Actor, event: AnyDomainEvent) => Promise<void>;

/**
 * The catalog of every module's events and, per type, the handlers that run in the writer's
 * transaction: the timeline and notice opt-ins of the events whose definitions declare them, then
 * modules' `on` subscriptions. A handler for a type nobody declares fails start-up.
 */
export function createEventBus(ctxOf: () => AppContext, modules: readonly AppModule[], validates: boolean): EventBus {
  const catalog = buildCatalog(modules.map((m) => m.events ?? {}));
  const handlers = new Map<string, Bound[]>();
  const add = (type: string, fn: Bound) => {
    let list = handlers.get(type);
    if (!list) handlers.set(type, (list = []));
    list.push(fn);
  };
  // the opt-ins first (timeline, then notices), as an entry for an event precedes what its handlers cause
  for (const key of ['timeline', 'notify'] as const)
    for (const m of modules) {
      const handler = m.optIns?.[key];
      if (handler)
        for (const [type, def] of catalog)
          if (def[key]) add(type, (db, actor, event) => handler(ctxOf(), db, actor, event, def));
    }
  for (const m of modules)
    for (const [type, handler] of Object.entries(m.on ?? {})) {
      if (!catalog.has(type)) throw new Error(`Module ${m.name} listens to ${type}, which no module declares`);
      const fn = handler as EventHandler;
      add(type, (db, actor, event) => fn(ctxOf(), db, actor, event as Parameters<EventHandler>[3]));
    }
  const none: Bound[] = [];
  return { catalog, validates, handlersOf: (type) => handlers.get(type) ?? none };
}
