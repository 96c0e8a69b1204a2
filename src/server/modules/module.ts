import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Permission } from '../../shared/permissions.js';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../platform/actor.js';
import type { Db } from '../platform/transaction.js';
import type { DomainEvent } from './events/events.service.js';
import type { JobDefinition, RecurringJob } from './jobs/job-definition.js';
import type { WorkspaceTemplateContribution } from './workspaces/templates.js';

/** What a feature module plugs into the app: HTTP routes (under /api), jobs, template defaults. */
export interface AppModule {
  name: string;
  routes?: FastifyPluginAsyncZod<{ ctx: AppContext }>;
  jobs?: JobDefinition<any>[];
  recurring?: RecurringJob[];
  templates?: WorkspaceTemplateContribution;
  /** Permission a user needs to receive this module's live events, by event type prefix. */
  eventPermissions?: Record<string, Permission | 'authenticated'>;
  /** Called for every appended event inside the writer's transaction (e.g. the timeline projection). */
  eventProjectors?: Array<(ctx: AppContext, db: Db, actor: Actor, event: DomainEvent) => Promise<void>>;
}
