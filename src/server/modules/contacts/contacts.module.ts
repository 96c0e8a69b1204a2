import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import type { AppModule } from '../module.js';
import { companyRoutes } from './companies.routes.js';
import { contactConfigRoutes } from './contact-config.routes.js';
import { contactDedupeRoutes } from './contact-dedupe.routes.js';
import { contactExtraRoutes } from './contact-extras.routes.js';
import { contactCoreRoutes } from './contacts.routes.js';
import { contactEvents } from './contacts.events.js';
import { contactPurgeJob } from './contacts.jobs.js';
import { contactTemplates } from './contacts.templates.js';

const routes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const opts = { ctx }; // not the parent's options: they carry its /api prefix
  // fixed paths (/contacts/search, /contacts/duplicates, ...) register before /contacts/:id reads them as ids
  await app.register(contactDedupeRoutes, opts);
  await app.register(contactConfigRoutes, opts);
  await app.register(contactCoreRoutes, opts);
  await app.register(contactExtraRoutes, opts);
  await app.register(companyRoutes, opts);
};

/** Contacts and companies: types, sources, custom fields, tags, notes, relationships, links, duplicates, merge, search. */
export const contactsModule: AppModule = {
  name: 'contacts',
  routes,
  jobs: [contactPurgeJob],
  recurring: [{ name: 'contacts.purge', cron: '37 2 * * *' }],
  templates: contactTemplates,
  events: contactEvents,
};
