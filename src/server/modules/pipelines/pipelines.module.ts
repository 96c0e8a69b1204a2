import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import type { AppModule } from '../module.js';
import { ensureOpenItemOnTypeChange, registerContactHooks } from './contact-hooks.js';
import { dealRoutes } from './deals.routes.js';
import { pipelineEvents } from './pipelines.events.js';
import { pipelineRoutes } from './pipelines.routes.js';
import { pipelineTemplates } from './pipelines.templates.js';

const routes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(pipelineRoutes, { ctx });
  await app.register(dealRoutes, { ctx });
};

/** Pipelines (funnels) with stages and rules, the items in them (deals), board and forecast. */
export const pipelinesModule: AppModule = {
  name: 'pipelines',
  routes,
  templates: pipelineTemplates,
  events: pipelineEvents,
  // a contact that gets a type whose rule asks for an open item gets one
  on: { 'contact.created': ensureOpenItemOnTypeChange, 'contact.updated': ensureOpenItemOnTypeChange },
};

registerContactHooks();
