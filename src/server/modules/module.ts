import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../platform/context.js';
import type { EventDefinition, EventHandlers, OptInHandler } from './events/event-catalog.js';
import type { JobDefinition, RecurringJob } from './jobs/job-definition.js';
import type { WorkspaceTemplateContribution } from './workspaces/templates.js';

/** What a feature module plugs into the app: HTTP routes (under /api), jobs, template defaults. */
export interface AppModule {
  name: string;
  routes?: FastifyPluginAsyncZod<{ ctx: AppContext }>;
  jobs?: JobDefinition<any>[];
  recurring?: RecurringJob[];
  templates?: WorkspaceTemplateContribution;
  /** The events this module emits (its `*.events.ts`): payload schema, live-stream rule, timeline, notices. */
  events?: Record<string, EventDefinition>;
  /** Handlers of other modules' events by exact type, run in the writer's transaction: `{ 'deal.moved': fn }`. */
  on?: EventHandlers;
  /** Handlers of every event whose definition declares `timeline` / `notify` (the activities module's). */
  optIns?: { timeline?: OptInHandler; notify?: OptInHandler };
}
