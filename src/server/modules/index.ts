import type { AppModule } from './module.js';
import { authEvents } from './auth/auth.events.js';
import { authRoutes } from './auth/auth.routes.js';
import { userEvents } from './users/users.events.js';
import { workspaceEvents } from './workspaces/workspaces.events.js';
import { apiKeyEvents } from './api-keys/api-keys.events.js';
import { userRoutes } from './users/users.routes.js';
import { workspaceRoutes } from './workspaces/workspaces.routes.js';
import { apiKeyRoutes } from './api-keys/api-keys.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { auditRetentionJob } from './audit/audit.jobs.js';
import { eventRoutes } from './events/events.routes.js';
import { jobsModule } from './jobs/jobs.module.js';
import { contactsModule } from './contacts/contacts.module.js';
import { activitiesModule } from './activities/activities.module.js';
import { pipelinesModule } from './pipelines/pipelines.module.js';
import { importExportModule } from './import-export/import-export.module.js';

/** Every feature module, in the order their routes register. Add a module here to plug it in. */
export const modules: AppModule[] = [
  { name: 'auth', routes: authRoutes, events: authEvents },
  { name: 'users', routes: userRoutes, events: userEvents },
  { name: 'workspaces', routes: workspaceRoutes, events: workspaceEvents },
  { name: 'api-keys', routes: apiKeyRoutes, events: apiKeyEvents },
  {
    name: 'audit',
    routes: auditRoutes,
    jobs: [auditRetentionJob],
    recurring: [{ name: 'audit.retention', cron: '17 3 * * *' }],
  },
  { name: 'events', routes: eventRoutes },
  jobsModule,
  contactsModule,
  activitiesModule,
  pipelinesModule,
  importExportModule,
];
